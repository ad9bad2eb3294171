// copydesk — fuzz harness: read (format from the first byte) → analyse → validate → every writer,
// checking that JSON (and ninjs, JSON Feed) parses, NewsML-G2, NITF, RSS and Atom are well-formed and
// Markdown holds no raw HTML.

import FuzzSupport

Harness.main { data, size in
    if let data { Harness.convert(data, size) }
    return 0
}
