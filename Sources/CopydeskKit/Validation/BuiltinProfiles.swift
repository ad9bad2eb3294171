// copydesk — CopydeskKit
// The built-in profiles, embedded so the installed binary has them without resource bundles.
// Each text equals Schemas/profiles/NAME.yml (a test checks it); edit both together.

// MARK: - BuiltinProfiles

public enum BuiltinProfiles {
    /// Profile names and their YAML text.
    public static let all: [(name: String, text: String)] = [
        (
            "default",
            """
            # copydesk validation profile: default
            # Every rule at its default level, with its default settings: what `copydesk validate` uses when
            # neither --profile nor a .copydesk.yml names another. A level is error, warning, note or off;
            # a rule with settings is a mapping with `severity:` and the settings. See docs/RULES.md.
            name: default
            rules:
              headline.missing: error
              headline.too-long:
                severity: warning
                max-length: 100
              headline.all-caps: warning
              byline.missing: warning
              byline.malformed: warning
              byline.kind: warning
              byline.organization: off
              date.published-missing: error
              date.unparseable: error
              date.invalid: error
              date.future:
                severity: warning
                tolerance-minutes: 5
              date.modified-before-published: warning
              date.no-timezone: warning
              date.no-time: off
              date.dateline-mismatch:
                severity: warning
                max-days: 2
              date.mention-after-published: note
              quote.unattributed: warning
              quote.unbalanced: warning
              quote.pronoun-speaker: warning
              quote.pull-unmatched: warning
              body.empty: error
              body.duplicate-paragraph:
                severity: warning
                min-length: 20
              body.boilerplate:
                severity: warning
                phrases: []
              language.missing: off

            """
        ),
        (
            "strict",
            """
            # copydesk validation profile: strict
            # The default profile with warnings about bylines, dates and quotes made errors, organisation
            # bylines reported, and dates mentioned after publication made warnings. For desks that publish
            # only copy that passes clean.
            name: strict
            extends: default
            rules:
              headline.too-long:
                severity: error
                max-length: 90
              headline.all-caps: error
              byline.missing: error
              byline.malformed: error
              byline.kind: error
              byline.organization: warning
              date.future: error
              date.modified-before-published: error
              date.no-timezone: error
              date.dateline-mismatch: error
              date.mention-after-published: warning
              quote.unattributed: error
              quote.unbalanced: error
              quote.pronoun-speaker: error
              quote.pull-unmatched: error
              body.duplicate-paragraph: error
              body.boilerplate: error

            """
        ),
        (
            "newsml-syndication",
            """
            # copydesk validation profile: newsml-syndication
            # What a NewsML-G2 item sent to syndication partners needs: a headline (contentMeta/headline), a
            # creator (contentMeta/creator, a byline), a publication date with a time and a time zone (itemMeta
            # versionCreated/firstCreated are xs:dateTime values that partners read as instants), a language
            # (xml:lang), and a body. Quotes are attributed, as partners republish them verbatim.
            name: newsml-syndication
            extends: default
            rules:
              headline.missing: error
              byline.missing: error
              byline.malformed: error
              date.published-missing: error
              date.future: error
              date.no-timezone: error
              date.no-time: error
              language.missing: error
              quote.unattributed: error
              body.empty: error

            """
        ),
    ]

    /// The text of a built-in profile, or `nil`.
    public static func text(named name: String) -> String? {
        all.first { $0.name == name }?.text
    }
}
