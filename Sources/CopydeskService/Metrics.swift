// copydesk — CopydeskService
// Counters and latency histograms for GET /metrics, in Prometheus' text format.

import Foundation
import Synchronization

// MARK: - ServiceMetrics

/// What the service has done since it started: requests by route, method and status, their
/// latencies (a histogram per route), findings by rule and severity, and requests in flight.
/// Routes are the service's own paths (anything else is `other`), so labels stay few.
package final class ServiceMetrics: Sendable {
    /// The histogram's upper bounds, in seconds.
    package static let buckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private struct Histogram {
        var counts = [Int](repeating: 0, count: ServiceMetrics.buckets.count)
        var sum = 0.0
        var count = 0
    }

    private struct State {
        var requests: [String: Int] = [:]  // "route\u{0}method\u{0}status"
        var latencies: [String: Histogram] = [:]  // route
        var findings: [String: Int] = [:]  // "rule\u{0}severity"
        var rejected: [String: Int] = [:]  // reason
        var inFlight = 0
    }

    private let state = Mutex(State())

    package init() {}

    /// The route label for a path: the path when it is one of the service's, else `other`.
    package static func route(of path: String) -> String {
        ServiceRoutes.all.contains { $0.path == path } ? path : "other"
    }

    /// One request answered.
    package func record(route: String, method: String, status: Int, seconds: Double) {
        state.withLock { state in
            state.requests["\(route)\u{0}\(method)\u{0}\(status)", default: 0] += 1
            var histogram = state.latencies[route] ?? Histogram()
            for (index, bound) in Self.buckets.enumerated() where seconds <= bound { histogram.counts[index] += 1 }
            histogram.sum += seconds
            histogram.count += 1
            state.latencies[route] = histogram
        }
    }

    /// Findings reported by a validate (or convert) request.
    package func record(findings: [(rule: String, severity: String)]) {
        guard !findings.isEmpty else { return }
        state.withLock { state in
            for finding in findings { state.findings["\(finding.rule)\u{0}\(finding.severity)", default: 0] += 1 }
        }
    }

    /// A request refused by a guard: `busy`, `too-large`, `timeout`.
    package func recordRejection(_ reason: String) {
        state.withLock { $0.rejected[reason, default: 0] += 1 }
    }

    package func adjustInFlight(by delta: Int) {
        state.withLock { $0.inFlight += delta }
    }

    /// The Prometheus text exposition (version 0.0.4).
    package func render() -> String {
        let snapshot = state.withLock { $0 }
        var out = ""
        out += "# HELP copydesk_requests_total HTTP requests answered, by route, method and status.\n"
        out += "# TYPE copydesk_requests_total counter\n"
        for (key, count) in snapshot.requests.sorted(by: { $0.key < $1.key }) {
            let parts = key.split(separator: "\u{0}", omittingEmptySubsequences: false).map(String.init)
            out +=
                "copydesk_requests_total{route=\(Self.label(parts[0])),method=\(Self.label(parts[1])),"
                + "status=\(Self.label(parts[2]))} \(count)\n"
        }
        out += "# HELP copydesk_request_duration_seconds Time from request to response, by route.\n"
        out += "# TYPE copydesk_request_duration_seconds histogram\n"
        for (route, histogram) in snapshot.latencies.sorted(by: { $0.key < $1.key }) {
            for (index, bound) in Self.buckets.enumerated() {
                out +=
                    "copydesk_request_duration_seconds_bucket{route=\(Self.label(route)),le=\"\(Self.number(bound))\"} "
                    + "\(histogram.counts[index])\n"
            }
            out +=
                "copydesk_request_duration_seconds_bucket{route=\(Self.label(route)),le=\"+Inf\"} \(histogram.count)\n"
            out += "copydesk_request_duration_seconds_sum{route=\(Self.label(route))} \(Self.number(histogram.sum))\n"
            out += "copydesk_request_duration_seconds_count{route=\(Self.label(route))} \(histogram.count)\n"
        }
        out += "# HELP copydesk_findings_total Findings reported, by rule and severity.\n"
        out += "# TYPE copydesk_findings_total counter\n"
        for (key, count) in snapshot.findings.sorted(by: { $0.key < $1.key }) {
            let parts = key.split(separator: "\u{0}", omittingEmptySubsequences: false).map(String.init)
            out += "copydesk_findings_total{rule=\(Self.label(parts[0])),severity=\(Self.label(parts[1]))} \(count)\n"
        }
        out += "# HELP copydesk_rejected_total Requests refused by a limit (busy, too-large, timeout).\n"
        out += "# TYPE copydesk_rejected_total counter\n"
        for (reason, count) in snapshot.rejected.sorted(by: { $0.key < $1.key }) {
            out += "copydesk_rejected_total{reason=\(Self.label(reason))} \(count)\n"
        }
        out += "# HELP copydesk_requests_in_flight Convert and validate requests being worked on.\n"
        out += "# TYPE copydesk_requests_in_flight gauge\n"
        out += "copydesk_requests_in_flight \(snapshot.inFlight)\n"
        return out
    }

    /// A label value, quoted and escaped as the exposition format wants.
    static func label(_ value: String) -> String {
        var out = "\""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out + "\""
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

// MARK: - ConcurrencyGate

/// At most `limit` convert or validate requests at once; the rest are told to come back later.
package final class ConcurrencyGate: Sendable {
    package let limit: Int
    private let count = Mutex(0)

    package init(limit: Int) {
        self.limit = limit
    }

    /// Takes a slot, or returns `false` when all are taken.
    package func tryAcquire() -> Bool {
        count.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    package func release() {
        count.withLock { $0 -= 1 }
    }

    package var inUse: Int { count.withLock { $0 } }
}
