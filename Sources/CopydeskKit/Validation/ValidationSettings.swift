// copydesk — CopydeskKit
// Profiles and project files (.copydesk.yml) → a ValidationConfiguration, with errors at file:line:col.

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

// MARK: - Profile files

/// One profile or project file as read: what it extends and what it sets.
struct ProfileLayer {
    var name: String?
    /// `extends:` (profiles) or `profile:` (project files): a built-in name or a path.
    var base: (value: String, location: SourceLocation)?
    var levels: [String: RuleLevel] = [:]
    var settings: [String: [String: SettingValue]] = [:]
}

package enum ProfileParser {
    static let levelNames = RuleLevel.allCases.map(\.rawValue).joined(separator: ", ")

    /// Parses profile YAML; every problem is an error at its position in `file`.
    static func parse(_ bytes: [UInt8], file: String) throws(CopydeskError) -> ProfileLayer {
        let documents: [YAMLValue]
        do {
            documents = try YAMLValue.documents(bytes, file: file)
        } catch {
            throw .format(error)
        }
        var layer = ProfileLayer()
        guard let root = documents.first else { return layer }
        guard documents.count == 1 else {
            throw problem("a profile is one YAML document; this file has \(documents.count)", at: documents[1].location)
        }
        if case .scalar(let text, _) = root.kind, text.isEmpty { return layer }
        guard case .mapping(let pairs) = root.kind else {
            throw problem("a profile is a mapping with 'rules:', not \(root.kindDescription)", at: root.location)
        }
        for (key, value) in pairs {
            switch key.scalar ?? "" {
            case "name", "description":
                guard let text = value.scalar else {
                    throw problem("'\(key.scalar!)' is text, not \(value.kindDescription)", at: value.location)
                }
                if key.scalar == "name" { layer.name = text }
            case "extends", "profile":
                guard let text = value.scalar, !text.isEmpty else {
                    throw problem(
                        "'\(key.scalar!)' names a profile: default, strict, newsml-syndication or a file",
                        at: value.location)
                }
                layer.base = (text, value.location)
            case "rules":
                try parseRules(value, into: &layer)
            default:
                throw problem(
                    "unknown key '\(key.scalar ?? key.kindDescription)'; a profile has name, description, "
                        + "extends (or profile) and rules", at: key.location)
            }
        }
        return layer
    }

    private static func parseRules(_ value: YAMLValue, into layer: inout ProfileLayer) throws(CopydeskError) {
        if case .scalar(let text, _) = value.kind, text.isEmpty { return }
        guard case .mapping(let pairs) = value.kind else {
            throw problem(
                "'rules' is a mapping of rule ids to levels, not \(value.kindDescription)", at: value.location)
        }
        for (key, setting) in pairs {
            let id = key.scalar ?? ""
            guard let rule = RuleRegistry.rule(id: id) else {
                throw problem(
                    "unknown rule '\(id)'; 'copydesk rules' lists them", at: key.location,
                    hint: nearest(id).map { "did you mean '\($0)'?" })
            }
            switch setting.kind {
            case .scalar(let text, _):
                layer.levels[id] = try level(text, at: setting.location)
            case .mapping(let entries):
                for (name, entry) in entries {
                    let settingName = name.scalar ?? ""
                    if settingName == "severity" || settingName == "level" {
                        layer.levels[id] = try level(entry.scalar ?? "", at: entry.location)
                        continue
                    }
                    guard let declared = rule.settings.first(where: { $0.name == settingName }) else {
                        let known = (["severity"] + rule.settings.map(\.name)).joined(separator: ", ")
                        throw problem(
                            "rule \(id) has no setting '\(settingName)'; it has: \(known)", at: name.location)
                    }
                    layer.settings[id, default: [:]][settingName] = try settingValue(
                        entry, like: declared.defaultValue, name: "\(id) \(settingName)")
                }
            case .sequence:
                throw problem(
                    "rule \(id) takes a level (\(levelNames)) or a mapping with severity and settings, not a list",
                    at: setting.location)
            }
        }
    }

    private static func level(_ text: String, at location: SourceLocation) throws(CopydeskError) -> RuleLevel {
        guard let level = RuleLevel(rawValue: text.lowercased()) else {
            throw problem("unknown level '\(text)'; use one of: \(levelNames)", at: location)
        }
        return level
    }

    private static func settingValue(
        _ value: YAMLValue, like example: SettingValue, name: String
    ) throws(CopydeskError) -> SettingValue {
        switch (example, value.kind) {
        case (.int, .scalar(let text, _)):
            if let number = Int(text), number >= 0 { return .int(number) }
        case (.string, .scalar(let text, _)):
            return .string(text)
        case (.strings, .sequence(let items)):
            var texts: [String] = []
            for item in items {
                guard let text = item.scalar else { break }
                texts.append(text)
            }
            if texts.count == items.count { return .strings(texts) }
        default:
            break
        }
        throw problem("setting \(name) is \(example.kindName)", at: value.location)
    }

    static func problem(_ message: String, at location: SourceLocation, hint: String? = nil) -> CopydeskError {
        .format(
            FormatError(
                id: "config.invalid", message: message, location: location, file: location.file,
                hint: hint ?? "see docs/RULES.md for the profile format"))
    }

    /// The registered rule id closest to a misspelt one, when it is close.
    private static func nearest(_ id: String) -> String? {
        let ids = RuleRegistry.rules.map(\.id)
        return ids.min { distance($0, id) < distance($1, id) }.flatMap { distance($0, id) <= 3 ? $0 : nil }
    }

    private static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}

