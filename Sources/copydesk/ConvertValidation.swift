// copydesk — command-line front end
// `convert --validate`: the rules before writing, and the refusal to write an article with errors.

import ArgumentParser
import CopydeskKit
import Foundation

extension Convert {
    /// Prints the findings for what was read; refuses (exit 1) when one is an error, unless `--force`.
    func checkBeforeWriting(
        _ read: ReadResult, bytes: [UInt8], format: FormatDescriptor, options: ReaderOptions
    ) throws {
        let input = inputs[0]
        var resolver = ConfigurationResolver(
            profile: nil, now: DateTimeValue.utc(secondsSince1970: Int(Date().timeIntervalSince1970)))
        let configuration = try exitingOnError("convert") { try resolver.configuration(forInput: input) }
        let file = input == "-" ? "<stdin>" : input
        let findings = ArticleChecker().findings(
            for: ReadResult(articles: read.articles), bytes: bytes, file: file, format: format, options: options,
            configuration: configuration)
        for finding in findings { printError(finding.description) }
        let errors = findings.filter { $0.severity == .error }.count
        guard errors > 0 else { return }
        if force {
            printError("warning: writing despite \(errors) validation error(s) (--force)")
            return
        }
        printError("error: not written: \(errors) validation error(s); fix them, or write anyway with --force")
        throw ExitCode(1)
    }
}
