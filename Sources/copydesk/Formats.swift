// copydesk — command-line front end
// `copydesk formats`: the registry table.

import ArgumentParser
import CopydeskKit

struct Formats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the formats copydesk reads and writes.",
        discussion: "The format is guessed from a file's extension; --from and --to name it explicitly."
    )

    func run() {
        let rows = FormatRegistry.formats.map { format in
            [
                format.name,
                (format.reader != nil ? "read" : "") + (format.reader != nil && format.writer != nil ? ", " : "")
                    + (format.writer != nil ? "write" : ""),
                format.extensions.map { "." + $0 }.joined(separator: " "),
                format.summary,
            ]
        }
        let header = ["FORMAT", "CAN", "EXTENSIONS", "DESCRIPTION"]
        let table = [header] + rows
        let widths = (0..<3).map { column in table.map { $0[column].count }.max() ?? 0 }
        for row in table {
            var line = ""
            for column in 0..<3 {
                line += row[column] + String(repeating: " ", count: widths[column] - row[column].count + 2)
            }
            print(line + row[3])
        }
    }
}
