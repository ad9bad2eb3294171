// copydesk — CopydeskKit
// Which format to read or write: named by the user, implied by a file name, or seen in the bytes.

// MARK: - FormatChoice

public enum FormatChoice {
    /// The format to read `path` with: `name` when given, else the file extension; standard input
    /// (`-`) is JSON when its first non-blank byte is `{` or `[`, else plain text.
    public static func input(
        named name: String?, path: String, bytes: [UInt8]? = nil
    ) throws(CopydeskError)
        -> FormatDescriptor
    {
        if let name { return try named(name, reading: true) }
        if path == "-" {
            let body = bytes.map { $0.starts(with: [0xEF, 0xBB, 0xBF]) ? Array($0.dropFirst(3)) : $0 }
            let first = body?.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
            let looksLikeJSON = first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
            return FormatRegistry.format(named: looksLikeJSON ? "json" : "text")!
        }
        guard let format = FormatRegistry.format(forPath: path), format.reader != nil else {
            let ext = FormatRegistry.fileExtension(of: path).map { "'.\($0)'" } ?? "no extension"
            throw .usage(
                "cannot tell the format of \(path) (\(ext)); name it with --from, one of: "
                    + FormatRegistry.readableNames.joined(separator: ", "))
        }
        return format
    }

    /// The format to write: `name` when given, else the output file's extension, else JSON.
    public static func output(named name: String?, path: String?) throws(CopydeskError) -> FormatDescriptor {
        if let name { return try named(name, reading: false) }
        if let path, let format = FormatRegistry.format(forPath: path) {
            guard format.writer != nil else {
                throw .usage(
                    "the output \(path) names the \(format.name) format, which copydesk cannot write; "
                        + "name one with --to: " + FormatRegistry.writableNames.joined(separator: ", "))
            }
            return format
        }
        return FormatRegistry.format(named: "json")!
    }

    private static func named(_ name: String, reading: Bool) throws(CopydeskError) -> FormatDescriptor {
        let format = FormatRegistry.format(named: name)
        guard let format, reading ? format.reader != nil : format.writer != nil else {
            let known = reading ? FormatRegistry.readableNames : FormatRegistry.writableNames
            let what = reading ? "input" : "output"
            let can = format == nil ? "" : " (copydesk cannot \(reading ? "read" : "write") \(name))"
            throw .usage(
                "unknown \(what) format '\(name)'\(can); \(reading ? "readable" : "writable") formats: "
                    + known.joined(separator: ", "))
        }
        return format
    }
}
