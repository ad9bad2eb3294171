// copydesk — CopydeskService
// What the service allows: where it listens, how much it reads, how many requests it works on at once.

import CopydeskKit

// MARK: - ServiceSettings

/// The service's limits and address. The defaults are the safe ones: loopback only, the CLI's
/// reader limits, a body of at most `maxBodyBytes`, a few requests worked on at once, a time
/// budget per request, and no CORS.
package struct ServiceSettings: Sendable {
    /// The address to listen on (`127.0.0.1`: this machine only).
    package var host = "127.0.0.1"
    /// The port (0: any free port).
    package var port = 8080
    /// The largest request body read; a larger one gets 413 before it is read whole.
    package var maxBodyBytes = 4 << 20
    /// The readers' and analysers' limits (the CLI's `--max-depth` and friends).
    package var readerLimits = ReaderLimits.default
    /// How many convert or validate requests are worked on at once; beyond it, 503 and `Retry-After`.
    package var maxConcurrent = 8
    /// How long one request may take, reading its body included (seconds); beyond it 408 or 503.
    package var timeBudget: Duration = .seconds(10)
    /// The origin allowed to call the API from a browser (`Access-Control-Allow-Origin`); none by default.
    package var corsOrigin: String?
    /// Seconds a client is told to wait (`Retry-After`) when the service is busy.
    package var retryAfterSeconds = 1
    /// How many connections are open at once; beyond, new ones wait to be accepted.
    package var maxConnections = 512
    /// Seconds an idle connection is kept open (slow clients are cut off after it).
    package var idleTimeoutSeconds = 30

    package init() {}

    /// The reader options every request uses: UTF-8 (HTML as it declares) and these limits. The
    /// body limit is the input limit too, whichever is smaller.
    var readerOptions: ReaderOptions {
        var limits = readerLimits
        limits.maxInputBytes = min(limits.maxInputBytes, maxBodyBytes)
        return ReaderOptions(encoding: .utf8, limits: limits)
    }
}

/// The copydesk version the service reports (`/healthz`, the reports' tool version).
package enum ServiceInfo {
    package static let version = CopydeskVersion.current
}
