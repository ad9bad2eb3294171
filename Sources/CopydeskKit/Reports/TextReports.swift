// copydesk — CopydeskKit
// Line-oriented reports: text for people, workflow commands for GitHub Actions, JSON for scripts.

// MARK: - text

/// `path:line:col: severity: message [rule-id]`, one line per finding, as compilers print.
package struct TextReport: ReportFormat {
    package init() {}
    package var name: String { "text" }
    package var summary: String { "path:line:col: severity: message [rule-id], coloured on a terminal (default)" }

    package func render(_ report: ValidationReport, options: ReportOptions) -> String {
        var out = ""
        for finding in report.findings {
            var place = report.file(of: finding)
            if let location = finding.location { place += ":\(location.line):\(location.column)" }
            let severity = finding.severity.rawValue
            if options.color {
                let colour: String
                switch finding.severity {
                case .error: colour = "\u{1B}[1;31m"
                case .warning: colour = "\u{1B}[1;33m"
                case .note: colour = "\u{1B}[1;36m"
                }
                out += "\u{1B}[1m\(place):\u{1B}[0m \(colour)\(severity):\u{1B}[0m \(finding.message) "
                out += "\u{1B}[2m[\(finding.id)]\u{1B}[0m\n"
            } else {
                out += "\(place): \(severity): \(finding.message) [\(finding.id)]\n"
            }
        }
        return out
    }
}

// MARK: - github

/// GitHub Actions workflow commands: each finding becomes an annotation on the file and line.
package struct GitHubReport: ReportFormat {
    package init() {}
    package var name: String { "github" }
    package var summary: String { "GitHub Actions annotations (::error file=…,line=…::message)" }

    package func render(_ report: ValidationReport, options: ReportOptions) -> String {
        var out = ""
        for finding in report.findings {
            let command: String
            switch finding.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .note: command = "notice"
            }
            var properties = ["file=" + Self.property(report.file(of: finding))]
            if let location = finding.location {
                properties += ["line=\(location.line)", "col=\(location.column)"]
            }
            properties.append("title=" + Self.property("copydesk " + finding.id))
            out += "::\(command) \(properties.joined(separator: ","))::\(Self.data(finding.message))\n"
        }
        return out
    }

    /// A command's message: `%`, CR and LF escaped.
    static func data(_ text: String) -> String {
        text.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
    }

    /// A command property: as data, and `:` and `,` too.
    static func property(_ text: String) -> String {
        data(text).replacingAll(":", "%3A").replacingAll(",", "%2C")
    }
}

extension String {
    fileprivate func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

// MARK: - json

/// A versioned flat list of findings for scripts.
package struct JSONReport: ReportFormat {
    package init() {}
    package var name: String { "json" }
    package var summary: String {
        "versioned JSON: a flat list of diagnostics (file, line, column, severity, rule, message)"
    }

    /// The version of this report's shape; a consumer checks it.
    package static let version = 1

    package func render(_ report: ValidationReport, options: ReportOptions) -> String {
        var out = "{\n"
        out += "  \"version\": \(Self.version),\n"
        out += "  \"tool\": {\"name\": \"copydesk\", \"version\": \(Escape.json(report.toolVersion))},\n"
        out += "  \"files\": [" + report.files.map { Escape.json(report.relativePath($0)) }.joined(separator: ", ")
        out += "],\n"
        out += "  \"summary\": {\"errors\": \(report.count(.error)), \"warnings\": \(report.count(.warning)), "
        out += "\"notes\": \(report.count(.note))},\n"
        out += "  \"diagnostics\": ["
        let items = report.findings.map { finding in
            let line = finding.location.map { String($0.line) } ?? "null"
            let column = finding.location.map { String($0.column) } ?? "null"
            return "\n    {\"file\": \(Escape.json(report.file(of: finding))), \"line\": \(line), "
                + "\"column\": \(column), \"severity\": \"\(finding.severity.rawValue)\", "
                + "\"rule\": \(Escape.json(finding.id)), \"message\": \(Escape.json(finding.message))}"
        }
        out += items.joined(separator: ",")
        out += items.isEmpty ? "]\n" : "\n  ]\n"
        return out + "}\n"
    }
}
