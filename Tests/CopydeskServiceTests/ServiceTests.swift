// copydesk — service tests
// Every endpoint in process: answers, media types, problem details with the CLI's codes and
// messages, limits, hostile input, metrics, CORS, and the OpenAPI document against the routes.

import CopydeskKit
import CopydeskService
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("copydesk-server API")
struct ServiceTests {
    @Test("GET /healthz says ok and the version")
    func health() async throws {
        let answer = try await withService { try await $0.call(.get, "/healthz") }
        #expect(answer.status == .ok)
        #expect(answer.contentType == "application/json")
        #expect(answer.object["status"] as? String == "ok")
        #expect(answer.object["version"] as? String == CopydeskVersion.current)
        #expect(answer.header("X-Content-Type-Options") == "nosniff")
    }

    @Test("GET /v1/formats lists the registry: what each format reads, writes, and its media type")
    func formats() async throws {
        let answer = try await withService { try await $0.call(.get, "/v1/formats") }
        #expect(answer.status == .ok)
        let formats = answer.object["formats"] as? [[String: Any]] ?? []
        #expect(formats.count == FormatRegistry.formats.count)
        #expect(answer.object["defaultOutput"] as? String == FormatRegistry.defaultOutput.name)
        let newsml = formats.first { $0["name"] as? String == "newsml" }
        #expect(newsml?["write"] as? Bool == true)
        #expect(newsml?["mediaType"] as? String == FormatRegistry.format(named: "newsml")?.mediaType)
        let unreadable = FormatRegistry.formats.filter { !$0.isReadable }.map(\.name)
        for name in unreadable {
            #expect(formats.first { $0["name"] as? String == name }?["read"] as? Bool == false)
        }
    }

    @Test("GET /v1/rules gives each rule's level in the profile asked for")
    func rules() async throws {
        let (plain, strict) = try await withService { client in
            (try await client.call(.get, "/v1/rules"), try await client.call(.get, "/v1/rules?profile=strict"))
        }
        #expect(plain.status == .ok && strict.status == .ok)
        let plainRules = plain.object["rules"] as? [[String: Any]] ?? []
        let strictRules = strict.object["rules"] as? [[String: Any]] ?? []
        #expect(plainRules.count == RuleRegistry.rules.count)
        let strictLevels = try ValidationConfiguration.profile(named: "strict").levels
        for rule in strictRules {
            let id = rule["id"] as? String ?? ""
            let expected = strictLevels[id] ?? RuleRegistry.rule(id: id)?.defaultLevel
            #expect(rule["level"] as? String == expected?.rawValue, "\(id)")
        }
        #expect(plainRules.map { $0["level"] as? String } != strictRules.map { $0["level"] as? String })
    }

    @Test("An unknown profile is a usage problem (400, exit code 64); a profile path is not read")
    func unknownProfile() async throws {
        let answers = try await withService { client in
            [
                try await client.call(.get, "/v1/rules?profile=house"),
                try await client.post("/v1/validate?profile=/etc/passwd", "Headline\n\nBody."),
            ]
        }
        for answer in answers {
            #expect(answer.status == .badRequest)
            #expect(answer.contentType == "application/problem+json")
            #expect(answer.object["code"] as? String == "usage")
            #expect(answer.object["exitCode"] as? Int == 64)
            #expect((answer.object["detail"] as? String ?? "").contains("name a built-in one (default, strict"))
        }
    }

    @Test("POST /v1/convert writes the format asked for, with its media type and the warnings counted")
    func convertToNewsML() async throws {
        let answer = try await withService { client in
            try await client.call(.post, "/v1/convert?to=newsml", body: try sample("multi-paragraph-quote.txt"))
        }
        #expect(answer.status == .ok)
        #expect(answer.contentType == FormatRegistry.format(named: "newsml")?.mediaType)
        #expect(answer.header("Copydesk-Input-Format") == "text")
        #expect(Int(answer.header("Copydesk-Warnings") ?? "") != nil)
        // The same bytes as the library writes for the same input.
        let pipeline = Pipeline()
        let bytes = try sample("multi-paragraph-quote.txt")
        let read = try pipeline.read(ReaderInput(bytes: bytes), from: nil)
        let expected = try pipeline.write(read.result.articles, format: FormatRegistry.format(named: "newsml")!)
        #expect(Array(answer.text.utf8) == expected.bytes)
    }

