// copydesk — test support
// Runs the built copydesk executable, as a user would, and captures what it did.

import Foundation

// MARK: - CommandRunner

/// The result of one run of the executable.
package struct CommandResult: Sendable {
    package var status: Int32
    package var stdout: String
    package var stderr: String
}

package enum CommandRunner {
    /// The built `copydesk` beside the test bundle (or `$COPYDESK_BIN`).
    package static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["COPYDESK_BIN"] { return URL(fileURLWithPath: path) }
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        var folder = bundle.deletingLastPathComponent()
        // The runner may sit inside the .xctest bundle on some platforms.
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("copydesk")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return bundle.deletingLastPathComponent().appendingPathComponent("copydesk")
    }

    /// Runs `copydesk ARGS` in `directory` with `stdin` as standard input.
    package static func run(
        _ arguments: [String], stdin: String = "", in directory: URL? = nil
    ) throws
        -> CommandResult
    {
        try launch(executable, arguments, stdin: stdin, in: directory, environment: nil)
    }

    /// Runs a `/bin/sh -c` command in `directory`, with the built copydesk first on `PATH`,
    /// `NO_COLOR` set, and `environment` added.
    package static func shell(
        _ command: String, in directory: URL, environment: [String: String] = [:]
    ) throws -> CommandResult {
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = executable.deletingLastPathComponent().path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        env["NO_COLOR"] = "1"
        env.merge(environment) { $1 }
        return try launch(URL(fileURLWithPath: "/bin/sh"), ["-c", command], stdin: "", in: directory, environment: env)
    }

    /// Whether an executable of this name is on `PATH`.
    package static func onPath(_ tool: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
    }

    /// The first python3 with `jsonschema`, as `make` picks it: the checkout's `.venv`, then `PATH`'s.
    package static var python: URL? {
        let venv = TestPaths.packageRoot.appendingPathComponent(".venv/bin/python3").path
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for candidate in [venv] + path.split(separator: ":").map({ $0 + "/python3" })
        where FileManager.default.isExecutableFile(atPath: candidate) {
            let url = URL(fileURLWithPath: candidate)
            if let probe = try? launch(url, ["-c", "import jsonschema"], stdin: "", in: nil, environment: nil),
                probe.status == 0
            {
                return url
            }
        }
        return nil
    }

    private static func launch(
        _ program: URL, _ arguments: [String], stdin: String, in directory: URL?, environment: [String: String]?
    ) throws -> CommandResult {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        let input = Pipe()
        let output = Pipe()
        let error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        // Read both pipes before waiting, so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errorData = Data()
        group.enter()
        DispatchQueue.global().async {
            errorData = error.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorData, as: UTF8.self))
    }

    /// A new temporary folder holding `files` (relative path → text), sub-folders created as needed.
    package static func temporaryTree(_ files: [String: String]) throws -> URL {
        let root = try temporaryFolder()
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    /// A short plain-text story with a headline, byline, date and an attributed quote.
    package static let harbourStory = """
        Harbour wall to be raised

        By Jane Doe

        12 March 2024

        The council will raise the harbour wall by a metre, the mayor said on Tuesday.

        "We cannot wait for the next storm," she said.

        """

    /// A new empty temporary folder.
    package static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
