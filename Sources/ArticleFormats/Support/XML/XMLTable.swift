// copydesk — ArticleFormats / XML support
// An (X)HTML-style table element — XHTML's, NITF's — into the model's table block.

import ArticleModel

// MARK: - XMLTable

/// Reads `table` with its `caption`, rows straight inside or in `thead`/`tbody`/`tfoot`, and `th`
/// and `td` cells. A row in `thead`, or whose cells are all `th`, heads the table.
enum XMLTable {
    /// The table, or `nil` when no row has a cell with text. `cell` reads a cell's inline content.
    static func table(
        _ element: XMLElement, location: SourceLocation?, cell: (XMLElement) -> [Inline]
    ) -> Table? {
        var rows: [TableRow] = []
        func add(_ row: XMLElement, inHead: Bool) {
            let cells = row.elements().filter { $0.name == "td" || $0.name == "th" }
            guard !cells.isEmpty else { return }
            let contents = cells.map(cell)
            rows.append(
                TableRow(
                    cells: contents.map(TableCell.init), isHeader: inHead || cells.allSatisfy { $0.name == "th" }))
        }
        for child in element.elements() {
            switch child.name {
            case "tr": add(child, inHead: false)
            case "thead": child.elements("tr").forEach { add($0, inHead: true) }
            case "tbody", "tfoot": child.elements("tr").forEach { add($0, inHead: false) }
            default: break
            }
        }
        guard rows.contains(where: { $0.cells.contains { !$0.content.plainText.trimmingWhitespace().isEmpty } })
        else { return nil }
        let caption = element.first("caption").map { $0.text.foldingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
        return Table(rows: rows, caption: caption, location: location)
    }
}