    @Test("envelope=true lists the output and the warnings in JSON")
    func convertEnvelope() async throws {
        let answer = try await withService { client in
            try await client.call(.post, "/v1/convert?to=markdown&envelope=true", body: try sample("night-buses.md"))
        }
        #expect(answer.status == .ok)
        #expect(answer.contentType == "application/json")
        #expect(answer.object["from"] as? String == "markdown")
        #expect(answer.object["to"] as? String == "markdown")
        #expect(answer.object["fileExtension"] as? String == "md")
        #expect((answer.object["output"] as? String ?? "").contains("---"))
        #expect(answer.object["warnings"] is [Any])
    }

    @Test("The name parameter helps detection and names the findings, and is never opened")
    func nameParameter() async throws {
        let answer = try await withService { client in
            try await client.post(
                "/v1/validate?name=../../etc/passwd.yaml&now=2026-01-01T12:00:00Z",
                "title: Harbour\npublished: 2025-06-01T09:00:00Z\nbody: The harbour opened.\n")
        }
        #expect(answer.status == .ok)
        #expect(answer.object["files"] as? [String] == ["passwd.yaml"])
    }

    @Test("Unknown formats are usage problems with the CLI's messages")
    func unknownFormats() async throws {
        let (to, from, report) = try await withService { client in
            (
                try await client.post("/v1/convert?to=docx", "Headline"),
                try await client.post("/v1/convert?from=docx", "Headline"),
                try await client.post("/v1/validate?format=pdf", "Headline")
            )
        }
        var cli: String?
        do {
            _ = try FormatChoice.output(named: "docx", path: nil)
        } catch {
            if case .usage(let message) = error { cli = message }
        }
        #expect(to.status == .badRequest)
        #expect(to.object["detail"] as? String == cli)
        #expect(from.status == .badRequest)
        #expect((from.object["detail"] as? String ?? "").hasPrefix("unknown input format 'docx'"))
        #expect(report.status == .badRequest)
        #expect(
            report.object["detail"] as? String
                == "unknown report format 'pdf'; use one of: \(ReportRegistry.names.joined(separator: ", "))")
    }

    @Test("An input that cannot be read is 422 with the reader's code, line and column")
    func malformedInput() async throws {
        let (json, yaml) = try await withService { client in
            (
                try await client.post("/v1/convert?from=json", "{\"headline\": \"x\",\n  \"body\": [}"),
                try await client.post("/v1/validate?from=yaml", "title: [unclosed\nbody: x\n")
            )
        }
        for answer in [json, yaml] {
            #expect(answer.status == .unprocessableContent)
            #expect(answer.contentType == "application/problem+json")
            #expect(answer.object["exitCode"] as? Int == 2)
            #expect(answer.object["line"] is Int)
        }
        #expect((json.object["code"] as? String ?? "").hasPrefix("json"))
        #expect((yaml.object["code"] as? String ?? "").hasPrefix("yaml"))
    }

    @Test("POST /v1/validate reports what the CLI reports, at the same line and column")
    func validateJSON() async throws {
        // The sample's announced election told as past events: two dates after publication, notes.
        let text = String(decoding: try sample("multi-paragraph-quote.txt"), as: UTF8.self)
            .replacingOccurrences(of: "open on", with: "opened on")
            .replacingOccurrences(of: "will take place on", with: "took place on")
        let bytes = Array(text.utf8)
        let answer = try await withService { client in
            try await client.call(.post, "/v1/validate?name=multi-paragraph-quote.txt", body: bytes)
        }
        #expect(answer.status == .ok)
        #expect(answer.contentType == "application/json")
        let diagnostics = answer.object["diagnostics"] as? [[String: Any]] ?? []
        let pipeline = Pipeline()
        let (format, read) = try pipeline.read(ReaderInput(bytes: bytes, file: "multi-paragraph-quote.txt"), from: nil)
        let expected = ArticleChecker().findings(
            for: read, bytes: bytes, file: "multi-paragraph-quote.txt", format: format, options: .default,
            configuration: try ValidationConfiguration.profile(named: "default", now: testNow))
        #expect(expected.filter { $0.id == "date.mention-after-published" }.count == 2)
        #expect(diagnostics.map { $0["rule"] as? String } == expected.map(\.id))
        #expect(diagnostics.map { $0["line"] as? Int } == expected.map { $0.location?.line })
        #expect(diagnostics.map { $0["column"] as? Int } == expected.map { $0.location?.column })
        #expect(answer.header("Copydesk-Notes") == String(expected.filter { $0.severity == .note }.count))
    }

    @Test("An article with an error is still a 200: the report says what was found")
    func validateFindsError() async throws {
        let answer = try await withService { client in
            try await client.call(.post, "/v1/validate?format=text", body: try sample("scraped-page.txt"))
        }
        #expect(answer.status == .ok)
        #expect(answer.contentType.hasPrefix("text/plain"))
        #expect(answer.header("Copydesk-Errors") == "1")
        #expect(answer.text.contains("error: publication date is missing"))
        #expect(answer.text.contains("[date.published-missing]"))
    }

    @Test("SARIF and JUnit reports, with their media types")
    func validateOtherFormats() async throws {
        let (sarif, junit) = try await withService { client in
            (
                try await client.call(.post, "/v1/validate?format=sarif", body: try sample("scraped-page.txt")),
                try await client.call(.post, "/v1/validate?format=junit", body: try sample("scraped-page.txt"))
            )
        }
        #expect(sarif.contentType == "application/sarif+json")
        #expect(sarif.object["version"] as? String == "2.1.0")
        #expect(sarif.text.contains("date.published-missing"))
        #expect(junit.contentType == "application/xml")
        #expect(junit.text.contains("<testsuite"))
        #expect(junit.text.contains("date.published-missing"))
    }

    @Test("now must be a time with a zone")
    func badNow() async throws {
        let answer = try await withService { try await $0.post("/v1/validate?now=tomorrow", "Headline\n\nBody.") }
        #expect(answer.status == .badRequest)
        #expect((answer.object["detail"] as? String ?? "").contains("not a time with a zone"))
    }

    @Test("A body over the limit is 413, by its Content-Length or as it arrives")
    func bodyLimit() async throws {
        var settings = ServiceSettings()
        settings.maxBodyBytes = 1000
        let big = [UInt8](repeating: UInt8(ascii: "a"), count: 5000)
        let answers = try await withService(settings) { client in
            [
                try await client.call(.post, "/v1/validate", body: big),
                try await client.call(.post, "/v1/convert?to=json", body: big),
            ]
        }
        for answer in answers {
            #expect(answer.status == .contentTooLarge)
            #expect(answer.object["code"] as? String == "input.limit")
            #expect((answer.object["detail"] as? String ?? "").contains("over the limit of 1000 bytes"))
        }
    }

    @Test("The reader limits apply: nesting deeper than --max-depth is refused with the reader's code")
    func readerLimits() async throws {
        var settings = ServiceSettings()
        settings.readerLimits.maxDepth = 20
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        let answer = try await withService(settings) { try await $0.post("/v1/convert?from=json", deep) }
        #expect(answer.status == .unprocessableContent || answer.status == .contentTooLarge)
        #expect((answer.object["detail"] as? String ?? "").contains("20"))
    }

    @Test("Beyond the concurrency limit: 503 with Retry-After, and the slot is given back after")
    func busy() async throws {
        var settings = ServiceSettings()
        settings.maxConcurrent = 1
        settings.retryAfterSeconds = 3
        let gate = ConcurrencyGate(limit: 1)
        let metrics = ServiceMetrics()
        #expect(gate.tryAcquire())
        let (refused, health, accepted) = try await withService(settings, metrics: metrics, gate: gate) { client in
            let refused = try await client.post("/v1/validate", "Headline\n\nBody.")
            let health = try await client.call(.get, "/healthz")
            gate.release()
            let accepted = try await client.post("/v1/validate", "Headline\n\nBody.")
            return (refused, health, accepted)
        }
        #expect(refused.status == .serviceUnavailable)
        #expect(refused.header("Retry-After") == "3")
        #expect(refused.object["code"] as? String == "busy")
        #expect(health.status == .ok)
        #expect(accepted.status == .ok)
        #expect(gate.inUse == 0)
        #expect(metrics.render().contains("copydesk_rejected_total{reason=\"busy\"} 1"))
    }

    @Test("A request over its time budget is refused with a timeout problem")
    func timeBudget() async throws {
        var settings = ServiceSettings()
        settings.timeBudget = .zero
        let answer = try await withService(settings) { try await $0.post("/v1/validate", "Headline\n\nBody.") }
        #expect(answer.status == .requestTimeout || answer.status == .serviceUnavailable)
        #expect(answer.object["code"] as? String == "timeout")
    }

    @Test("Hostile inputs get an answer (a 4xx, or the time budget's 503) and the service goes on")
    func hostileBattery() async throws {
        var laughs = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for level in 1..<10 {
            laughs += "\(Character(UnicodeScalar(97 + level)!)): &\(Character(UnicodeScalar(97 + level)!)) ["
            laughs += Array(repeating: "*\(Character(UnicodeScalar(96 + level)!))", count: 9).joined(separator: ",")
            laughs += "]\n"
        }
        var random = SystemRandomNumberGenerator()
        let battery: [(String, [UInt8])] = [
            ("from=yaml", Array(laughs.utf8)),
            (
                "from=json",
                Array((String(repeating: "{\"a\":", count: 5000) + "1" + String(repeating: "}", count: 5000)).utf8)
            ),
            (
                "from=newsml",
                Array(
                    "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><newsItem>&e;</newsItem>"
                        .utf8)
            ),
            ("from=html", Array(("<html><body>" + String(repeating: "<div>", count: 20000) + "x").utf8)),
            ("", [0xff, 0xfe, 0x00, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1]),
            ("", (0..<20000).map { _ in UInt8.random(in: 0...255, using: &random) }),
            ("", Array(String(repeating: "word ", count: 50_000).utf8)),
            ("from=markdown", Array(("---\n" + String(repeating: "key: [", count: 3000) + "\n---\nBody").utf8)),
            ("", []),
        ]
        let statuses = try await withService { client in
            var statuses: [(String, Int, String)] = []
            for (query, body) in battery {
                for path in ["/v1/convert?to=newsml&", "/v1/validate?"] {
                    let answer = try await client.call(.post, path + query, body: body)
                    statuses.append((path + query, answer.status.code, answer.text))
                }
            }
            let health = try await client.call(.get, "/healthz")
            statuses.append(("/healthz", health.status.code, health.text))
            return statuses
        }
        for (path, status, text) in statuses {
            // A 503 is allowed only as the time budget's answer (a slow debug build on a big input).
            #expect(
                status < 500 || (status == 503 && text.contains("urn:copydesk:problem:timeout")),
                "\(path): \(status) \(text.prefix(300))")
            #expect(!text.contains("root:x:0"), "\(path): an external entity was read")
        }
        #expect(statuses.last?.1 == 200)
    }

    @Test("GET /metrics counts requests by route and status, latencies, and findings by rule")
    func metrics() async throws {
        let metrics = ServiceMetrics()
        let text = try await withService(metrics: metrics) { client in
            _ = try await client.call(.post, "/v1/validate", body: try sample("scraped-page.txt"))
            _ = try await client.call(.get, "/nowhere")
            return try await client.call(.get, "/metrics")
        }
        #expect(text.status == .ok)
        #expect(text.contentType.hasPrefix("text/plain; version=0.0.4"))
        #expect(
            text.text.contains("copydesk_requests_total{route=\"/v1/validate\",method=\"POST\",status=\"200\"} 1"))
        #expect(text.text.contains("copydesk_requests_total{route=\"other\",method=\"GET\",status=\"404\"} 1"))
        #expect(text.text.contains("copydesk_request_duration_seconds_count{route=\"/v1/validate\"} 1"))
        #expect(text.text.contains("copydesk_findings_total{rule=\"date.published-missing\",severity=\"error\"} 1"))
        #expect(text.text.contains("copydesk_requests_in_flight 0"))
        // Every sample line is NAME{LABELS} VALUE or NAME VALUE; comments are HELP and TYPE.
        for line in text.text.split(separator: "\n") where !line.hasPrefix("#") {
            #expect(line.split(separator: " ").count == 2, "\(line)")
            #expect(Double(line.split(separator: " ").last ?? "") != nil, "\(line)")
        }
    }

    @Test("Unknown routes and methods are problems, not framework pages")
    func notFound() async throws {
        let (missing, method) = try await withService { client in
            (try await client.call(.get, "/v2/convert"), try await client.call(.delete, "/v1/convert"))
        }
        #expect(missing.status == .notFound)
        #expect(missing.object["code"] as? String == "not-found")
        #expect(method.status.code == 404 || method.status.code == 405)
        #expect(method.contentType == "application/problem+json")
    }

    @Test("No CORS headers unless an origin is configured")
    func cors() async throws {
        let origin: HTTPFields = [.origin: "https://cms.example.org"]
        let plain = try await withService { try await $0.call(.get, "/healthz", headers: origin) }
        #expect(plain.header("Access-Control-Allow-Origin") == nil)
        var settings = ServiceSettings()
        settings.corsOrigin = "https://cms.example.org"
        let allowed = try await withService(settings) { try await $0.call(.get, "/healthz", headers: origin) }
        #expect(allowed.header("Access-Control-Allow-Origin") == "https://cms.example.org")
    }

    @Test("GET / is one self-contained, labelled page")
    func page() async throws {
        let answer = try await withService { try await $0.call(.get, "/") }
        #expect(answer.status == .ok)
        #expect(answer.contentType == "text/html; charset=utf-8")
        let policy = answer.header("Content-Security-Policy") ?? ""
        #expect(policy.contains("default-src 'none'"))
        #expect(policy.contains("connect-src 'self'"))
        let html = answer.text
        #expect(!html.contains("src=\"http"))
        #expect(!html.contains("href=\"http"))
        #expect(!html.contains("@import"))
        for id in ["source", "from", "to", "profile", "file"] {
            #expect(html.contains("<label for=\"\(id)\""), "a label for #\(id)")
        }
        #expect(html.contains("aria-live=\"polite\""))
    }
}

