// copydesk — CopydeskKit
// --incremental: which outputs are up to date, by content hash.

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

// MARK: - BatchManifest

/// The record `convert --incremental` keeps in the output folder, `OUT/.copydesk-manifest.json`.
///
/// For each input (by its path relative to the folder given, or its base name) it stores the
/// SHA-256 of the input's bytes, the batch's fingerprint (copydesk's version and build, the model
/// version, the formats and the options that change output), and the outputs written. An input is
/// skipped when its bytes hash the same, the fingerprint is the same, and every output it wrote
/// still exists. Content hashes rather than times: a `touch`, a fresh checkout or a copy that
/// changes times redoes nothing, and an edit that keeps the time is still seen. An output edited
/// by hand is not noticed (delete it to have it redone); a deleted or corrupt manifest redoes
/// everything. The file is hidden, so a later walk of the folder does not read it as an article.
package struct BatchManifest: Sendable, Codable {
    package static let fileName = ".copydesk-manifest.json"
    package static let currentVersion = 1

    package struct Entry: Sendable, Codable, Equatable {
        package var sha256: String
        package var fingerprint: String
        /// Outputs, relative to the output folder.
        package var outputs: [String]
    }

    package var manifestVersion: Int
    package var entries: [String: Entry]

    package init(entries: [String: Entry] = [:]) {
        self.manifestVersion = Self.currentVersion
        self.entries = entries
    }

    /// The manifest in `folder`, or an empty one when there is none or it cannot be read.
    package static func load(from folder: String) -> BatchManifest {
        let path = join(folder, fileName)
        guard let data = FileManager.default.contents(atPath: path),
            let manifest = try? JSONDecoder().decode(BatchManifest.self, from: data),
            manifest.manifestVersion == currentVersion
        else { return BatchManifest() }
        return manifest
    }

    /// The outputs of an up-to-date input (full paths), or `nil` when it must be converted.
    package func upToDate(key: String, hash: String, fingerprint: String, folder: String) -> [String]? {
        guard let entry = entries[key], entry.sha256 == hash, entry.fingerprint == fingerprint,
            !entry.outputs.isEmpty
        else { return nil }
        let paths = entry.outputs.map { Self.join(folder, $0) }
        return paths.allSatisfy(Files.exists) ? paths : nil
    }

    /// Records a batch's results: converted inputs are (re)entered, failed ones forgotten, and
    /// skipped or unstarted ones kept as they were.
    package mutating func update(
        with results: [BatchConverter.FileResult], jobs: [BatchConverter.Job], fingerprint: String, folder: String
    ) {
        for (job, result) in zip(jobs, results) {
            let key = job.input.relativePath
            switch result.status {
            case .converted:
                guard let hash = result.sha256 else { continue }
                let prefix = folder.hasSuffix("/") ? folder : folder + "/"
                let outputs = result.outputs.map { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : $0 }
                entries[key] = Entry(sha256: hash, fingerprint: fingerprint, outputs: outputs)
            case .failed, .refused:
                entries[key] = nil
            case .skipped, .notStarted:
                continue
            }
        }
    }

    /// Writes the manifest into `folder` (atomically, sorted keys).
    package func save(to folder: String) throws(CopydeskError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data: Data
        do {
            data = try encoder.encode(self)
        } catch {
            throw .io(path: Self.join(folder, Self.fileName), message: "could not be encoded: \(error)", hint: nil)
        }
        try Files.writeAtomically([UInt8](data) + [0x0A], to: Self.join(folder, Self.fileName))
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
