// copydesk — test support
// Where fixtures, samples and the shared corpus are, and golden-file comparison.

import Foundation

// MARK: - Paths

package enum TestPaths {
    /// The package root, found from this source file's path.
    package static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the checkout (read-only corpus and standards), or `nil` when absent.
    package static var shared: URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The message tests print when they skip because `../shared` is absent.
    package static let sharedMissing =
        "../shared is not beside the checkout: skipping tests that need the shared corpus"

    /// Files in a folder with one of the extensions, sorted by name.
    package static func files(in folder: URL, extensions: Set<String>) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().map { folder.appendingPathComponent($0) }
            .filter { extensions.contains($0.pathExtension.lowercased()) }
    }

    /// The Swift files under `Sources/folder` (all of `Sources` when `folder` is empty), as paths
    /// relative to that folder, sorted.
    package static func sourceFiles(under folder: String = "") -> [String] {
        let root = packageRoot.appendingPathComponent("Sources").appendingPathComponent(folder)
        let paths = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        return paths.filter { $0.hasSuffix(".swift") }.sorted()
    }
}

// MARK: - Goldens

/// Compares output with a golden file; with `UPDATE_GOLDENS=1` in the environment it rewrites
/// the golden instead (review the diff before committing).
package enum Golden {
    package static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" }

    /// `nil` when they match (or the golden was rewritten), else a message with the first difference.
    package static func check(_ actual: [UInt8], against golden: URL) -> String? {
        if updating {
            try? FileManager.default.createDirectory(
                at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(actual).write(to: golden)
            return nil
        }
        guard let expected = FileManager.default.contents(atPath: golden.path) else {
            return "missing golden \(golden.path): run UPDATE_GOLDENS=1 swift test and review the new file"
        }
        guard [UInt8](expected) != actual else { return nil }
        let expectedLines = String(decoding: expected, as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false)
        let actualLines = String(decoding: actual, as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let want = index < expectedLines.count ? String(expectedLines[index]) : "<end of file>"
            let got = index < actualLines.count ? String(actualLines[index]) : "<end of file>"
            if want != got {
                return "\(golden.lastPathComponent):\(index + 1): expected\n  \(want)\ngot\n  \(got)\n"
                    + "(if the change is intended: UPDATE_GOLDENS=1 swift test, then review git diff)"
            }
        }
        return "\(golden.lastPathComponent) differs"
    }
}
