// copydesk — copydesk-server
// The HTTP service and the editors' page: `copydesk-server [--host H] [--port P] [limits]`.

import ArgumentParser
import CopydeskKit
import CopydeskService
import Foundation
import Logging

@main
struct CopydeskServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copydesk-server",
        abstract: "Serve copydesk's conversion and validation over HTTP, and a page for editors.",
        discussion: """
            Listens on --host:--port (127.0.0.1:8080: this machine only, unless --host says otherwise) \
            and answers POST /v1/convert, POST /v1/validate, GET /v1/formats, /v1/rules, /healthz, \
            /metrics and /openapi.json, and serves the editors' page at /. docs/SERVE.md describes \
            the API; /openapi.json is its OpenAPI 3.1 description.

            Safe by default: a request body over --max-body-size gets 413, more than --max-concurrent \
            conversions at once get 503 with Retry-After, a request over --time-budget gets 408 or \
            503, the CLI's reader limits apply, no file is read and no URL fetched for a request, and \
            no CORS header is sent unless --cors-origin names an origin. SIGTERM or SIGINT stops \
            accepting connections and finishes the requests in flight before exiting.

            EXIT CODES
              0   stopped by SIGTERM or SIGINT after finishing the requests in flight
              1   the server could not start (the address is in use, say)
              64  usage error

            EXAMPLES
              copydesk-server
              copydesk-server --port 9000 --max-concurrent 4
              copydesk-server --host 0.0.0.0 --cors-origin https://cms.example.org
              curl -s --data-binary @story.txt 'http://127.0.0.1:8080/v1/validate?format=text'
            """,
        version: "copydesk-server \(CopydeskVersion.current)"
    )

    @Option(name: .long, help: "The address to listen on (0.0.0.0: every interface).")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port (0: any free port, printed at start).")
    var port = 8080

    @Option(name: .long, help: "Refuse a request body larger than this: bytes, or with K, M or G (default: 4M).")
    var maxBodySize = "4M"

    @Option(name: .long, help: "How many convert or validate requests to work on at once; beyond, 503.")
    var maxConcurrent = 8

    @Option(name: .long, help: "Seconds one request may take, reading its body included.")
    var timeBudget = 10.0

    @Option(name: .long, help: "How many connections to keep open at once; beyond, new ones wait.")
    var maxConnections = 512

    @Option(name: .long, help: "Seconds an idle connection is kept open.")
    var idleTimeout = 30

    @Option(name: .long, help: "Refuse JSON, YAML, XML or Markdown nested deeper than this (default: 512).")
    var maxDepth: Int?

    @Option(name: .long, help: "Refuse a YAML document of more nodes than this (default: 1000000).")
    var maxYamlNodes: Int?

    @Option(name: .customLong("max-analysed-text"), help: "Analyse at most this many characters (default: 1000000).")
    var maxAnalysedCharacters: Int?

    @Option(name: .long, help: "Allow browsers on this origin to call the API (CORS); none by default.")
    var corsOrigin: String?

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel = "info"

    func validate() throws {
        guard Limits.parseSize(maxBodySize) != nil else {
            throw ValidationError("--max-body-size takes a size such as 4M, 512K or 1000000, not '\(maxBodySize)'")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port is 0 to 65535, not \(port)") }
        guard maxConcurrent >= 1 else { throw ValidationError("--max-concurrent is at least 1") }
        guard timeBudget > 0 else { throw ValidationError("--time-budget is a positive number of seconds") }
        guard maxConnections >= 1 else { throw ValidationError("--max-connections is at least 1") }
        guard idleTimeout >= 1 else { throw ValidationError("--idle-timeout is at least 1 second") }
        for (option, value) in [
            ("--max-depth", maxDepth), ("--max-yaml-nodes", maxYamlNodes),
            ("--max-analysed-text", maxAnalysedCharacters),
        ] {
            if let value, value <= 0 { throw ValidationError("\(option) must be a positive number, not \(value)") }
        }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level is one of trace, debug, info, notice, warning, error, critical")
        }
    }

    func run() async throws {
        HeapPolicy.apply()
        var settings = ServiceSettings()
        settings.host = host
        settings.port = port
        settings.maxBodyBytes = Limits.parseSize(maxBodySize) ?? settings.maxBodyBytes
        settings.maxConcurrent = maxConcurrent
        settings.timeBudget = .milliseconds(Int(timeBudget * 1000))
        settings.idleTimeoutSeconds = idleTimeout
        settings.maxConnections = maxConnections
        settings.corsOrigin = corsOrigin
        if let maxDepth { settings.readerLimits.maxDepth = maxDepth }
        if let maxYamlNodes { settings.readerLimits.maxYAMLNodes = maxYamlNodes }
        if let maxAnalysedCharacters { settings.readerLimits.maxAnalysedCharacters = maxAnalysedCharacters }
        var logger = Logger(label: "copydesk-server")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let host = settings.host
        let app = CopydeskServer.application(settings: settings, logger: logger) { port in
            FileHandle.standardOutput.write(Data("copydesk-server: listening on http://\(host):\(port)/\n".utf8))
        }
        do {
            try await app.runService()
        } catch {
            printError("copydesk-server: error: \(error)")
            throw ExitCode(1)
        }
    }
}
