// copydesk — CopydeskKit
// Which format to read or write: named by the user, implied by a file name, or seen in the bytes.

// MARK: - FormatChoice

/// The formats a command line names or implies, with its errors as `CopydeskError`s.
package enum FormatChoice {
    /// The format to read `path` (`-` for standard input) with: `name` when given, else what the
    /// content and extension say (`FormatRegistry.detect`). The detection's note, when the content
    /// overrode the extension, comes back with it.
    package static func input(
        named name: String?, path: String, bytes: [UInt8]
    ) throws(CopydeskError) -> FormatDetection {
        if let name { return FormatDetection(format: try named(name, reading: true), note: nil) }
        let detected: FormatDetection?
        do {
            detected = try FormatRegistry.detect(path: path == "-" ? nil : path, bytes: bytes)
        } catch {
            throw .format(error)
        }
        guard let detected else {
            let ext = FormatRegistry.fileExtension(of: path).map { "'.\($0)'" } ?? "no extension"
            throw .usage(
                "cannot tell the format of \(path) (\(ext)) from its name or its content; name it with --from, one of: "
                    + FormatRegistry.readableNames.joined(separator: ", "))
        }
        return detected
    }

    /// The format to write: `name` when given, else the output file's extension, else the default (JSON).
    package static func output(named name: String?, path: String?) throws(CopydeskError) -> FormatDescriptor {
        if let name { return try named(name, reading: false) }
        if let path, let format = FormatRegistry.format(forPath: path) {
            guard format.isWritable else {
                throw .usage(
                    "the output \(path) names the \(format.name) format, which copydesk cannot write; "
                        + "name one with --to: " + FormatRegistry.writableNames.joined(separator: ", "))
            }
            return format
        }
        return FormatRegistry.defaultOutput
    }

    private static func named(_ name: String, reading: Bool) throws(CopydeskError) -> FormatDescriptor {
        let format = FormatRegistry.format(named: name)
        guard let format, reading ? format.isReadable : format.isWritable else {
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
