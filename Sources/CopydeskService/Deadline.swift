// copydesk — CopydeskService
// Work raced against the request's time budget: whichever ends first answers.

import Synchronization

// MARK: - Deadline

/// Runs work in a task of its own and answers with its result or, if the deadline comes first,
/// with the timeout problem. The work is not stopped (a reader cannot be interrupted midway); it
/// ends on its own, bounded by the reader limits, and whatever it holds is released then.
enum Deadline {
    static func race<T: Sendable>(
        until deadline: ContinuousClock.Instant, timeout: Problem, metrics: ServiceMetrics,
        _ work: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let once = Once(continuation)
            let timer = Task.detached {
                try? await Task.sleep(until: deadline, clock: .continuous)
                guard !Task.isCancelled else { return }
                if once.resume(with: .failure(timeout)) { metrics.recordRejection("timeout") }
            }
            Task.detached {
                let result: Result<T, any Error>
                do {
                    result = .success(try await work())
                } catch {
                    result = .failure(error)
                }
                timer.cancel()
                once.resume(with: result)
            }
        }
    }

    /// A continuation resumed once: by the work or by the timer, whichever comes first.
    private final class Once<T: Sendable>: Sendable {
        private let continuation: Mutex<CheckedContinuation<T, any Error>?>

        init(_ continuation: CheckedContinuation<T, any Error>) {
            self.continuation = Mutex(continuation)
        }

        /// Resumes the continuation unless it was already; `true` when this call did.
        @discardableResult
        func resume(with result: Result<T, any Error>) -> Bool {
            let taken = continuation.withLock { stored in
                let taken = stored
                stored = nil
                return taken
            }
            taken?.resume(with: result)
            return taken != nil
        }
    }
}
