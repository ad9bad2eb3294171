// copydesk — CopydeskKit
// Standard error for the two executables (the command line and the server).

import Foundation

/// Prints a line to standard error.
package func printError(_ text: String) {
    var stream = StandardError()
    print(text, to: &stream)
}

/// Standard error as a text stream.
package struct StandardError: TextOutputStream {
    package init() {}

    package mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}
