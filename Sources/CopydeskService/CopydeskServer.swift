// copydesk — CopydeskService
// The router and the application: routes, error handling, metrics, headers, CORS when asked.

import CopydeskKit
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

// MARK: - CopydeskServer

/// Builds the service: `router` for tests (HummingbirdTesting runs it in process), `application`
/// for `copydesk-server`, which runs it until SIGTERM or SIGINT and then finishes the requests in
/// flight before it exits.
package enum CopydeskServer {
    package static func router(
        settings: ServiceSettings, metrics: ServiceMetrics = ServiceMetrics(), gate: ConcurrencyGate? = nil,
        clock: (@Sendable () -> DateTimeValue)? = nil
    ) -> Router<BasicRequestContext> {
        // A libxml2 that cannot parse on several threads at once (SystemLibraries) works on one
        // request at a time; the others are told the service is busy.
        let gate = gate ?? ConcurrencyGate(limit: SystemLibraries.libxml2IsThreadSafe ? settings.maxConcurrent : 1)
        let routes =
            clock.map { ServiceRoutes(settings: settings, metrics: metrics, gate: gate, clock: $0) }
            ?? ServiceRoutes(settings: settings, metrics: metrics, gate: gate)
        let router = Router(context: BasicRequestContext.self)
        router.middlewares.add(ServiceMiddleware(metrics: metrics))
        if let origin = settings.corsOrigin {
            router.middlewares.add(
                CORSMiddleware(
                    allowOrigin: .custom(origin), allowHeaders: [.contentType], allowMethods: [.get, .post, .options],
                    exposedHeaders: [
                        "Copydesk-Warnings", "Copydesk-Errors", "Copydesk-Notes", "Copydesk-Input-Format",
                    ]))
        }
        router.get("/") { _, _ in EditorPage.response }
        router.get("/openapi.json") { _, _ in
            ServiceRoutes.json(OpenAPIDocument.json)
        }
        router.get("/healthz") { _, _ in routes.health() }
        router.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: metrics.render())))
        }
        router.get("/v1/formats") { _, _ in routes.formats() }
        router.get("/v1/rules") { request, _ in try routes.rules(request) }
        router.post("/v1/convert") { request, _ in try await routes.convert(request) }
        router.post("/v1/validate") { request, _ in try await routes.validate(request) }
        return router
    }

    /// The application `copydesk-server` runs.
    package static func application(
        settings: ServiceSettings, logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(settings: settings),
            server: .http1(
                configuration: .init(idleTimeout: .seconds(Int64(settings.idleTimeoutSeconds)))),
            configuration: .init(
                address: .hostname(settings.host, port: settings.port), serverName: "copydesk",
                availableConnectionsDelegate: MaximumAvailableConnections(settings.maxConnections)),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? settings.port) },
            logger: logger)
    }
}

// MARK: - ServiceMiddleware

/// Around every request: errors become problem details, each answer is counted and timed, and
/// every response says not to guess its type.
struct ServiceMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServiceMetrics

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch let problem as Problem {
            response = problem.response
        } catch let error as any HTTPResponseError {
            response = Self.problem(for: error, request: request).response
        } catch {
            context.logger.error("unexpected error: \(String(describing: error))")
            response =
                Problem(.internalServerError, code: "internal", detail: "the service failed unexpectedly").response
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.cacheControl] = response.headers[.cacheControl] ?? "no-store"
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        metrics.record(
            route: ServiceMetrics.route(of: request.uri.path), method: request.method.rawValue,
            status: response.status.code, seconds: seconds)
        return response
    }

    /// The framework's own errors (no such route, a malformed request) as problems.
    static func problem(for error: any HTTPResponseError, request: Request) -> Problem {
        switch error.status {
        case .notFound:
            let routes = ServiceRoutes.all.map { "\($0.method) \($0.path)" }.joined(separator: ", ")
            return Problem(
                .notFound, code: "not-found",
                detail: "no route for \(request.method.rawValue) \(request.uri.path); the service has: \(routes)")
        case .methodNotAllowed:
            return Problem(
                .methodNotAllowed, code: "method-not-allowed",
                detail: "\(request.uri.path) does not take \(request.method.rawValue); see /openapi.json")
        case .contentTooLarge:
            return Problem(.contentTooLarge, code: "input.limit", detail: "the request body is over the limit")
        default:
            return Problem(error.status, code: "http", detail: error.status.reasonPhrase)
        }
    }
}
