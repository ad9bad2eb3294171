// copydesk — CopydeskKit
// `convert --report FILE`: a batch's results as versioned JSON.

import Foundation

// MARK: - BatchReport

/// What a batch did, for machines: totals, then one entry per input in input order with its
/// status (`converted`, `failed`, `skipped`, `not-started`), error, outputs and warnings.
/// `reportVersion` changes when a field changes meaning or goes away; new fields may be added.
public struct BatchReport: Sendable, Codable {
    public static let currentVersion = 1

    public struct Totals: Sendable, Codable {
        public var files: Int
        public var converted: Int
        public var failed: Int
        public var skipped: Int
        public var notStarted: Int
        public var articles: Int
        public var bytesRead: Int
        public var seconds: Double
        public var articlesPerSecond: Double
    }

    public var reportVersion: Int
    public var tool: String
    public var formats: [String]
    public var outDir: String?
    public var jobs: Int
    public var incremental: Bool
    /// `SIGINT` or `SIGTERM` when the batch was interrupted, else `null`.
    public var interrupted: String?
    public var totals: Totals
    public var files: [BatchConverter.FileResult]

    public init(summary: BatchConverter.Summary, tool: String, settings: BatchConverter.Settings) {
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
    public func json() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Every field is a plain value: encoding cannot fail.
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return [UInt8](data) + [0x0A]
    }
}
