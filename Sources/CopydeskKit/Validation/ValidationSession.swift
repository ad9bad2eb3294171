// copydesk — CopydeskKit
// A whole `copydesk validate` run: inputs found, configured, read and checked.

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

// MARK: - ValidationSession

/// Checks every input of a run: files and folders (walked with `InputDiscovery`), or `-`, each with
/// the configuration its profile and `.copydesk.yml` give.
///
/// An input that cannot be read is reported through `unreadable` and kept as an error finding (the
/// machine-readable reports list it); the other inputs are still checked. A usage error (an input
/// whose format cannot be told) and an invalid profile or project file end the run: they are thrown.
package struct ValidationSession {
    /// What a run found.
    package struct Outcome: Sendable {
        /// Every input checked, in order, as findings name them (`<stdin>` for standard input).
        package var files: [String] = []
        /// The readers' warnings and the rules' findings, each file's sorted by position.
        package var findings: [Diagnostic] = []
        /// One error finding per input that could not be read.
        package var unreadable: [Diagnostic] = []
        /// Warnings about the run itself (a folder with no article files).
        package var warnings: [String] = []

        package func count(_ severity: Diagnostic.Severity) -> Int {
            findings.filter { $0.severity == severity }.count
        }

        /// `--strict`: warnings become errors.
        package func raisingWarnings() -> Outcome {
            var raised = self
            for index in raised.findings.indices where raised.findings[index].severity == .warning {
                raised.findings[index].severity = .error
            }
            return raised
        }
    }

    package var from: String?
    package var readerOptions: ReaderOptions
    package var include: [String]
    package var exclude: [String]
    private var resolver: ConfigurationResolver
    private let pipeline = Pipeline()

    package init(
        profile: String?, now: DateTimeValue?, from: String? = nil, readerOptions: ReaderOptions = .default,
        include: [String] = [], exclude: [String] = []
    ) {
        resolver = ConfigurationResolver(profile: profile, now: now)
        self.from = from
        self.readerOptions = readerOptions
        self.include = include
        self.exclude = exclude
    }

    /// Checks the inputs; `unreadable` hears about each one that cannot be read, as it happens.
    package mutating func run(
        _ paths: [String], unreadable report: (CopydeskError) -> Void = { _ in }
    ) throws(CopydeskError) -> Outcome {
        var outcome = Outcome()
        var seen: Set<String> = []
        for path in paths {
            let found: [String]
            do {
                found = try InputDiscovery.files(in: [path], include: include, exclude: exclude)
            } catch {
                if case .usage = error { throw error }
                report(error)
                outcome.files.append(path)
                outcome.unreadable.append(Self.diagnostic(for: error, file: path))
                continue
            }
            if found.isEmpty {
                let extensions = InputDiscovery.readableExtensions.sorted().map { "." + $0 }
                outcome.warnings.append(
                    "\(path): warning: no article files in this folder (looked for: "
                        + extensions.joined(separator: " ") + ")")
            }
            for input in found where seen.insert(input).inserted {
                let file = input == "-" ? "<stdin>" : input
                let configuration = try resolver.configuration(forInput: input)
                outcome.files.append(file)
                do {
                    outcome.findings += try check(input, file: file, configuration: configuration)
                } catch {
                    if case .usage = error { throw error }
                    report(error)
                    outcome.unreadable.append(Self.diagnostic(for: error, file: file))
                }
            }
        }
        return outcome
    }

    private func check(
        _ input: String, file: String, configuration: ValidationConfiguration
    ) throws(CopydeskError) -> [Diagnostic] {
        let bytes = try Files.read(input, maxBytes: readerOptions.limits.maxInputBytes)
        let (format, read) = try pipeline.read(
            ReaderInput(bytes: bytes, file: input == "-" ? nil : input), from: from, options: readerOptions)
        return ArticleChecker().findings(
            for: read, bytes: bytes, file: file, format: format, options: readerOptions,
            configuration: configuration)
    }

    /// An unreadable input as an error finding about its file.
    static func diagnostic(for error: CopydeskError, file: String) -> Diagnostic {
        switch error {
        case .format(let failure):
            var diagnostic = failure.diagnostic
            diagnostic.file = file
            diagnostic.location?.file = file
            return diagnostic
        case .io(_, let message, _), .usage(let message):
            return Diagnostic(id: "io.unreadable", severity: .error, message: message, file: file)
        }
    }
}
