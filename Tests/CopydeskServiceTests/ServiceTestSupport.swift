// copydesk — service tests
// An in-process service (HummingbirdTesting's router framework) and helpers to read its answers.

import ArticleTestSupport
import CopydeskKit
import CopydeskService
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

/// The clock validation uses in the tests: 2026-01-01T12:00:00Z, after every sample's date.
let testNow = DateTimeValue.utc(secondsSince1970: 1_767_268_800)

/// Runs `body` against a service with these settings, in process.
func withService<T: Sendable>(
    _ settings: ServiceSettings = ServiceSettings(), metrics: ServiceMetrics = ServiceMetrics(),
    gate: ConcurrencyGate? = nil, _ body: @Sendable (any TestClientProtocol) async throws -> T
) async throws -> T {
    let router = CopydeskServer.router(settings: settings, metrics: metrics, gate: gate, clock: { testNow })
    let app = Application(router: router)
    return try await app.test(.router) { client in try await body(client) }
}

/// What a test looks at in a response.
struct Answer: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var text: String

    var contentType: String { headers[.contentType] ?? "" }

    /// The body as JSON (an object), or an empty one.
    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    func header(_ name: String) -> String? { HTTPField.Name(name).flatMap { headers[$0] } }
}

extension TestClientProtocol {
    func call(
        _ method: HTTPRequest.Method, _ uri: String, body: [UInt8]? = nil, headers: HTTPFields = [:]
    ) async throws -> Answer {
        try await execute(
            uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(bytes: $0) }
        ) { response in
            Answer(status: response.status, headers: response.headers, text: String(buffer: response.body))
        }
    }

    func post(_ uri: String, _ text: String) async throws -> Answer {
        try await call(.post, uri, body: Array(text.utf8))
    }
}

/// A sample from Samples/ (written for the project).
func sample(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: TestPaths.packageRoot.appendingPathComponent("Samples/\(name)")))
}

/// The OpenAPI document, parsed.
func openAPI() throws -> [String: Any] {
    let answer = try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8))
    return answer as? [String: Any] ?? [:]
}
