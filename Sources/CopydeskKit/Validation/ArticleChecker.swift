// copydesk — CopydeskKit
// One input through the validator: rules, exact positions, suppressions, in order.

// MARK: - ArticleChecker

/// Validates what was read from one input: the configured rules over every article, findings
/// pointed at their text in the source, inline suppressions applied, the reader's warnings kept.
package struct ArticleChecker: Sendable {
    package init() {}

    /// The findings for one input, sorted by line and column.
    ///
    /// `bytes` are the input as read (to find positions and suppressions); `file` is the name used
    /// in findings (`<stdin>` for standard input).
    package func findings(
        for read: ReadResult, bytes: [UInt8], file: String, format: FormatDescriptor, options: ReaderOptions,
        configuration: ValidationConfiguration, rules: [any Rule] = RuleRegistry.rules
    ) -> [Diagnostic] {
        let validator = Validator(rules: rules, configuration: configuration)
        let text = try? TextDecoding.decode(bytes, options: options, file: file)
        let positions = text.map(SourcePositions.init(text:))
        let suppressions =
            text.flatMap { format.capabilities.holdsComments ? Suppressions(scanning: $0) : nil }
            ?? Suppressions()
        var findings = read.diagnostics.filter { $0.severity >= .warning }
        for (index, article) in read.articles.enumerated() {
            for var finding in validator.validate(article, file: file) {
                if let positions { finding = positions.refine(finding) }
                if read.articles.count > 1 {
                    // Several articles in one file: say which one each finding is about.
                    finding.message = "article \(index + 1): " + finding.message
                }
                findings.append(finding)
            }
        }
        return Validator.sorted(findings.filter { !suppressions.suppresses($0) })
    }
}
