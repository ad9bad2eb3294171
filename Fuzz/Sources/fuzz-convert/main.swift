// copydesk — fuzz harness: read (format from the first byte) → analyse → validate → every writer,
// checking that JSON parses, NewsML-G2 is well-formed and Markdown holds no raw HTML.

import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    Harness.convert(data, size)
    return 0
}
