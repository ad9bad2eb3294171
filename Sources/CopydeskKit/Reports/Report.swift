// copydesk — CopydeskKit
// Validation reports: one value holding what was checked and found, one type per output format.

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

// MARK: - ValidationReport

/// What one `copydesk validate` run checked and found: the input of every report format.
package struct ValidationReport: Sendable {
    /// Every input checked, in order, as named in findings (`<stdin>` for standard input).
    package var files: [String]
    /// The findings, sorted by file, line and column. An input that could not be read has one
    /// error finding with the reader's id (`input.encoding`, `yaml.syntax`, `io.unreadable`).
    package var findings: [Diagnostic]
    /// The copydesk version, for reports that name their tool.
    package var toolVersion: String
    /// The folder paths are made relative to (the working folder), without a trailing slash.
    package var root: String?
    /// The inputs that could not be read (their one finding says why).
    package var unreadable: Set<String>

    package init(
        files: [String], findings: [Diagnostic], toolVersion: String, root: String? = nil,
        unreadable: Set<String> = []
    ) {
        self.files = files
        self.findings = Validator.sorted(findings)
        self.unreadable = unreadable
        self.toolVersion = toolVersion
        self.root = root
    }

    package func count(_ severity: Diagnostic.Severity) -> Int {
        findings.filter { $0.severity == severity }.count
    }

    /// The findings about one file.
    package func findings(in file: String) -> [Diagnostic] {
        findings.filter { ($0.location?.file ?? $0.file) == file }
    }

    /// A path as reports print it: relative to `root` when it is inside it.
    package func relativePath(_ path: String) -> String {
        guard let root, !root.isEmpty, path.hasPrefix(root + "/") else { return path }
        return String(path.dropFirst(root.count + 1))
    }

    /// The file a finding is about (`<stdin>` when none).
    func file(of finding: Diagnostic) -> String {
        relativePath(finding.location?.file ?? finding.file ?? "<stdin>")
    }
}

// MARK: - Formats

/// How a report is printed.
package struct ReportOptions: Sendable {
    /// ANSI colours (text only): on for a terminal without `NO_COLOR`.
    package var color: Bool

    package init(color: Bool = false) {
        self.color = color
    }
}

/// One report format.
package protocol ReportFormat: Sendable {
    /// The name `--format` takes (`sarif`).
    var name: String { get }
    var summary: String { get }
    func render(_ report: ValidationReport, options: ReportOptions) -> String
}

/// Every report format, in one table.
package enum ReportRegistry {
    package static let formats: [any ReportFormat] = [
        TextReport(), JSONReport(), SARIFReport(), JUnitReport(), GitHubReport(), CheckstyleReport(),
    ]

    package static func format(named name: String) -> (any ReportFormat)? {
        formats.first { $0.name == name.lowercased() }
    }

    package static var names: [String] { formats.map(\.name) }
}

// MARK: - Escaping

enum Escape {
    /// A JSON string literal (the JSON writer's escaping).
    static func json(_ text: String) -> String { JSONText.quoted(text) }

    /// Text for an XML attribute or element (the XML writers' escaping).
    static func xml(_ text: String) -> String { XMLText.escaped(text) }
}
