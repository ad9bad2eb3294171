// copydesk — command tests
// `make install` into a temporary DESTDIR: the binary, the man page and the bash, zsh and fish
// completions, where PREFIX says, and `make uninstall` takes them away again.

import ArticleTestSupport
import Foundation
import Testing

/// The argument parser's manual generator, built beside the copydesk under test (`make test` builds
/// it before the tests: a `swift build` cannot run while `swift test` holds the build folder).
private let manualTool = CommandRunner.executable.deletingLastPathComponent().appendingPathComponent("generate-manual")

@Suite(
    "make install",
    .enabled(if: CommandRunner.onPath("make"), "make is not installed"),
    .enabled(
        if: FileManager.default.isExecutableFile(atPath: manualTool.path),
        "generate-manual is not built beside copydesk: make test builds it (swift build --product generate-manual)"))
struct InstallTests {
    static let prefix = "/opt/copydesk-test"
    static let expected: [String: Int] = [
        "bin/copydesk": 0o755, "share/man/man1/copydesk.1": 0o644,
        "share/bash-completion/completions/copydesk": 0o644, "share/zsh/site-functions/_copydesk": 0o644,
        "share/fish/vendor_completions.d/copydesk.fish": 0o644,
    ]

    /// Runs `make TARGET` in the checkout with the copydesk under test, outside any outer make's jobserver.
    func make(_ target: String, destdir: URL) throws -> CommandResult {
        let arguments = [
            target, "DESTDIR=\(destdir.path)", "PREFIX=\(Self.prefix)", "INSTALL_BIN=\(CommandRunner.executable.path)",
            "MANUAL_TOOL=\(manualTool.path)",
        ].map { "'\($0)'" }.joined(separator: " ")
        return try CommandRunner.shell(
            "env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory \(arguments) 2>&1",
            in: TestPaths.packageRoot)
    }

    /// Every file under a folder, relative to it, with its permission bits.
    func files(under root: URL) -> [String: Int] {
        var found: [String: Int] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let path = enumerator?.nextObject() as? String {
            let attributes = try? FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(path).path)
            guard attributes?[.type] as? FileAttributeType == .typeRegular else { continue }
            found[path] = (attributes?[.posixPermissions] as? Int) ?? -1
        }
        return found
    }

    @Test("install lays out the binary, man page and completions under DESTDIR/PREFIX; uninstall removes them")
    func layout() throws {
        let destdir = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: destdir) }
        let installed = try make("install", destdir: destdir)
        #expect(installed.status == 0, "\(installed.stdout)")
        let root = destdir.appendingPathComponent(String(Self.prefix.dropFirst()))
        #expect(files(under: destdir).keys.allSatisfy { $0.hasPrefix(String(Self.prefix.dropFirst()) + "/") })
        #expect(files(under: root) == Self.expected)

        let binary = root.appendingPathComponent("bin/copydesk")
        let version = try CommandRunner.shell("'\(binary.path)' --version", in: destdir)
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("copydesk "))

        let page = try String(contentsOf: root.appendingPathComponent("share/man/man1/copydesk.1"), encoding: .utf8)
        #expect(page.contains(".Dt COPYDESK 1"))
        for subcommand in ["convert", "validate", "rules", "formats"] {
            #expect(page.contains(".It Em \(subcommand)"), "the man page has no \(subcommand)")
        }
        #expect(page.contains("--max-warnings"))
        #expect(!page.contains("\n\n"), "an empty line in mdoc is a warning for man; paragraphs are .Pp")

        let completions = root.appendingPathComponent("share")
        let bash = try String(
            contentsOf: completions.appendingPathComponent("bash-completion/completions/copydesk"), encoding: .utf8)
        #expect(bash.contains("complete -o filenames -F _copydesk copydesk"))
        let zsh = try String(
            contentsOf: completions.appendingPathComponent("zsh/site-functions/_copydesk"), encoding: .utf8)
        #expect(zsh.hasPrefix("#compdef copydesk"))
        let fish = try String(
            contentsOf: completions.appendingPathComponent("fish/vendor_completions.d/copydesk.fish"), encoding: .utf8)
        #expect(fish.contains("complete -c 'copydesk' "))
        for subcommand in ["convert", "validate", "rules", "formats"] {
            #expect(bash.contains(subcommand) && zsh.contains(subcommand) && fish.contains(subcommand))
        }
        let syntax = try CommandRunner.shell(
            "bash -n '\(completions.path)/bash-completion/completions/copydesk'", in: destdir)
        #expect(syntax.status == 0, "\(syntax.stderr)")

        let removed = try make("uninstall", destdir: destdir)
        #expect(removed.status == 0, "\(removed.stdout)")
        #expect(files(under: destdir).isEmpty)
    }

    @Test(
        "The man page formats without a warning (groff)",
        .enabled(if: CommandRunner.onPath("groff"), "groff is not installed (apt-get install groff-base)"))
    func manPageFormats() throws {
        let destdir = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: destdir) }
        #expect(try make("install", destdir: destdir).status == 0)
        let page = destdir.appendingPathComponent(String(Self.prefix.dropFirst()) + "/share/man/man1/copydesk.1")
        let formatted = try CommandRunner.shell("groff -mandoc -Tutf8 -ww '\(page.path)'", in: destdir)
        #expect(formatted.status == 0)
        #expect(formatted.stderr.isEmpty, "\(formatted.stderr)")
        #expect(formatted.stdout.contains("validate"))
    }
}
