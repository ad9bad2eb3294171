// copydesk — CopydeskKit
// SIGINT and SIGTERM stop a batch between files instead of killing it mid-write.

import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

// MARK: - InterruptionWatch

/// While it lives, SIGINT and SIGTERM cancel a `CancellationFlag` instead of ending the process.
///
/// Signal dispositions are process-wide, which is the one piece of global state this needs: the
/// watch sets the signals to "ignore" so the kernel delivers them to a `DispatchSource` instead of
/// killing the process, and `stop()` puts the default action back. The flag itself belongs to
/// the batch; nothing else is shared. A batch that sees the flag finishes the files it is
/// writing (each output is a temporary file renamed whole) and starts no other.
package final class InterruptionWatch {
    package static let signals: [Int32] = [SIGINT, SIGTERM]

    private var sources: [any DispatchSourceSignal] = []

    /// Starts watching; `flag` is cancelled with the signal's number.
    package init(flag: CancellationFlag) {
        for number in Self.signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { flag.cancel(signal: number) }
            source.resume()
            sources.append(source)
        }
    }

    /// Stops watching and restores the default actions.
    package func stop() {
        for source in sources { source.cancel() }
        sources.removeAll()
        for number in Self.signals { signal(number, SIG_DFL) }
    }

    deinit { stop() }

    /// `SIGINT`, `SIGTERM`, or `signal N`.
    package static func name(_ number: Int32) -> String {
        switch number {
        case SIGINT: return "SIGINT"
        case SIGTERM: return "SIGTERM"
        default: return "signal \(number)"
        }
    }
}