// MARK: - Resolution

/// Finds the configuration for each input: `--profile`, else the nearest `.copydesk.yml`'s
/// `profile:`, else `default`; then the project file's rule overrides. Files are read once.
package struct ConfigurationResolver {
    /// The name of the project file looked for from each input's folder up to the root.
    package static let projectFileName = ".copydesk.yml"

    let profileOption: String?
    let now: DateTimeValue?
    /// Whether `.copydesk.yml` files are looked for (a library asking for a profile by name does not).
    let usesProjectFiles: Bool
    private var projectFiles: [String: String?] = [:]
    private var resolved: [String: ValidationConfiguration] = [:]

    package init(profile: String?, now: DateTimeValue?, projectFiles: Bool = true) {
        profileOption = profile
        self.now = now
        usesProjectFiles = projectFiles
    }

    /// The configuration for an input path (`-` for standard input: from the working folder).
    package mutating func configuration(forInput path: String) throws(CopydeskError) -> ValidationConfiguration {
        let start = path == "-" ? FileManager.default.currentDirectoryPath : Self.folder(of: path)
        let project = usesProjectFiles ? projectFile(from: start) : nil
        let key = project ?? ""
        if let known = resolved[key] { return known }
        var layers: [ProfileLayer] = []
        var profileName = "default"
        var projectLayer: ProfileLayer?
        if let project {
            projectLayer = try ProfileParser.parse(try Files.read(project), file: project)
        }
        if let profileOption {
            let location = SourceLocation(file: "--profile", line: 1, column: 1)
            layers = try chain(profileOption, relativeTo: FileManager.default.currentDirectoryPath, at: location)
            profileName = profileOption
        } else if let base = projectLayer?.base {
            layers = try chain(base.value, relativeTo: Self.folder(of: project!), at: base.location)
            profileName = base.value
        } else {
            layers = try chain("default", relativeTo: "", at: nil)
        }
        if var projectLayer {
            projectLayer.base = nil
            layers.append(projectLayer)
        }
        var configuration = ValidationConfiguration(profileName: profileName, now: now)
        for layer in layers {
            configuration.levels.merge(layer.levels) { $1 }
            for (id, values) in layer.settings { configuration.settings[id, default: [:]].merge(values) { $1 } }
        }
        resolved[key] = configuration
        return configuration
    }

    /// The profile named and the ones it extends, base first.
    private func chain(
        _ name: String, relativeTo folder: String, at location: SourceLocation?, depth: Int = 0
    ) throws(CopydeskError) -> [ProfileLayer] {
        guard depth < 8 else {
            throw ProfileParser.problem(
                "profiles extend each other more than 8 deep (a cycle?)",
                at: location ?? SourceLocation(line: 1, column: 1))
        }
        let layer: ProfileLayer
        let nextFolder: String
        let path = name.hasPrefix("/") || folder.isEmpty ? name : folder + "/" + name
        if FileManager.default.fileExists(atPath: path), !folder.isEmpty {
            layer = try ProfileParser.parse(try Files.read(path), file: path)
            nextFolder = Self.folder(of: path)
        } else if let text = BuiltinProfiles.text(named: name) {
            layer = try ProfileParser.parse(Array(text.utf8), file: "<profile \(name)>")
            nextFolder = folder
        } else {
            let known = BuiltinProfiles.all.map(\.name).joined(separator: ", ")
            let message = "no profile '\(name)': name a built-in one (\(known)) or a profile file"
            if let location, location.file != "--profile" { throw ProfileParser.problem(message, at: location) }
            throw CopydeskError.io(path: name, message: message, hint: "check the path given to --profile")
        }
        guard let base = layer.base else { return [layer] }
        return try chain(base.value, relativeTo: nextFolder, at: base.location, depth: depth + 1) + [layer]
    }

    private mutating func projectFile(from folder: String) -> String? {
        if let known = projectFiles[folder] { return known }
        let candidate = (folder == "/" ? "" : folder) + "/" + Self.projectFileName
        let found: String?
        if FileManager.default.fileExists(atPath: candidate) {
            found = candidate
        } else if folder == "/" || folder.isEmpty {
            found = nil
        } else {
            found = projectFile(from: Self.folder(of: folder))
        }
        projectFiles[folder] = found
        return found
    }

    /// The absolute folder holding a path.
    static func folder(of path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        let parent = absolute.deletingLastPathComponent().path
        return parent.isEmpty ? "/" : parent
    }
}
