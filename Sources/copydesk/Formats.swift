// copydesk — command-line front end
// `copydesk formats [NAME]`: the registry table, or what one format is and can do.

import ArgumentParser
import CopydeskKit

struct Formats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formats",
        abstract: "List the formats copydesk reads, writes and recognises, or describe one.",
        discussion: """
            An input's format is --from when given; otherwise what its content declares (an XML root \
            element, <!DOCTYPE html>, a model version, ninjs properties), then its extension. A format \
            copydesk recognises but cannot read yet is reported as such, never misread. --to names \
            the output format (default: from --output's extension, else json).

            EXAMPLES
              copydesk formats
              copydesk formats newsml
            """
    )

    @Argument(help: "A format to describe: what it can hold and do.")
    var name: String?

    func validate() throws {
        if let name, FormatRegistry.format(named: name) == nil {
            throw ValidationError(
                "unknown format '\(name)'; copydesk knows: "
                    + FormatRegistry.formats.map(\.name).joined(separator: ", "))
        }
    }

    func run() {
        if let format = name.flatMap(FormatRegistry.format(named:)) {
            describe(format)
            return
        }
        let rows = FormatRegistry.formats.map { format in
            [
                format.name, Self.abilities(format), format.extensions.map { "." + $0 }.joined(separator: " "),
                format.summary,
            ]
        }
        let table = [["FORMAT", "CAN", "EXTENSIONS", "DESCRIPTION"]] + rows
        let widths = (0..<3).map { column in table.map { $0[column].count }.max() ?? 0 }
        for row in table {
            var line = ""
            for column in 0..<3 {
                line += row[column] + String(repeating: " ", count: widths[column] - row[column].count + 2)
            }
            print(line + row[3])
        }
        print("\n'copydesk formats NAME' says what a format can hold and do.")
    }

    /// `read, write`, `write`, or `recognise` for a format known by its content only.
    static func abilities(_ format: FormatDescriptor) -> String {
        var can: [String] = []
        if format.isReadable { can.append("read") }
        if format.isWritable { can.append("write") }
        if can.isEmpty { can.append("recognise") }
        return can.joined(separator: ", ")
    }

    private func describe(_ format: FormatDescriptor) {
        let capabilities = format.capabilities
        print("\(format.name): \(format.summary)")
        print("  copydesk can:       \(Self.abilities(format))")
        print("  extensions:         \(format.extensions.map { "." + $0 }.joined(separator: " "))")
        if format.isWritable {
            print("  writes:             .\(format.outputExtension) files, \(format.mediaType)")
        }
        print("  articles per file:  \(capabilities.articles == .one ? "one" : "one or more")")
        print("  line stream:        \(capabilities.isLineStream ? "yes, one article a line, streamed" : "no")")
        if capabilities.isArchive {
            print("  archive:            yes, read a record at a time (in parallel, in constant memory)")
        }
        if capabilities.gathersArticles {
            print("  several inputs:     one output holds every article (a folder or several files, one feed)")
        }
        print("  comments:           \(capabilities.holdsComments ? "yes (suppression comments honoured)" : "no")")
        if format.isWritable {
            let carried = ArticleField.allCases.filter(capabilities.carries.contains).map(\.rawValue)
            let missing = ArticleField.allCases.filter { !capabilities.carries.contains($0) }
            let dropped = missing.filter { !$0.isDerived }.map(\.rawValue)
            let derived = missing.filter(\.isDerived).map(\.rawValue)
            print("  carries:            \(carried.joined(separator: ", "))")
            if !dropped.isEmpty {
                print("  cannot carry:       \(dropped.joined(separator: ", ")) (reported when an article has them)")
            }
            if !derived.isEmpty {
                print("  recomputed on read: \(derived.joined(separator: ", ")) (derived from the text it keeps)")
            }
        }
        if let schema = format.schema {
            print("  schema:             \(schema.title) (validate --schema \(format.name)), from \(schema.source)")
        }
    }
}
