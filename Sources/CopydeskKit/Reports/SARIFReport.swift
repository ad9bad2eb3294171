// copydesk — CopydeskKit
// SARIF 2.1.0, as GitHub code scanning and other static-analysis dashboards read it.

// MARK: - sarif

/// One SARIF run: copydesk as the tool with every rule described, one result per finding at a
/// path relative to `%SRCROOT%` (the folder the run started in).
package struct SARIFReport: ReportFormat {
    package init() {}
    package var name: String { "sarif" }
    package var summary: String { "SARIF 2.1.0 for GitHub code scanning (relative paths, stable rule ids)" }

    static let schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    package func render(_ report: ValidationReport, options: ReportOptions) -> String {
        // Every registered rule, then ids only readers report (input.encoding), in a stable order.
        var descriptors: [(id: String, summary: String, help: String?, level: String)] = RuleRegistry.rules.map {
            ($0.id, $0.summary, $0.documentation, Self.level($0.defaultLevel.severity))
        }
        let known = Set(descriptors.map(\.id))
        for id in Set(report.findings.map(\.id)).subtracting(known).sorted() {
            descriptors.append((id, "Reported while reading the input (\(id)).", nil, "error"))
        }
        let index = Dictionary(uniqueKeysWithValues: descriptors.enumerated().map { ($1.id, $0) })

        var out = "{\n"
        out += "  \"$schema\": \(Escape.json(Self.schema)),\n"
        out += "  \"version\": \"2.1.0\",\n"
        out += "  \"runs\": [\n    {\n"
        out += "      \"tool\": {\n        \"driver\": {\n"
        out += "          \"name\": \"copydesk\",\n"
        out += "          \"version\": \(Escape.json(report.toolVersion)),\n"
        out += "          \"rules\": ["
        out += descriptors.map { descriptor in
            var rule = "\n            {\n"
            rule += "              \"id\": \(Escape.json(descriptor.id)),\n"
            rule += "              \"shortDescription\": {\"text\": \(Escape.json(descriptor.summary))},\n"
            if let help = descriptor.help {
                rule += "              \"fullDescription\": {\"text\": \(Escape.json(help))},\n"
                let help = "copydesk rules \(descriptor.id)\n\n\(help)"
                rule += "              \"help\": {\"text\": \(Escape.json(help))},\n"
            }
            let enabled = descriptor.level != "none"
            rule += "              \"defaultConfiguration\": {\"enabled\": \(enabled), \"level\": "
            rule += "\"\(enabled ? descriptor.level : "warning")\"}\n"
            return rule + "            }"
        }.joined(separator: ",")
        out += "\n          ]\n        }\n      },\n"
        out += "      \"columnKind\": \"unicodeCodePoints\",\n"
        out += "      \"results\": ["
        out += report.findings.map { finding in
            var result = "\n        {\n"
            result += "          \"ruleId\": \(Escape.json(finding.id)),\n"
            result += "          \"ruleIndex\": \(index[finding.id]!),\n"
            result += "          \"level\": \"\(Self.level(finding.severity))\",\n"
            result += "          \"message\": {\"text\": \(Escape.json(finding.message))},\n"
            result += "          \"locations\": [\n            {\n              \"physicalLocation\": {\n"
            result += "                \"artifactLocation\": \(artifact(report.file(of: finding)))"
            if let location = finding.location {
                result += ",\n                \"region\": {\"startLine\": \(location.line), "
                result += "\"startColumn\": \(location.column)}"
            }
            result += "\n              }\n            }\n          ]\n        }"
            return result
        }.joined(separator: ",")
        out += report.findings.isEmpty ? "]\n" : "\n      ]\n"
        out += "    }\n  ]\n}\n"
        return out
    }

    static func level(_ severity: Diagnostic.Severity?) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "note"
        case nil: return "none"
        }
    }

    /// A relative path under `%SRCROOT%`, or an absolute `file://` URI.
    private func artifact(_ path: String) -> String {
        if path.hasPrefix("/") {
            return "{\"uri\": \(Escape.json("file://" + Self.percentEncoded(path)))}"
        }
        return "{\"uri\": \(Escape.json(Self.percentEncoded(path))), \"uriBaseId\": \"%SRCROOT%\"}"
    }

    /// A path as a URI reference: unreserved characters and `/` as they are, the rest percent-encoded.
    static func percentEncoded(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let character = Character(Unicode.Scalar(byte))
            if byte < 0x80, character.isLetter || character.isNumber || "-._~/".contains(character) {
                out.append(character)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
