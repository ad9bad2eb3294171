// copydesk — fuzz harness: the yaml reader (libFuzzer entry point; built with -parse-as-library).

import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    Harness.read(data, size, format: "yaml")
    return 0
}
