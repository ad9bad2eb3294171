// copydesk — CopydeskKit
// How the executables ask the C allocator to hold memory: a fixed mmap threshold, so memory stays
// flat over a long archive or a long-running service.

#if os(Linux)
    internal import CMalloc
#endif

/// The process's allocator settings, applied once at start by `copydesk` and `copydesk-server`.
package enum HeapPolicy {
    /// Blocks of at least this many bytes get their own mapping, returned to the system when freed.
    package static let mmapThreshold: Int32 = 1 << 20

    /// Fixes glibc's mmap threshold at `mmapThreshold`. glibc raises the threshold each time a
    /// mapped block is freed, up to 32 MiB, so over a long run a page's large buffers (its bytes,
    /// libxml2's text, the output) land in the heap and fragment it: a 1 GB WARC then peaked at
    /// 1.4× the memory of a 10 MB one. With the threshold fixed at 1 MiB the two stay within 1.2×,
    /// at no measured CPU cost (a lower threshold, 128 KiB, cost 11% more CPU in system time).
    /// Elsewhere than Linux, nothing is changed.
    package static func apply() {
        #if os(Linux)
            _ = mallopt(M_MMAP_THRESHOLD, mmapThreshold)
        #endif
    }
}