@Suite("copydesk-server OpenAPI document")
struct OpenAPITests {
    @Test("/openapi.json is the document, OpenAPI 3.1")
    func served() async throws {
        let answer = try await withService { try await $0.call(.get, "/openapi.json") }
        #expect(answer.status == .ok)
        #expect(answer.object["openapi"] as? String == "3.1.0")
        #expect((answer.object["info"] as? [String: Any])?["version"] as? String == CopydeskVersion.current)
    }

    @Test("Every route is described, and nothing else")
    func routes() throws {
        let paths = try openAPI()["paths"] as? [String: [String: Any]] ?? [:]
        let described = Set(paths.flatMap { path, methods in methods.keys.map { "\($0.uppercased()) \(path)" } })
        let served = Set(ServiceRoutes.all.map { "\($0.method) \($0.path)" })
        #expect(described == served)
    }

    @Test("Every $ref resolves")
    func references() throws {
        let document = try openAPI()
        let text = OpenAPIDocument.json
        let refs = text.components(separatedBy: "\"$ref\": \"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(!refs.isEmpty)
        for ref in refs {
            var node: Any? = document
            for part in ref.dropFirst(2).split(separator: "/") { node = (node as? [String: Any])?[String(part)] }
            #expect(node != nil, "\(ref)")
        }
    }

    @Test("The answers the service gives are described: status and media type")
    func responsesMatch() async throws {
        var settings = ServiceSettings()
        settings.maxBodyBytes = 100
        let cases: [(HTTPRequest.Method, String, String, String)] = [
            (.get, "/", "/", ""), (.get, "/openapi.json", "/openapi.json", ""), (.get, "/healthz", "/healthz", ""),
            (.get, "/metrics", "/metrics", ""), (.get, "/v1/formats", "/v1/formats", ""),
            (.get, "/v1/rules", "/v1/rules", ""), (.get, "/v1/rules?profile=x", "/v1/rules", ""),
            (.post, "/v1/convert?to=newsml", "/v1/convert", "Harbour\n\nThe harbour opened."),
            (.post, "/v1/convert?envelope=true", "/v1/convert", "Harbour\n\nThe harbour opened."),
            (.post, "/v1/convert?to=x", "/v1/convert", "x"), (.post, "/v1/convert?from=json", "/v1/convert", "{"),
            (.post, "/v1/convert", "/v1/convert", String(repeating: "x", count: 200)),
            (.post, "/v1/validate", "/v1/validate", "Harbour\n\nThe harbour opened."),
            (.post, "/v1/validate?format=sarif", "/v1/validate", "Harbour"),
            (.post, "/v1/validate?format=junit", "/v1/validate", "Harbour"),
            (.post, "/v1/validate?format=text", "/v1/validate", "Harbour"),
            (.post, "/v1/validate?format=x", "/v1/validate", "Harbour"),
        ]
        let answers = try await withService(settings) { client in
            var answers: [Answer] = []
            for (method, uri, _, body) in cases {
                answers.append(try await client.call(method, uri, body: Array(body.utf8)))
            }
            return answers
        }
        let document = try openAPI()
        let paths = document["paths"] as? [String: [String: Any]] ?? [:]
        let shared = (document["components"] as? [String: Any])?["responses"] as? [String: [String: Any]] ?? [:]
        for ((method, uri, path, _), answer) in zip(cases, answers) {
            let operation = paths[path]?[method.rawValue.lowercased()] as? [String: Any]
            var response = (operation?["responses"] as? [String: [String: Any]])?[String(answer.status.code)]
            if let ref = response?["$ref"] as? String { response = shared[String(ref.split(separator: "/").last!)] }
            #expect(response != nil, "\(method) \(uri): \(answer.status.code) is not described")
            let media = (response?["content"] as? [String: Any])?.keys.map { $0 } ?? []
            let type = answer.contentType.split(separator: ";").first.map(String.init) ?? ""
            #expect(media.contains(type) || media.contains("*/*"), "\(method) \(uri): \(type) not in \(media)")
        }
    }
}
