// copydesk — CopydeskKit
// The version every front end (the CLI, the server) reports.

/// copydesk's version, in one place.
package enum CopydeskVersion {
    /// The version (`0.1.0`).
    package static let current = "0.1.0"
}
