// copydesk — fuzz harnesses
// What each libFuzzer entry point does with the bytes it is given. A harness traps (and libFuzzer
// saves the input) when copydesk crashes, or when a writer breaks one of its invariants.

internal import CLibFuzzer
import CopydeskKit
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

public enum Harness {
    /// Runs libFuzzer with the command line's arguments, calling `body` with each input.
    public static func main(_ body: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, body))
    }

    /// Limits small enough that one fuzz input never runs long, but the same code paths as the
    /// defaults.
    static let options: ReaderOptions = {
        var options = ReaderOptions.default
        options.limits = ReaderLimits(maxInputBytes: 1 << 20, maxDepth: 256)
        return options
    }()

    /// Reads the bytes with one format's reader; errors are expected, crashes are not.
    public static func read(_ data: UnsafePointer<UInt8>, _ size: Int, format name: String) {
        let bytes = Array(UnsafeBufferPointer(start: data, count: size))
        guard let format = FormatRegistry.format(named: name) else { fatalError("no format \(name)") }
        _ = try? Pipeline().read(ReaderInput(bytes: bytes, file: "fuzz"), format: format, options: options)
    }

    /// The formats the convert harness reads, chosen by the first byte of the input.
    static let readable = FormatRegistry.formats.filter { $0.reader != nil }

    /// read → analyse → validate → every writer, checking what each writer promises.
    public static func convert(_ data: UnsafePointer<UInt8>, _ size: Int) {
        guard size > 0 else { return }
        let format = readable[Int(data[0]) % readable.count]
        let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
        let pipeline = Pipeline()
        guard let read = try? pipeline.read(ReaderInput(bytes: bytes, file: "fuzz"), format: format, options: options)
        else { return }
        for article in read.articles {
            _ = pipeline.validate(article, file: "fuzz")
            for writer in FormatRegistry.formats where writer.writer != nil {
                let written: WriteResult
                do {
                    written = try pipeline.write([article], format: writer, options: .default)
                } catch {
                    continue
                }
                check(written.bytes, format: writer.name)
            }
        }
    }

    /// Traps when a writer's output breaks the format's promise.
    static func check(_ bytes: [UInt8], format: String) {
        switch format {
        case "json", "ninjs", "jsonfeed":
            guard (try? JSONSerialization.jsonObject(with: Data(bytes))) != nil else {
                fatalError("\(format) output is not parseable JSON:\n\(String(decoding: bytes, as: UTF8.self))")
            }
        case "newsml", "nitf", "rss", "atom":
            let parser = XMLParser(data: Data(bytes))
            guard parser.parse() else {
                fatalError(
                    "\(format) output is not well-formed XML (\(String(describing: parser.parserError))):\n"
                        + String(decoding: bytes, as: UTF8.self))
            }
        case "html":
            // The page's one script is its JSON-LD, which escapes every `<`: nothing can open or end another.
            let page = String(decoding: bytes, as: UTF8.self)
            if page.components(separatedBy: "<script").count != 2 || page.components(separatedBy: "</script").count != 2
            {
                fatalError("HTML output holds a script besides its JSON-LD:\n\(page)")
            }
        case "markdown":
            if let html = MarkdownInvariant.rawHTML(in: bytes) {
                fatalError("Markdown output holds raw HTML '\(html)':\n\(String(decoding: bytes, as: UTF8.self))")
            }
        default:
            break
        }
    }
}
