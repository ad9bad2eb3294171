// copydesk — CopydeskKit
// Reading inputs and writing outputs safely: inputs are never opened for writing, outputs
// appear whole or not at all.

import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

// MARK: - Files

public enum Files {
    /// The bytes of a file, or of standard input for `-`.
    public static func read(_ path: String) throws(CopydeskError) -> [UInt8] {
        if path == "-" {
            return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .io(path: path, message: "no such file", hint: "check the path")
        }
        if isDirectory.boolValue {
            throw .io(path: path, message: "is a directory, not an article file", hint: "name a file inside it")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .io(path: path, message: "cannot be opened for reading", hint: "check the file's permissions")
        }
        defer { try? handle.close() }
        do {
            return [UInt8](try handle.readToEnd() ?? Data())
        } catch {
            throw .io(path: path, message: "could not be read: \(error.localizedDescription)", hint: nil)
        }
    }

    /// Writes bytes to `path` through a temporary file in the same folder and a rename, so the
    /// path holds either its old content or the whole new content, never a part.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(CopydeskError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .io(path: path, message: "the folder \(folder) does not exist", hint: "create it first (mkdir -p)")
        }
        var template = Array((folder + "/." + url.lastPathComponent + ".copydesk-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw .io(
                path: path, message: "cannot create a file in \(folder): \(String(cString: strerror(errno)))",
                hint: "check the folder's permissions")
        }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
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
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        fchmod(descriptor, 0o644)
        close(descriptor)
        if failure == 0, rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw .io(
                path: path, message: "could not be written: \(String(cString: strerror(failure)))",
                hint: "nothing was written; check free space and permissions")
        }
    }

    /// Whether two paths name the same file (the same device and inode, or the same resolved path
    /// when one does not exist yet).
    public static func isSameFile(_ first: String, _ second: String) -> Bool {
        var a = stat()
        var b = stat()
        if stat(first, &a) == 0, stat(second, &b) == 0 {
            return a.st_dev == b.st_dev && a.st_ino == b.st_ino
        }
        let resolve = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        }
        return resolve(first) == resolve(second)
    }

    /// The file name without folders and without its last extension (`a/b/story.txt` → `story`).
    public static func baseName(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// Writes to standard output.
    public static func writeStandardOutput(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }
}
