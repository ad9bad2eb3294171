// copydesk — CopydeskKit
// Standard error for the two executables (the command line and the server).

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Prints a line to standard error.
package func printError(_ text: String) {
    var stream = StandardError()
    print(text, to: &stream)
}

/// Standard error as a text stream.
package struct StandardError: TextOutputStream {
    package init() {}

    package mutating func write(_ string: String) {
        Files.writeStandardError(Array(string.utf8))
    }
}
