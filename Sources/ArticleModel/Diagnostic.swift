// copydesk — ArticleModel
// One finding: from a reader, an analyser, a rule or a writer.

// MARK: - Diagnostic

/// A finding with a stable identifier, a severity, a message that says what to do, and a place.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How serious a finding is: a note informs, a warning asks for a look, an error blocks.
    public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
        case note, warning, error

        private var rank: Int {
            switch self {
            case .note: return 0
            case .warning: return 1
            case .error: return 2
            }
        }

        /// Orders note < warning < error.
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// A stable dotted identifier (`headline.missing`, `input.encoding`).
    public var id: String
    /// How serious it is.
    public var severity: Severity
    /// What is wrong and what to do, in a sentence.
    public var message: String
    /// Where it is, when known. A diagnostic about a whole file has a location with only the file.
    public var location: SourceLocation?
    /// The file, when the location is unknown or has no file.
    public var file: String?
    /// Further lines of explanation or a suggested fix.
    public var notes: [String]
    /// The offending text as the model holds it (a headline, a quotation), when a rule knows it:
    /// the command line looks for it in the source to point at its exact line and column.
    public var excerpt: String?

    /// A diagnostic; a location's file stands for `file` when none is given.
    public init(
        id: String, severity: Severity, message: String, location: SourceLocation? = nil,
        file: String? = nil, notes: [String] = []
    ) {
        self.id = id
        self.severity = severity
        self.message = message
        self.location = location
        self.file = file ?? location?.file
        self.notes = notes
    }

    /// `file:line:col: severity: message [id]`, leaving out what is not known.
    public var description: String {
        var prefix = ""
        if let location {
            prefix = "\(location.file ?? file ?? "<stdin>"):\(location.line):\(location.column): "
        } else if let file {
            prefix = "\(file): "
        }
        return "\(prefix)\(severity.rawValue): \(message) [\(id)]"
    }
}
