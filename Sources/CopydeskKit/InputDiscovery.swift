// copydesk — CopydeskKit
// Which files a command works on: files named on the command line, and article files found in
// folders, walked recursively.

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

// MARK: - InputDiscovery

/// Turns command-line paths into the list of files to read.
///
/// - A file named on the command line is taken as given, whatever its extension (its format is
///   decided later, by `--from` or the extension); `-` (standard input) is passed through.
/// - A folder is walked recursively for files whose lowercase extension is in `extensions`.
///   Hidden files and folders (names starting with `.`) are skipped, and so are symbolic links to
///   folders (a link to a file is followed), so a walk always ends.
/// - `include` and `exclude` are `fnmatch(3)` globs tried on the path relative to the folder given
///   (`2024/05/story.txt`) and on the base name (`story.txt`); `*` also matches `/`. With `include`,
///   a file must match one of them; a file or folder matching an `exclude` glob is left out (an
///   excluded folder is not walked). They do not filter files named directly.
/// - The result keeps the order of `paths`; each folder's files are sorted by relative path in
///   byte order, so the list is the same on every machine. A file found twice is listed once.
package enum InputDiscovery {
    /// A file to read, and where it sits relative to what was named on the command line.
    package struct Input: Sendable, Equatable {
        /// The path to open (the folder given joined with `relativePath`, or the path as given).
        package var path: String
        /// The path relative to the folder given, or the base name for a file named directly.
        package var relativePath: String
        /// Whether the file was found by walking a folder (rather than named directly).
        package var foundInFolder: Bool

        package init(path: String, relativePath: String, foundInFolder: Bool) {
            self.path = path
            self.relativePath = relativePath
            self.foundInFolder = foundInFolder
        }
    }

    /// The extensions of every format copydesk knows (lowercase, without the dot): the ones it
    /// reads, and the ones it recognises but cannot read yet, so that a folder's feed file
    /// is reported as unreadable rather than passed over in silence.
    package static var readableExtensions: Set<String> {
        Set(FormatRegistry.formats.filter { $0.isReadable || $0.sniffer != nil }.flatMap(\.extensions))
    }

    /// The paths of the files to read; see the type's documentation for the rules.
    package static func files(
        in paths: [String], extensions: Set<String> = readableExtensions, include: [String] = [],
        exclude: [String] = []
    ) throws(CopydeskError) -> [String] {
        try inputs(in: paths, extensions: extensions, include: include, exclude: exclude).map(\.path)
    }

    /// The files to read, with their paths relative to the folder they were found in.
    package static func inputs(
        in paths: [String], extensions: Set<String> = readableExtensions, include: [String] = [],
        exclude: [String] = []
    ) throws(CopydeskError) -> [Input] {
        let wanted = Set(extensions.map { $0.hasPrefix(".") ? String($0.dropFirst()).lowercased() : $0.lowercased() })
        let filter = Filter(include: include, exclude: exclude)
        var result: [Input] = []
        var seen: Set<String> = []
        for path in paths {
            guard !path.isEmpty else { throw .usage("an input path is empty") }
            if path == "-" {
                if seen.insert(path).inserted {
                    result.append(Input(path: "-", relativePath: "-", foundInFolder: false))
                }
                continue
            }
            var info = stat()
            guard stat(path, &info) == 0 else {
                throw .io(
                    path: path, message: "no such file or folder",
                    hint: "check the path; name article files or folders that hold them")
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                let root = trimmingTrailingSlashes(path)
                var found: [Input] = []
                try walk(root: root, relative: "", extensions: wanted, filter: filter, into: &found)
                found.sort { Array($0.relativePath.utf8).lexicographicallyPrecedes($1.relativePath.utf8) }
                for input in found where seen.insert(input.path).inserted {
                    result.append(input)
                }
            } else if seen.insert(path).inserted {
                let name = path.split(separator: "/").last.map(String.init) ?? path
                result.append(Input(path: path, relativePath: name, foundInFolder: false))
            }
        }
        return result
    }

    // MARK: Walking

    private static func walk(
        root: String, relative: String, extensions: Set<String>, filter: Filter, into found: inout [Input]
    ) throws(CopydeskError) {
        let folder = relative.isEmpty ? root : join(root, relative)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw .io(
                path: folder, message: "the folder cannot be listed", hint: "check the folder's permissions")
        }
        for name in names where !name.hasPrefix(".") {
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            let childPath = join(root, childRelative)
            var link = stat()
            guard lstat(childPath, &link) == 0 else { continue }
            let kind = link.st_mode & S_IFMT
            if kind == S_IFDIR {
                if filter.excludes(relativePath: childRelative, name: name) { continue }
                try walk(root: root, relative: childRelative, extensions: extensions, filter: filter, into: &found)
                continue
            }
            if kind == S_IFLNK {
                // Follow a link to a file; never a link to a folder (it could loop).
                var target = stat()
                guard stat(childPath, &target) == 0, (target.st_mode & S_IFMT) == S_IFREG else { continue }
            } else if kind != S_IFREG {
                continue
            }
            guard let ext = FormatRegistry.fileExtension(of: name), extensions.contains(ext) else { continue }
            guard filter.accepts(relativePath: childRelative, name: name) else { continue }
            found.append(Input(path: childPath, relativePath: childRelative, foundInFolder: true))
        }
    }

    private static func join(_ folder: String, _ relative: String) -> String {
        folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
    }

    /// `out///` → `out`; `/` stays `/`.
    private static func trimmingTrailingSlashes(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }

    // MARK: Globs

    /// The include and exclude globs.
    struct Filter {
        var include: [String]
        var exclude: [String]

        static func matches(_ pattern: String, relativePath: String, name: String) -> Bool {
            fnmatch(pattern, relativePath, 0) == 0 || fnmatch(pattern, name, 0) == 0
        }

        func excludes(relativePath: String, name: String) -> Bool {
            exclude.contains { Self.matches($0, relativePath: relativePath, name: name) }
        }

        func accepts(relativePath: String, name: String) -> Bool {
            if excludes(relativePath: relativePath, name: name) { return false }
            return include.isEmpty || include.contains { Self.matches($0, relativePath: relativePath, name: name) }
        }
    }
}
