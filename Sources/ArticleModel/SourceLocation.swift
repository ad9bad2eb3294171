// copydesk — ArticleModel
// Where a piece of an article came from, and a wrapper that keeps positions out of equality.

// MARK: - Source locations

/// A position in a source file: 1-based line and column.
///
/// Columns count Unicode scalar values from the start of the line (for most text that is
/// the number of characters), after line endings were normalised to `\n`. A reader that only
/// knows lines (libxml2's tree API) sets `column` to 1.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file the article was read from, or `nil` when it came from standard input or code.
    public var file: String?
    /// 1-based line number.
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int

    /// Creates a location.
    public init(file: String? = nil, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, or `<stdin>:line:column` when the file is unknown.
    public var description: String {
        "\(file ?? "<stdin>"):\(line):\(column)"
    }

    /// The same position in another file.
    public func with(file: String?) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }
}

// MARK: - Equality that ignores positions

/// Wraps a value that takes no part in equality or hashing.
///
/// The model's blocks carry their `SourceLocation` through this wrapper, so two articles
/// with the same content are equal wherever they were read from.
@propertyWrapper
public struct EqualityIgnored<Value: Sendable>: Sendable, Hashable {
    /// The wrapped value.
    public var wrappedValue: Value

    /// Wraps a value.
    public init(wrappedValue: Value) {
        self.wrappedValue = wrappedValue
    }

    /// Always true: the wrapped value is not part of the owner's identity.
    public static func == (lhs: Self, rhs: Self) -> Bool { true }

    /// Contributes nothing to the owner's hash.
    public func hash(into hasher: inout Hasher) {}
}
