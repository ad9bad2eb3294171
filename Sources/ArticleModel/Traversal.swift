// copydesk — ArticleModel
// Walk and rewrite helpers, so analysers and rules do not each re-implement traversal.

// MARK: - Walking

extension Article {
    /// Visits every body block in order with its index.
    public func forEachBlock(_ visit: (_ index: Int, _ block: Block) throws -> Void) rethrows {
        for (index, block) in body.enumerated() {
            try visit(index, block)
        }
    }

    /// Visits every inline of every block, depth first, with the index of its block.
    public func forEachInline(_ visit: (_ blockIndex: Int, _ inline: Inline) throws -> Void) rethrows {
        for (index, block) in body.enumerated() {
            try block.forEachInline { try visit(index, $0) }
        }
    }

    /// Collects a value from every block that yields one (pandoc's `query`).
    public func query<T>(_ collect: (_ index: Int, _ block: Block) throws -> T?) rethrows -> [T] {
        var found: [T] = []
        for (index, block) in body.enumerated() {
            if let value = try collect(index, block) { found.append(value) }
        }
        return found
    }
}

extension Block {
    /// The top-level inline sequences this block holds (one per list item, one per table cell).
    public var inlineRuns: [[Inline]] {
        switch self {
        case .paragraph(let block): return [block.content]
        case .heading(let block): return [block.content]
        case .list(let block): return block.items.map(\.content)
        case .blockquote(let block): return [block.content]
        case .pullQuote(let block): return [block.content]
        case .table(let block): return block.rows.flatMap { $0.cells.map(\.content) }
        case .image, .rule, .code: return []
        }
    }

    /// Visits every inline in the block, depth first (a container before its children).
    public func forEachInline(_ visit: (Inline) throws -> Void) rethrows {
        for run in inlineRuns {
            for inline in run { try inline.walk(visit) }
        }
    }
}

extension Inline {
    /// Visits this inline and then its children, depth first.
    public func walk(_ visit: (Inline) throws -> Void) rethrows {
        try visit(self)
        switch self {
        case .emphasis(let content), .strong(let content), .link(_, let content):
            for child in content { try child.walk(visit) }
        case .quotation(let quotation):
            for child in quotation.content { try child.walk(visit) }
        case .text, .lineBreak:
            break
        }
    }
}

// MARK: - Rewriting

extension Article {
    /// Replaces every body block by what `transform` returns: `[]` deletes it, `[block]` keeps or
    /// changes it, several blocks split it.
    ///
    /// References into the body stay valid: quotes are anchored by id, so they follow their
    /// blocks and spans wherever they move, and a quote whose every anchor was deleted is removed
    /// from `quotes`; a date mention's `blockIndex` moves with its block (to the first of the
    /// blocks it was split into) and becomes `nil` when its block is deleted.
    public mutating func rewriteBlocks(_ transform: (Block) throws -> [Block]) rethrows {
        let anchoredBefore: Set<String> = quotes.isEmpty ? [] : Set(quoteAnchors.keys)
        var rewritten: [Block] = []
        rewritten.reserveCapacity(body.count)
        var newIndex: [Int?] = []
        newIndex.reserveCapacity(body.count)
        for block in body {
            let replacement = try transform(block)
            newIndex.append(replacement.isEmpty ? nil : rewritten.count)
            rewritten.append(contentsOf: replacement)
        }
        body = rewritten
        for index in dateMentions.indices {
            guard let old = dateMentions[index].blockIndex else { continue }
            dateMentions[index].blockIndex = old < newIndex.count ? newIndex[old] : nil
        }
        dropQuotesWhoseAnchorsVanished(anchoredBefore: anchoredBefore)
    }

    /// Rewrites every inline in the body bottom-up (children first): `[]` deletes an inline,
    /// several inlines replace it. A quote whose every span was deleted is removed from `quotes`.
    public mutating func rewriteInlines(_ transform: (Inline) throws -> [Inline]) rethrows {
        let anchoredBefore: Set<String> = quotes.isEmpty ? [] : Set(quoteAnchors.keys)
        body = try body.map { try $0.rewritingInlines(transform) }
        dropQuotesWhoseAnchorsVanished(anchoredBefore: anchoredBefore)
    }
}

extension Block {
    /// The block with every inline rewritten bottom-up by `transform`.
    public func rewritingInlines(_ transform: (Inline) throws -> [Inline]) rethrows -> Block {
        func run(_ content: [Inline]) throws -> [Inline] {
            try content.flatMap { try $0.rewritten(transform) }
        }
        switch self {
        case .paragraph(var block):
            block.content = try run(block.content)
            return .paragraph(block)
        case .heading(var block):
            block.content = try run(block.content)
            return .heading(block)
        case .list(var block):
            for index in block.items.indices {
                block.items[index].content = try run(block.items[index].content)
            }
            return .list(block)
        case .blockquote(var block):
            block.content = try run(block.content)
            return .blockquote(block)
        case .pullQuote(var block):
            block.content = try run(block.content)
            return .pullQuote(block)
        case .table(var block):
            for row in block.rows.indices {
                for cell in block.rows[row].cells.indices {
                    block.rows[row].cells[cell].content = try run(block.rows[row].cells[cell].content)
                }
            }
            return .table(block)
        case .image, .rule, .code:
            return self
        }
    }
}

extension Inline {
    /// This inline with its children rewritten first, then itself.
    public func rewritten(_ transform: (Inline) throws -> [Inline]) rethrows -> [Inline] {
        func children(_ content: [Inline]) throws -> [Inline] {
            try content.flatMap { try $0.rewritten(transform) }
        }
        switch self {
        case .emphasis(let content): return try transform(.emphasis(children(content)))
        case .strong(let content): return try transform(.strong(children(content)))
        case .link(let url, let content): return try transform(.link(url: url, content: children(content)))
        case .quotation(var quotation):
            quotation.content = try children(quotation.content)
            return try transform(.quotation(quotation))
        case .text, .lineBreak:
            return try transform(self)
        }
    }
}
