// copydesk — CopydeskKit
// read → analyse → validate → write, for one input.

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

// MARK: - Pipeline

/// The whole path for one input: read → analyse → validate → write. Each stage knows the
/// model, never another stage's format.
///
/// ```swift
/// let pipeline = Pipeline(validator: Validator(configuration: try .profile(named: "strict")))
/// let (format, read) = try pipeline.read(ReaderInput(bytes: bytes, file: "story.html"), from: nil)
/// let findings = pipeline.check(read, input: ReaderInput(bytes: bytes, file: "story.html"), format: format)
/// let newsml = try pipeline.write(read.articles, format: FormatRegistry.format(named: "newsml")!)
/// ```
public struct Pipeline: Sendable {
    /// The analysers every article read goes through.
    public var analysis: AnalysisPipeline
    /// The rules, and the profile that sets their levels and settings.
    public var validator: Validator

    /// A pipeline with copydesk's analysers and, unless given, the default profile's rules.
    public init(analysis: AnalysisPipeline = .standard, validator: Validator = Validator()) {
        self.analysis = analysis
        self.validator = validator
    }

    /// Reads and analyses: the articles in the input and what the reader and analysers noted.
    public func read(
        _ input: ReaderInput, format: FormatDescriptor, options: ReaderOptions = .default
    )
        throws(CopydeskError) -> ReadResult
    {
        guard let reader = format.reader else {
            throw CopydeskError.usage(
                "copydesk cannot read \(format.name); readable formats: "
                    + FormatRegistry.readableNames.joined(separator: ", "))
        }
        let limit = options.limits.maxInputBytes
        guard input.bytes.count <= limit else {
            throw CopydeskError.format(
                .limit(
                    "the input is \(Limits.describe(bytes: input.bytes.count)), over the limit of "
                        + Limits.describe(bytes: limit), option: "--max-input-size", file: input.file))
        }
        var result: ReadResult
        do {
            result = try reader.read(input, options: options)
        } catch {
            throw CopydeskError.format(error)
        }
        for index in result.articles.indices {
            result.diagnostics += analysis.run(&result.articles[index], budget: options.limits.analysisBudget)
        }
        return result
    }

    /// Reads and analyses an input whose format is named (`--from`), or else detected from its
    /// content and its file's extension (`FormatRegistry.detect`); the detection's note, when the
    /// content overrode the extension, leads the diagnostics.
    public func read(
        _ input: ReaderInput, from name: String?, options: ReaderOptions = .default
    ) throws(CopydeskError) -> (format: FormatDescriptor, result: ReadResult) {
        let detection = try FormatChoice.input(named: name, path: input.file ?? "-", bytes: input.bytes)
        var result = try read(input, format: detection.format, options: options)
        if let note = detection.note { result.diagnostics.insert(note, at: 0) }
        return (detection.format, result)
    }

    /// The validator's findings for one article, with the model's locations.
    public func validate(_ article: Article, file: String?) -> [Diagnostic] {
        validator.validate(article, file: file)
    }

    /// The findings for what was read from an input, as `copydesk validate` reports them: each
    /// rule's finding pointed at its text in the input (`file:line:col`), suppression comments in
    /// the input honoured, the reader's warnings kept, sorted by position.
    public func check(
        _ read: ReadResult, input: ReaderInput, format: FormatDescriptor, options: ReaderOptions = .default
    ) -> [Diagnostic] {
        ArticleChecker().findings(
            for: read, bytes: input.bytes, file: input.file ?? "<stdin>", format: format, options: options,
            configuration: validator.configuration, rules: validator.rules)
    }

    /// Serialises articles in a format; what the format cannot hold comes back as warnings.
    public func write(
        _ articles: [Article], format: FormatDescriptor, options: WriterOptions = .default
    )
        throws(CopydeskError) -> WriteResult
    {
        guard let writer = format.writer else {
            throw CopydeskError.usage(
                "copydesk cannot write \(format.name); writable formats: "
                    + FormatRegistry.writableNames.joined(separator: ", "))
        }
        if articles.count > 1, !writer.holdsSeveralArticles {
            throw CopydeskError.usage(
                "the input holds \(articles.count) articles but \(format.name) holds one per file: convert to json")
        }
        do {
            return try writer.write(articles, options: options)
        } catch {
            throw CopydeskError.format(error)
        }
    }
}

// MARK: - Files

/// One output file of a conversion: where it goes, in which format, and what the writer noted.
public struct ConvertedFile: Sendable {
    /// Where the file goes (`OUT/story.json`, `OUT/briefs-2.yaml`).
    public var path: String
    /// The format it is written in.
    public var format: FormatDescriptor
    /// Its content.
    public var bytes: [UInt8]
    /// What the writer could not hold.
    public var diagnostics: [Diagnostic]
}

extension Pipeline {
    /// The files the articles of one input become in each format: `STEM.EXT` for one article,
    /// `STEM-1.EXT`, `STEM-2.EXT`… for several (a file each, whatever the format, so that every
    /// format's files line up). Written to memory only; the caller puts them in place.
    public func files(
        for articles: [Article], stem: String, formats: [FormatDescriptor], options: WriterOptions = .default
    ) throws(CopydeskError) -> [ConvertedFile] {
        var files: [ConvertedFile] = []
        for format in formats {
            for (index, article) in articles.enumerated() {
                let path = "\(stem)\(articles.count == 1 ? "" : "-\(index + 1)").\(format.outputExtension)"
                let written = try write([article], format: format, options: options)
                files.append(
                    ConvertedFile(path: path, format: format, bytes: written.bytes, diagnostics: written.diagnostics))
            }
        }
        return files
    }
}

extension ReaderLimits {
    /// The analysers' share of the limits.
    public var analysisBudget: AnalysisBudget { AnalysisBudget(maxCharacters: maxAnalysedCharacters) }
}

// MARK: - Errors

/// Why a command could not do its job, mapped to the documented exit codes.
public enum CopydeskError: Error, Sendable, CustomStringConvertible {
    /// The command line asks for something impossible (exit 64).
    case usage(String)
    /// An input could not be read or parsed (exit 2).
    case format(FormatError)
    /// A file could not be read or written (exit 2).
    case io(path: String, message: String, hint: String?)

    /// The exit code the command line gives for the error: 64 for usage, 2 for the rest.
    public var exitCode: Int32 {
        switch self {
        case .usage: return 64
        case .format, .io: return 2
        }
    }

    /// The error as printed on stderr: `file:line:col: error: message`, then the hint.
    public var description: String {
        switch self {
        case .usage(let message):
            return "error: \(message)"
        case .format(let error):
            var line =
                error.location.map { "\($0.with(file: $0.file ?? error.file)): " } ?? error.file.map { "\($0): " } ?? ""
            line += "error: \(error.message)"
            if let hint = error.hint { line += "\n  hint: \(hint)" }
            return line
        case .io(let path, let message, let hint):
            var line = "\(path): error: \(message)"
            if let hint { line += "\n  hint: \(hint)" }
            return line
        }
    }
}
