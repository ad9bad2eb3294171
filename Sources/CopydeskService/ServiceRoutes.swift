// copydesk — CopydeskService
// The routes: convert, validate, formats, rules, health, metrics, the OpenAPI document and the page.

import CopydeskKit
import Foundation
import HTTPTypes
import Hummingbird

// MARK: - ServiceRoutes

/// The service's routes, built on one `Pipeline` as the CLI uses it: the same readers, writers,
/// profiles, codes and messages.
package struct ServiceRoutes: Sendable {
    /// Every route, as the OpenAPI document describes it (a test checks the two agree).
    package static let all: [(method: String, path: String)] = [
        ("GET", "/"), ("GET", "/openapi.json"), ("GET", "/healthz"), ("GET", "/metrics"),
        ("GET", "/v1/formats"), ("GET", "/v1/rules"), ("POST", "/v1/convert"), ("POST", "/v1/validate"),
    ]

    /// Media types of the validation reports, by report format.
    package static let reportMediaTypes: [String: String] = [
        "json": "application/json", "sarif": "application/sarif+json", "junit": "application/xml",
        "checkstyle": "application/xml", "text": "text/plain; charset=utf-8", "github": "text/plain; charset=utf-8",
    ]

    let settings: ServiceSettings
    let metrics: ServiceMetrics
    let gate: ConcurrencyGate
    /// The time validation checks dates against, when a request names none (tests fix it).
    let clock: @Sendable () -> DateTimeValue

    package init(
        settings: ServiceSettings, metrics: ServiceMetrics, gate: ConcurrencyGate,
        clock: @escaping @Sendable () -> DateTimeValue = {
            DateTimeValue.utc(secondsSince1970: Int(Date().timeIntervalSince1970))
        }
    ) {
        self.settings = settings
        self.metrics = metrics
        self.gate = gate
        self.clock = clock
    }

    // MARK: Small routes

    func health() -> Response {
        Self.json(#"{"status": "ok", "version": \#(JSONText.quoted(ServiceInfo.version))}"# + "\n")
    }

    func formats() -> Response {
        let items = FormatRegistry.formats.map { format in
            var members = [
                "\"name\": \(JSONText.quoted(format.name))", "\"title\": \(JSONText.quoted(format.title))",
                "\"summary\": \(JSONText.quoted(format.summary))", "\"read\": \(format.isReadable)",
                "\"write\": \(format.isWritable)",
                "\"extensions\": [" + format.extensions.map(JSONText.quoted).joined(separator: ", ") + "]",
            ]
            if format.isWritable {
                members.append("\"mediaType\": \(JSONText.quoted(format.mediaType))")
                members.append("\"outputExtension\": \(JSONText.quoted(format.outputExtension))")
            }
            return "    {" + members.joined(separator: ", ") + "}"
        }
        let defaultOutput = JSONText.quoted(FormatRegistry.defaultOutput.name)
        return Self.json(
            "{\n  \"defaultOutput\": \(defaultOutput),\n  \"formats\": [\n" + items.joined(separator: ",\n")
                + "\n  ]\n}\n")
    }

    func rules(_ request: Request) throws(Problem) -> Response {
        let profile = try Self.profileName(request.uri.queryParameters.get("profile"))
        let configuration = try Self.configuration(profile: profile, now: nil)
        let items = RuleRegistry.rules.map { rule in
            let level = configuration.levels[rule.id] ?? rule.defaultLevel
            return "    {\"id\": \(JSONText.quoted(rule.id)), \"level\": \"\(level.rawValue)\", "
                + "\"defaultLevel\": \"\(rule.defaultLevel.rawValue)\", \"summary\": \(JSONText.quoted(rule.summary))}"
        }
        let profiles = BuiltinProfiles.all.map { JSONText.quoted($0.name) }.joined(separator: ", ")
        return Self.json(
            "{\n  \"profile\": \(JSONText.quoted(profile)),\n  \"profiles\": [\(profiles)],\n  \"rules\": [\n"
                + items.joined(separator: ",\n") + "\n  ]\n}\n")
    }

    // MARK: Convert

    /// `POST /v1/convert?from=&to=&name=&envelope=`: the body converted; warnings counted in
    /// `Copydesk-Warnings`, or listed in a JSON envelope with `envelope=true`.
    func convert(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        let from = Self.nonEmpty(query.get("from"))
        let name = Self.fileName(query.get("name"))
        let envelope = Self.isTrue(query.get("envelope"))
        let target: FormatDescriptor
        do throws(CopydeskError) {
            target = try FormatChoice.output(named: Self.nonEmpty(query.get("to")) ?? "json", path: nil)
        } catch {
            throw Problem(error)
        }
        let options = settings.readerOptions
        let metrics = self.metrics
        return try await guarded(request) { bytes throws(Problem) in
            let pipeline = Pipeline()
            do throws(CopydeskError) {
                let (source, read) = try pipeline.read(
                    ReaderInput(bytes: bytes, file: name), from: from, options: options)
                let written = try pipeline.write(read.articles, format: target, options: WriterOptions())
                let warnings = (read.diagnostics + written.diagnostics).filter { $0.severity >= .warning }
                metrics.record(findings: warnings.map { ($0.id, $0.severity.rawValue) })
                var headers = HTTPFields()
                headers[Self.warningsHeader] = String(warnings.count)
                headers[Self.inputFormatHeader] = source.name
                guard envelope else {
                    headers[.contentType] = target.mediaType
                    return Response(
                        status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: written.bytes)))
                }
                headers[.contentType] = "application/json"
                let body =
                    "{\n  \"from\": \(JSONText.quoted(source.name)),\n  \"to\": \(JSONText.quoted(target.name)),\n"
                    + "  \"mediaType\": \(JSONText.quoted(target.mediaType)),\n"
                    + "  \"fileExtension\": \(JSONText.quoted(target.outputExtension)),\n"
                    + "  \"articles\": \(read.articles.count),\n"
                    + "  \"output\": \(JSONText.quoted(String(decoding: written.bytes, as: UTF8.self))),\n"
                    + "  \"warnings\": [" + warnings.map(Self.findingJSON).joined(separator: ", ") + "]\n}\n"
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
            } catch {
                throw Problem(error)
            }
        }
    }

    // MARK: Validate

    /// `POST /v1/validate?profile=&format=&from=&name=&now=`: the report, in the CLI's report
    /// formats; 200 whatever was found (the counts are in `Copydesk-Errors`/`-Warnings`/`-Notes`).
    func validate(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        let from = Self.nonEmpty(query.get("from"))
        let file = Self.fileName(query.get("name")) ?? "<stdin>"
        let formatName = Self.nonEmpty(query.get("format")) ?? "json"
        guard let reportFormat = ReportRegistry.format(named: formatName) else {
            throw Problem(
                .badRequest, code: "usage",
                detail:
                    "unknown report format '\(formatName)'; use one of: \(ReportRegistry.names.joined(separator: ", "))",
                exitCode: 64)
        }
        var now = clock()
        if let text = Self.nonEmpty(query.get("now")) {
            guard let parsed = Self.instant(text) else {
                throw Problem(
                    .badRequest, code: "usage",
                    detail: "now '\(text)' is not a time with a zone; write it in ISO 8601, e.g. 2025-06-12T09:00:00Z",
                    exitCode: 64)
            }
            now = parsed
        }
        let configuration = try Self.configuration(
            profile: try Self.profileName(query.get("profile")), now: now)
        let options = settings.readerOptions
        let metrics = self.metrics
        return try await guarded(request) { bytes throws(Problem) in
            let pipeline = Pipeline()
            let findings: [Diagnostic]
            do throws(CopydeskError) {
                let input = ReaderInput(bytes: bytes, file: file == "<stdin>" ? nil : file)
                let (format, read) = try pipeline.read(input, from: from, options: options)
                findings = ArticleChecker().findings(
                    for: read, bytes: bytes, file: file, format: format, options: options,
                    configuration: configuration)
            } catch {
                throw Problem(error)
            }
            metrics.record(findings: findings.map { ($0.id, $0.severity.rawValue) })
            let report = ValidationReport(files: [file], findings: findings, toolVersion: ServiceInfo.version)
            var headers = HTTPFields()
            headers[.contentType] = Self.reportMediaTypes[reportFormat.name] ?? "text/plain; charset=utf-8"
            headers[Self.errorsHeader] = String(report.count(.error))
            headers[Self.warningsHeader] = String(report.count(.warning))
            headers[Self.notesHeader] = String(report.count(.note))
            let text = reportFormat.render(report, options: ReportOptions(color: false))
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
        }
    }

    // MARK: Guards

    /// Runs `work` on the request's body within the service's limits: a body of at most
    /// `maxBodyBytes` (else 413), arrived within the time budget (else 408), then a slot of the
    /// concurrency gate (else 503 and `Retry-After`), and the work done within what is left of the
    /// budget (else 503). The body is read in the request's own task (the connection reads on
    /// from the same stream once the handler returns, so nothing else may); a slow body takes no
    /// slot. The work runs apart and holds its slot until it really ends, so that a timed-out
    /// request still counts against the limit while its work goes on.
    func guarded(
        _ request: Request, _ work: @escaping @Sendable ([UInt8]) throws(Problem) -> Response
    ) async throws -> Response {
        let deadline = ContinuousClock.now.advanced(by: settings.timeBudget)
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > settings.maxBodyBytes {
            throw tooLarge(declared)
        }
        let bytes = try await readBody(request, until: deadline)
        guard ContinuousClock.now < deadline else {
            metrics.recordRejection("timeout")
            throw Problem(
                .requestTimeout, code: "timeout",
                detail: "the request used up its time budget of \(settings.timeBudget) before it could be worked on")
        }
        guard gate.tryAcquire() else {
            metrics.recordRejection("busy")
            var problem = Problem(
                .serviceUnavailable, code: "busy",
                detail: "the service is working on \(gate.limit) request(s), its limit; try again shortly")
            problem.headers = [("Retry-After", String(settings.retryAfterSeconds))]
            throw problem
        }
        metrics.adjustInFlight(by: 1)
        let gate = self.gate
        let metrics = self.metrics
        return try await Deadline.race(
            until: deadline,
            timeout: Problem(
                .serviceUnavailable, code: "timeout",
                detail: "the article took longer than the time budget of \(settings.timeBudget) to work on"),
            metrics: metrics
        ) {
            defer {
                metrics.adjustInFlight(by: -1)
                gate.release()
            }
            return try work(bytes)
        }
    }

    /// The body, read in this task: at most `maxBodyBytes` (else 413), by the deadline (else 408;
    /// the read is cancelled, which ends the request's stream and the connection).
    private func readBody(_ request: Request, until deadline: ContinuousClock.Instant) async throws -> [UInt8] {
        let limit = settings.maxBodyBytes
        let late = Problem(
            .requestTimeout, code: "timeout",
            detail: "the request body did not arrive within the time budget of \(settings.timeBudget)")
        return try await withThrowingTaskGroup(of: [UInt8]?.self) { group in
            group.addTask {
                var collected: [UInt8] = []
                for try await buffer in request.body {
                    guard collected.count + buffer.readableBytes <= limit else { throw self.tooLarge(nil) }
                    collected.append(contentsOf: buffer.readableBytesView)
                }
                return collected
            }
            group.addTask {
                try await Task.sleep(until: deadline, clock: .continuous)
                return nil
            }
            defer { group.cancelAll() }
            while let next = try await group.next() {
                if let bytes = next { return bytes }
                metrics.recordRejection("timeout")
                throw late
            }
            throw late
        }
    }

    private func tooLarge(_ declared: Int?) -> Problem {
        metrics.recordRejection("too-large")
        let size = declared.map { "the request body is \(Limits.describe(bytes: $0)), " } ?? "the request body is "
        return Problem(
            .contentTooLarge, code: "input.limit",
            detail: size + "over the limit of \(Limits.describe(bytes: settings.maxBodyBytes))",
            hint: "raise the limit with copydesk-server --max-body-size if the input is trusted", exitCode: 2)
    }

    // MARK: Helpers

    static let warningsHeader = HTTPField.Name("Copydesk-Warnings")!
    static let errorsHeader = HTTPField.Name("Copydesk-Errors")!
    static let notesHeader = HTTPField.Name("Copydesk-Notes")!
    static let inputFormatHeader = HTTPField.Name("Copydesk-Input-Format")!

    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return String(text)
    }

    static func isTrue(_ text: String?) -> Bool {
        ["1", "true", "yes"].contains(text?.lowercased() ?? "")
    }

    /// The name a request gives its article (`name=story.md`): its last path component only, for
    /// format detection and for the findings' file; never opened.
    static func fileName(_ text: String?) -> String? {
        guard let text = nonEmpty(text) else { return nil }
        let last = text.split(separator: "/").last.map(String.init) ?? ""
        return last.isEmpty || last == "." || last == ".." ? nil : String(last.prefix(255))
    }

    /// A built-in profile's name (`default` when none is asked for). The service reads no
    /// profile files.
    static func profileName(_ text: String?) throws(Problem) -> String {
        let name = nonEmpty(text) ?? "default"
        guard BuiltinProfiles.text(named: name) != nil else {
            let known = BuiltinProfiles.all.map(\.name).joined(separator: ", ")
            throw Problem(
                .badRequest, code: "usage",
                detail: "no profile '\(name)': name a built-in one (\(known)); the service reads no profile files",
                exitCode: 64)
        }
        return name
    }

    static func configuration(profile: String, now: DateTimeValue?) throws(Problem) -> ValidationConfiguration {
        do {
            return try ValidationConfiguration.profile(named: profile, now: now)
        } catch {
            throw Problem(error)
        }
    }

    /// An ISO 8601 time with a zone, as `copydesk validate --now` takes it.
    static func instant(_ text: String) -> DateTimeValue? {
        guard let value = DateParser.parse(text), value.precision == .instant, value.hasTimeZone,
            let span = value.utcSpan
        else { return nil }
        return DateTimeValue.utc(secondsSince1970: span.lowerBound)
    }

    static func findingJSON(_ finding: Diagnostic) -> String {
        let line = finding.location.map { String($0.line) } ?? "null"
        let column = finding.location.map { String($0.column) } ?? "null"
        return "{\"rule\": \(JSONText.quoted(finding.id)), \"severity\": \"\(finding.severity.rawValue)\", "
            + "\"line\": \(line), \"column\": \(column), \"message\": \(JSONText.quoted(finding.message))}"
    }
}
