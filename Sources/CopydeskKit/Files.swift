// copydesk — CopydeskKit
// Reading inputs and writing outputs safely: inputs are never opened for writing, outputs
// appear whole or not at all.

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

// MARK: - OutputStream

/// A file written bit by bit that appears whole or not at all: the bytes go to a temporary file
/// in the target folder, renamed into place by `commit()`; `discard()` (or a failure) removes it.
/// A symbolic link is followed and its target replaced, so the link stays; the new file keeps an
/// existing file's permissions and owner, or gets the umask's. `-` writes to standard output, and
/// a device, pipe or socket that exists (`/dev/null`, `/dev/stdout`, a FIFO, `>(…)`) is written to
/// directly as the bytes come: there is no partial file to guard against, and replacing it would
/// break it (a root process would turn `/dev/null` into a regular file).
package final class AtomicOutputStream {
    private let path: String
    private var descriptor: Int32
    /// The temporary file and the file it becomes; nil when writing directly.
    private var replacement: (temporary: String, target: String)?
    private var isOpen = true
    private var failure: Int32 = 0

    package init(path: String) throws(CopydeskError) {
        guard !path.isEmpty else { throw .usage("the output path is empty") }
        self.path = path
        if path == "-" {
            descriptor = 1
            return
        }
        var info = stat()
        let exists = stat(path, &info) == 0
        if exists, (info.st_mode & S_IFMT) == S_IFDIR {
            throw .io(path: path, message: "is a directory", hint: "name a file, or use --out-dir for a folder")
        }
        if exists, (info.st_mode & S_IFMT) != S_IFREG {
            descriptor = open(path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw .io(path: path, message: "cannot be opened for writing: \(Files.errorText(errno))", hint: nil)
            }
            return
        }
        // Follow a symbolic link to the file it names, so the link survives.
        var target = path
        var linkInfo = stat()
        if lstat(path, &linkInfo) == 0, (linkInfo.st_mode & S_IFMT) == S_IFLNK, let resolved = realpath(path, nil) {
            target = String(cString: resolved)
            free(resolved)
        }
        let parent = Files.folder(of: target)
        let folder = parent.isEmpty ? "." : parent
        guard Files.isFolder(folder) else {
            throw .io(path: path, message: "the folder \(folder) does not exist", hint: "create it first (mkdir -p)")
        }
        var template = Array((folder + "/." + Files.fileName(of: target) + ".copydesk-XXXXXX").utf8CString)
        descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw .io(
                path: path, message: "cannot create a file in \(folder): \(Files.errorText(errno))",
                hint: "check the folder's permissions")
        }
        if exists {
            fchmod(descriptor, info.st_mode & 0o7777)
            _ = fchown(descriptor, info.st_uid, info.st_gid)
        } else {
            fchmod(descriptor, 0o666 & ~Files.processUmask)
        }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        replacement = (temporary, target)
    }

    /// Appends bytes.
    package func write(_ bytes: [UInt8]) throws(CopydeskError) {
        guard failure == 0, isOpen else { return }
        failure = Files.writeAll(bytes, to: descriptor)
        if failure != 0 {
            throw .io(
                path: path, message: "could not be written: \(Files.errorText(failure))",
                hint: replacement == nil
                    ? "check free space on the device and that it accepts writes"
                    : "nothing was written; check free space and permissions")
        }
    }

    /// Puts the file in place (flushed to disk first), or closes the device written to.
    package func commit() throws(CopydeskError) {
        guard isOpen else { return }
        isOpen = false
        guard let (temporary, target) = replacement else {
            if descriptor != 1 { close(descriptor) }
            return
        }
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        close(descriptor)
        replacement = nil
        if failure == 0, rename(temporary, target) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw .io(
                path: path, message: "could not be written: \(Files.errorText(failure))",
                hint: "nothing was written; check free space and permissions")
        }
    }

    /// Removes what was written, leaving any earlier file at the path as it was. (What went to a
    /// device or standard output cannot be taken back.)
    package func discard() {
        guard isOpen else { return }
        isOpen = false
        if descriptor != 1 { close(descriptor) }
        if let (temporary, _) = replacement { unlink(temporary) }
        replacement = nil
    }

    deinit { discard() }
}

