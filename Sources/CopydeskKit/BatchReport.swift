// copydesk — CopydeskKit
// `convert --report FILE`: a batch's results as versioned JSON.

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

// MARK: - BatchReport

/// What a batch did, for machines: totals, then one entry per input in input order with its
/// status (`converted`, `failed`, `skipped`, `not-started`), error, outputs and warnings.
/// `reportVersion` changes when a field changes meaning or goes away; new fields may be added.
package struct BatchReport: Sendable, Codable {
    package static let currentVersion = 1

    package struct Totals: Sendable, Codable {
        package var files: Int
        package var converted: Int
        package var failed: Int
        package var skipped: Int
        package var notStarted: Int
        package var articles: Int
        package var bytesRead: Int
        package var seconds: Double
        package var articlesPerSecond: Double
    }

    package var reportVersion: Int
    package var tool: String
    package var formats: [String]
    package var outDir: String?
    package var jobs: Int
    package var incremental: Bool
    /// `SIGINT` or `SIGTERM` when the batch was interrupted, else `null`.
    package var interrupted: String?
    package var totals: Totals
    package var files: [BatchConverter.FileResult]

    package init(summary: BatchConverter.Summary, tool: String, settings: BatchConverter.Settings) {
        reportVersion = Self.currentVersion
        self.tool = tool
        formats = settings.targets.map(\.name) + (settings.stream.map { [$0.name] } ?? [])
        outDir = settings.outputFolder
        jobs = settings.jobs
        incremental = settings.incremental
        interrupted = summary.interruptedBy.map(InterruptionWatch.name) ?? (summary.cancelled ? "cancelled" : nil)
        totals = Totals(
            files: summary.results.count, converted: summary.count(.converted), failed: summary.count(.failed),
            skipped: summary.count(.skipped), notStarted: summary.count(.notStarted), articles: summary.articles,
            bytesRead: summary.bytesRead, seconds: (summary.seconds * 1000).rounded() / 1000,
            articlesPerSecond: (summary.articlesPerSecond * 10).rounded() / 10)
        files = summary.results
    }

    /// The report as pretty JSON with sorted keys, ending with a newline.
    package func json() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Every field is a plain value: encoding cannot fail.
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return [UInt8](data) + [0x0A]
    }
}
