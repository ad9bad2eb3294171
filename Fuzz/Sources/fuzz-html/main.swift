// copydesk — fuzz harness: the html reader (libFuzzer entry point; built with -parse-as-library).

import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    Harness.read(data, size, format: "html")
    return 0
}
