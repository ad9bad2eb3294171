// copydesk — CopydeskKit
// The built-in profiles, embedded so the installed binary has them without resource bundles:
// `default` generated from the rules' own defaults, the others as data over it. Schemas/profiles/NAME.yml
// holds each text (a test checks it; UPDATE_GOLDENS=1 rewrites them).

// MARK: - BuiltinProfiles

package enum BuiltinProfiles {
    /// A profile as data: the lines of its comment, what it extends, and each rule it names with
    /// its level and settings.
    struct Definition {
        var name: String
        var comment: [String]
        var extends: String?
        var rules: [(id: String, level: RuleLevel, settings: [(name: String, value: SettingValue)])]

        /// The profile as the YAML a project's `.copydesk.yml` or `--profile` file would hold.
        var text: String {
            var lines = comment.map { "# " + $0 }
            lines.append("name: \(name)")
            if let extends { lines.append("extends: \(extends)") }
            lines.append("rules:")
            for rule in rules {
                if rule.settings.isEmpty {
                    lines.append("  \(rule.id): \(rule.level.rawValue)")
                    continue
                }
                lines.append("  \(rule.id):")
                lines.append("    severity: \(rule.level.rawValue)")
                for setting in rule.settings { lines.append("    \(setting.name): \(Self.yaml(setting.value))") }
            }
            return lines.joined(separator: "\n") + "\n"
        }

        static func yaml(_ value: SettingValue) -> String {
            switch value {
            case .int(let number): return String(number)
            case .string(let text): return text
            case .strings(let texts): return "[" + texts.joined(separator: ", ") + "]"
            }
        }
    }

    /// `default`: every rule at its default level with its default settings, generated from the
    /// rules themselves (`RuleRegistry`), so a rule's defaults are written in one place.
    static var defaultProfile: Definition {
        Definition(
            name: "default",
            comment: [
                "copydesk validation profile: default",
                "Every rule at its default level, with its default settings: what `copydesk validate` uses when",
                "neither --profile nor a .copydesk.yml names another. A level is error, warning, note or off;",
                "a rule with settings is a mapping with `severity:` and the settings. See docs/RULES.md.",
                "Generated from the rules' defaults (Sources/ArticleValidation/Rules); edit those, not this file.",
            ],
            rules: RuleRegistry.rules.map { rule in
                (rule.id, rule.defaultLevel, rule.settings.map { ($0.name, $0.defaultValue) })
            })
    }

    /// `strict`: warnings about bylines, dates and quotes become errors.
    static let strict = Definition(
        name: "strict",
        comment: [
            "copydesk validation profile: strict",
            "The default profile with warnings about bylines, dates and quotes made errors, organisation",
            "bylines reported, and dates mentioned after publication made warnings. For desks that publish",
            "only copy that passes clean.",
        ],
        extends: "default",
        rules: [
            (HeadlineTooLongRule().id, .error, [(HeadlineTooLongRule.maxLength.name, .int(90))]),
            ("headline.all-caps", .error, []), ("byline.missing", .error, []), ("byline.malformed", .error, []),
            ("byline.kind", .error, []), ("byline.organization", .warning, []), ("date.future", .error, []),
            ("date.modified-before-published", .error, []), ("date.no-timezone", .error, []),
            ("date.dateline-mismatch", .error, []), ("date.mention-after-published", .warning, []),
            ("quote.unattributed", .error, []), ("quote.unbalanced", .error, []),
            ("quote.pronoun-speaker", .error, []), ("quote.pull-unmatched", .error, []),
            ("body.duplicate-paragraph", .error, []), ("body.boilerplate", .error, []),
        ])

    /// `newsml-syndication`: what a NewsML-G2 item sent to partners needs.
    static let newsmlSyndication = Definition(
        name: "newsml-syndication",
        comment: [
            "copydesk validation profile: newsml-syndication",
            "What a NewsML-G2 item sent to syndication partners needs: a headline (contentMeta/headline), a",
            "creator (contentMeta/creator, a byline), a publication date with a time and a time zone (itemMeta",
            "versionCreated/firstCreated are xs:dateTime values that partners read as instants), a language",
            "(xml:lang), and a body. Quotes are attributed, as partners republish them verbatim.",
        ],
        extends: "default",
        rules: [
            ("headline.missing", .error, []), ("byline.missing", .error, []), ("byline.malformed", .error, []),
            ("date.published-missing", .error, []), ("date.future", .error, []), ("date.no-timezone", .error, []),
            ("date.no-time", .error, []), ("language.missing", .error, []), ("quote.unattributed", .error, []),
            ("body.empty", .error, []),
        ])

    /// Profile names and their YAML text, as `Schemas/profiles/NAME.yml` holds them (a test checks).
    package static var all: [(name: String, text: String)] {
        [defaultProfile, strict, newsmlSyndication].map { ($0.name, $0.text) }
    }

    /// The text of a built-in profile, or `nil`.
    package static func text(named name: String) -> String? {
        all.first { $0.name == name }?.text
    }
}

// MARK: - Profiles by name

extension ValidationConfiguration {
    /// The configuration of a built-in profile (`default`, `strict`, `newsml-syndication`) or of a
    /// profile file (a path), as `copydesk validate --profile` reads it; `now` is the time dates
    /// are checked against (`nil` turns those checks off).
    public static func profile(
        named name: String, now: DateTimeValue? = nil
    ) throws(CopydeskError)
        -> ValidationConfiguration
    {
        var resolver = ConfigurationResolver(profile: name, now: now, projectFiles: false)
        return try resolver.configuration(forInput: "-")
    }
}