// MARK: - Files

package enum Files {
    /// The bytes of a file, or of standard input for `-`. A file or stream longer than `maxBytes`
    /// is refused without reading it all (`--max-input-size`).
    package static func read(_ path: String, maxBytes: Int = .max) throws(CopydeskError) -> [UInt8] {
        let tooLarge = { (size: String) -> CopydeskError in
            .format(
                .limit(
                    "the input is \(size), over the limit of \(Limits.describe(bytes: maxBytes))",
                    option: "--max-input-size", file: path == "-" ? nil : path))
        }
        if path == "-" {
            return try readAll(descriptor: 0, path: path, maxBytes: maxBytes, sizeHint: 0, tooLarge: tooLarge)
        }
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT { throw .io(path: path, message: "no such file", hint: "check the path") }
            throw .io(
                path: path, message: "cannot be read: \(errorText(code))", hint: "check the path and its permissions")
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw .io(path: path, message: "is a directory, not an article file", hint: "name a file inside it")
        }
        if (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) > maxBytes {
            throw tooLarge(Limits.describe(bytes: Int(info.st_size)))
        }
        // Read-only, always: an input is never opened for writing.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            throw .io(
                path: path, message: "cannot be opened for reading: \(errorText(code))",
                hint: "check the file's permissions")
        }
        defer { close(descriptor) }
        let size = (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : 0
        return try readAll(descriptor: descriptor, path: path, maxBytes: maxBytes, sizeHint: size, tooLarge: tooLarge)
    }

    /// Reads to the end of a descriptor, stopping one byte past `maxBytes` (a pipe or device has
    /// no size to check first). A file's bytes are read straight into one array of its size (plus
    /// the byte that shows the end), not copied from chunk to chunk; what does not fit (a pipe, a
    /// file that grew) is read in chunks that double.
    private static func readAll(
        descriptor: Int32, path: String, maxBytes: Int, sizeHint: Int, tooLarge: (String) -> CopydeskError
    ) throws(CopydeskError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunkSize = sizeHint > 0 ? min(sizeHint, maxBytes) + 1 : 1 << 16
        while true {
            var failure: Int32 = 0
            var ended = false
            let chunk = [UInt8](unsafeUninitializedCapacity: chunkSize) { buffer, filled in
                while filled < buffer.count {
                    let count = Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                    if count < 0, errno == EINTR { continue }
                    if count < 0 { failure = errno }
                    if count <= 0 {
                        ended = true
                        return
                    }
                    filled += count
                }
            }
            if failure != 0 {
                throw .io(path: path, message: "could not be read: \(errorText(failure))", hint: nil)
            }
            if bytes.isEmpty { bytes = chunk } else { bytes += chunk }
            if bytes.count > maxBytes { throw tooLarge("more than \(Limits.describe(bytes: maxBytes))") }
            if ended { return bytes }
            chunkSize = min(chunkSize * 2, 1 << 24)
        }
    }

    /// Writes bytes to `path` so it holds either its old content or the whole new content, by
    /// `AtomicOutputStream`'s rules (links followed, permissions kept, devices written directly).
    /// Here `-` is a file of that name: callers send standard output elsewhere themselves.
    package static func writeAtomically(_ bytes: [UInt8], to path: String) throws(CopydeskError) {
        let stream = try AtomicOutputStream(path: path == "-" ? "./-" : path)
        try stream.write(bytes)
        try stream.commit()
    }

    /// Writes every byte, retrying interrupted and short writes; returns 0 or the errno.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32 {
        var written = 0
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let result = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                written += result
            }
        }
        return failure
    }

    /// The process's umask, read once (copydesk never changes it): a batch writes thousands of files.
    static let processUmask: mode_t = currentUmask()

    /// The process's umask, read without changing it (Linux reports it in /proc/self/status).
    /// Read with `read(2)`, not Foundation's file reading, which costs more than the rest of a
    /// small conversion's start-up.
    private static func currentUmask() -> mode_t {
        guard let bytes = try? read("/proc/self/status", maxBytes: 1 << 16) else { return 0o022 }
        for line in bytes.split(separator: 0x0A) where line.starts(with: Array("Umask:".utf8)) {
            let digits = String(decoding: line.dropFirst("Umask:".utf8.count), as: UTF8.self).trimmingWhitespace()
            return mode_t(digits, radix: 8) ?? 0o022
        }
        return 0o022
    }

    static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// Whether two paths name the same file (the same device and inode, or the same resolved path
    /// when one does not exist yet).
    package static func isSameFile(_ first: String, _ second: String) -> Bool {
        var a = stat()
        var b = stat()
        if stat(first, &a) == 0, stat(second, &b) == 0 {
            return a.st_dev == b.st_dev && a.st_ino == b.st_ino
        }
        let resolve = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        }
        return resolve(first) == resolve(second)
    }

    /// Refuses an output path that is one of the inputs: copydesk never overwrites its input.
    /// Standard input and output (`-`) are never the same file as anything.
    package static func refuseOverwriting(inputs: [String], with output: String) throws(CopydeskError) {
        guard output != "-" else { return }
        for input in inputs where input != "-" && isSameFile(output, input) {
            throw overwriting(input: input, with: output)
        }
    }

    /// The error for an output that would overwrite an input.
    package static func overwriting(input: String, with output: String) -> CopydeskError {
        .usage(
            "the output \(output) is the input \(input); copydesk never overwrites its input "
                + "(choose another output path or --out-dir)")
    }

    /// The file name without folders and without its last extension (`a/b/story.txt` → `story`).
    package static func baseName(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// Whether something exists at `path` (following links).
    package static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// Whether `path` is a folder (following links).
    package static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return path != "-" && stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Creates a folder and its parents (`mkdir -p`); a folder that exists, or that another
    /// worker creates at the same moment, is fine.
    package static func makeFolder(_ path: String) throws(CopydeskError) {
        var built = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            built += "/" + part
            if mkdir(built, 0o777) != 0 {
                let code = errno
                var info = stat()
                guard code == EEXIST, stat(built, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
                    throw .io(
                        path: built, message: "cannot create the folder: \(errorText(code == EEXIST ? ENOTDIR : code))",
                        hint: "check the output folder's permissions")
                }
            }
        }
    }

    /// Writes to standard output (a closed pipe is not an error here: SIGPIPE or EPIPE ends it).
    package static func writeStandardOutput(_ bytes: [UInt8]) {
        _ = writeAll(bytes, to: STDOUT_FILENO)
    }

    /// Writes to standard error.
    package static func writeStandardError(_ bytes: [UInt8]) {
        _ = writeAll(bytes, to: STDERR_FILENO)
    }

    /// Ends the process with `code` after flushing standard output: C's `exit`, for the command
    /// line, whose command types hide it behind their own `exit(withError:)`.
    package static func endProcess(_ code: Int32) -> Never {
        exit(code)
    }

    /// The folder part of a path, as a shell's `dirname` without the `.`: `a/b/story.txt` →
    /// `a/b`, `/story.txt` → `/`, `story.txt` → the empty string; trailing slashes are ignored.
    package static func folder(of path: String) -> String {
        var bytes = Array(path.utf8)
        while bytes.count > 1, bytes.last == UInt8(ascii: "/") { bytes.removeLast() }
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        var end = slash
        while end > 0, bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
        return end == 0 ? "/" : String(decoding: bytes[..<end], as: UTF8.self)
    }

    /// The last part of a path: `a/b/story.txt` → `story.txt`, `a/b/` → `b`, `/` → `/`.
    package static func fileName(of path: String) -> String {
        var bytes = Array(path.utf8)
        while bytes.count > 1, bytes.last == UInt8(ascii: "/") { bytes.removeLast() }
        guard bytes.count > 1, let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        return String(decoding: bytes[(slash + 1)...], as: UTF8.self)
    }
}
