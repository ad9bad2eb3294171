// copydesk — CopydeskKit
// XML reports CI servers read: JUnit (GitLab, Jenkins) and Checkstyle.

// MARK: - junit

/// JUnit XML, as GitLab and Jenkins read it: a test case per file, failed by its errors only. Each
/// error is a `failure` (an `error` for a file that could not be read); warnings and notes do not
/// fail a test case and are listed in its `system-out`, which both servers show with the case.
/// `--strict` turns warnings into errors before the report is made, so they fail it then.
package struct JUnitReport: ReportFormat {
    package init() {}
    package var name: String { "junit" }
    package var summary: String {
        "JUnit XML: a testcase per file, a failure per error, warnings and notes in system-out (GitLab, Jenkins)"
    }

    package func render(_ report: ValidationReport, options: ReportOptions) -> String {
        let files = report.files.map(report.relativePath)
        let byFile = Dictionary(grouping: report.findings) { report.file(of: $0) }
        let unreadable = Set(report.unreadable.map(report.relativePath))
        let errored = files.filter { unreadable.contains($0) }.count
        let failed = files.filter { file in
            !unreadable.contains(file) && (byFile[file] ?? []).contains { $0.severity == .error }
        }.count
        let counts = "tests=\"\(files.count)\" failures=\"\(failed)\" errors=\"\(errored)\""
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"copydesk validate\" \(counts)>\n"
        out += "  <testsuite name=\"copydesk validate\" \(counts) skipped=\"0\">\n"
        for file in files {
            let name = Escape.xml(file)
            let findings = byFile[file] ?? []
            guard !findings.isEmpty else {
                out += "    <testcase classname=\"copydesk.validate\" name=\"\(name)\" file=\"\(name)\"/>\n"
                continue
            }
            out += "    <testcase classname=\"copydesk.validate\" name=\"\(name)\" file=\"\(name)\">\n"
            var reported: [String] = []
            for finding in findings {
                var place = file
                if let location = finding.location { place += ":\(location.line):\(location.column)" }
                let line = "\(place): \(finding.severity.rawValue): \(finding.message) [\(finding.id)]"
                guard finding.severity == .error else {
                    reported.append(line)
                    continue
                }
                let element = unreadable.contains(file) ? "error" : "failure"
                out +=
                    "      <\(element) type=\"\(Escape.xml(finding.id))\" message=\"\(Escape.xml(finding.message))\">"
                out += Escape.xml(line) + "</\(element)>\n"
            }
            if !reported.isEmpty {
                out += "      <system-out>" + reported.map(Escape.xml).joined(separator: "&#10;") + "</system-out>\n"
            }
            out += "    </testcase>\n"
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }
}

// MARK: - checkstyle

/// Checkstyle XML, which many CI plugins and review bots read.
package struct CheckstyleReport: ReportFormat {
    package init() {}
    package var name: String { "checkstyle" }
    package var summary: String { "Checkstyle XML (a file element per file, an error element per finding)" }

    package func render(_ report: ValidationReport, options: ReportOptions) -> String {
        let byFile = Dictionary(grouping: report.findings) { report.file(of: $0) }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"
        for file in report.files.map(report.relativePath) {
            let findings = byFile[file] ?? []
            guard !findings.isEmpty else {
                out += "  <file name=\"\(Escape.xml(file))\"/>\n"
                continue
            }
            out += "  <file name=\"\(Escape.xml(file))\">\n"
            for finding in findings {
                var attributes = ""
                if let location = finding.location {
                    attributes += "line=\"\(location.line)\" column=\"\(location.column)\" "
                }
                let severity = finding.severity == .note ? "info" : finding.severity.rawValue
                attributes += "severity=\"\(severity)\" message=\"\(Escape.xml(finding.message))\" "
                attributes += "source=\"copydesk.\(Escape.xml(finding.id))\""
                out += "    <error \(attributes)/>\n"
            }
            out += "  </file>\n"
        }
        return out + "</checkstyle>\n"
    }
}
