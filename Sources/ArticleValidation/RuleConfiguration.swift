// copydesk — ArticleValidation
// Which rules run, at which severity, with which settings: what a profile says, as values.

public import ArticleModel

// MARK: - Levels

/// A rule's configured level: a severity, or `off`.
public enum RuleLevel: String, Sendable, Hashable, CaseIterable {
    case off, note, warning, error

    /// The severity findings get, or `nil` when the rule is off.
    public var severity: Diagnostic.Severity? {
        switch self {
        case .off: return nil
        case .note: return .note
        case .warning: return .warning
        case .error: return .error
        }
    }

    /// The level that gives findings this severity.
    public init(_ severity: Diagnostic.Severity) {
        switch severity {
        case .note: self = .note
        case .warning: self = .warning
        case .error: self = .error
        }
    }
}

// MARK: - Settings

/// A setting's value as a profile writes it.
public enum SettingValue: Sendable, Hashable, CustomStringConvertible {
    case int(Int)
    case string(String)
    case strings([String])

    /// The kind of value, for messages (`a number`).
    public var kindName: String {
        switch self {
        case .int: return "a whole number"
        case .string: return "text"
        case .strings: return "a list of text"
        }
    }

    /// The value as a profile writes it.
    public var description: String {
        switch self {
        case .int(let value): return String(value)
        case .string(let value): return value
        case .strings(let values): return "[" + values.joined(separator: ", ") + "]"
        }
    }

    /// Whether `other` is the same kind of value.
    public func sameKind(as other: SettingValue) -> Bool {
        switch (self, other) {
        case (.int, .int), (.string, .string), (.strings, .strings): return true
        default: return false
        }
    }
}

/// A setting a rule reads: its name, default and meaning.
public struct RuleSetting: Sendable, Hashable {
    /// The setting's name in a profile (`max-length`).
    public var name: String
    /// Its value when no profile sets it.
    public var defaultValue: SettingValue
    /// What it sets, for `copydesk rules`.
    public var summary: String

    /// A setting description.
    public init(_ name: String, default defaultValue: SettingValue, _ summary: String) {
        self.name = name
        self.defaultValue = defaultValue
        self.summary = summary
    }
}

/// A setting a rule reads, typed, with its default: the one place its name, default and meaning
/// are written. A rule declares each as a `static let` and reads it as `context.settings[Self.x]`;
/// `descriptor` lists it for profiles, `copydesk rules` and the generated default profile.
public struct Setting<Value: SettingType>: Sendable {
    /// The setting's name in a profile (`max-length`).
    public let name: String
    /// Its value when no profile sets it.
    public let defaultValue: Value
    /// What it sets, for `copydesk rules` and the docs.
    public let summary: String

    /// A typed setting.
    public init(_ name: String, default defaultValue: Value, _ summary: String) {
        self.name = name
        self.defaultValue = defaultValue
        self.summary = summary
    }

    /// The setting as profiles see it.
    public var descriptor: RuleSetting { RuleSetting(name, default: defaultValue.settingValue, summary) }
}

/// The types a rule setting may have.
public protocol SettingType: Sendable {
    /// The value as a profile writes it.
    var settingValue: SettingValue { get }
    /// The value a profile's entry holds, or `nil` when it is of another kind.
    init?(settingValue: SettingValue)
}

extension Int: SettingType {
    /// The number as a profile writes it.
    public var settingValue: SettingValue { .int(self) }
    /// A whole number from a profile's entry.
    public init?(settingValue: SettingValue) {
        guard case .int(let value) = settingValue else { return nil }
        self = value
    }
}

extension Array: SettingType where Element == String {
    /// The list as a profile writes it.
    public var settingValue: SettingValue { .strings(self) }
    /// A list of text from a profile's entry (one text is a list of one).
    public init?(settingValue: SettingValue) {
        switch settingValue {
        case .strings(let values): self = values
        case .string(let value): self = [value]
        case .int: return nil
        }
    }
}

/// A rule's settings: configured values over the rule's defaults.
public struct RuleSettings: Sendable, Hashable {
    /// Values by setting name.
    public var values: [String: SettingValue]

    /// Settings with these values.
    public init(values: [String: SettingValue] = [:]) {
        self.values = values
    }

    /// The defaults, with a profile's values over them.
    public init(defaults: [RuleSetting], overrides: [String: SettingValue] = [:]) {
        var values: [String: SettingValue] = [:]
        for setting in defaults { values[setting.name] = setting.defaultValue }
        for (name, value) in overrides { values[name] = value }
        self.values = values
    }

    /// A typed setting's configured value, or its default.
    public subscript<Value: SettingType>(setting: Setting<Value>) -> Value {
        values[setting.name].flatMap(Value.init(settingValue:)) ?? setting.defaultValue
    }
}

// MARK: - ValidationConfiguration

/// What a profile and a project file decide: a level per rule (the default severity when not
/// named), settings per rule, and the run's clock.
public struct ValidationConfiguration: Sendable, Hashable {
    /// The profile's name, for reports (`default`, `strict`, a file path).
    public var profileName: String
    /// Levels by rule id; a rule not named runs at its default level.
    public var levels: [String: RuleLevel]
    /// Settings by rule id, then by setting name.
    public var settings: [String: [String: SettingValue]]
    /// The time of the run in UTC (`--now`, or the clock); `nil` turns clock checks off.
    public var now: DateTimeValue?

    /// A configuration; by default every rule at its default level and no clock.
    public init(
        profileName: String = "default", levels: [String: RuleLevel] = [:],
        settings: [String: [String: SettingValue]] = [:], now: DateTimeValue? = nil
    ) {
        self.profileName = profileName
        self.levels = levels
        self.settings = settings
        self.now = now
    }

    /// The level a rule runs at.
    public func level(of rule: any Rule) -> RuleLevel {
        levels[rule.id] ?? rule.defaultLevel
    }

}
