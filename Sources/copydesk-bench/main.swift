// copydesk — benchmark driver (not installed)
// Times the pipeline's stages in one process, single-threaded, over files held in memory.
//
//   copydesk-bench [--rounds N] [--stage read|analyse|convert] PAGE…
//
// For each stage — read (the reader alone), analyse (read + analysers), convert (read + analyse +
// the JSON writer) — it runs every file ROUNDS times (default 5) and prints files and MB per
// CPU-second (the process's CPU time, so other work on a shared machine does not skew it). Inputs are read before the clock starts, so disk speed does not count. Used by
// `make bench`; compare with bench/html-parse-floor.c, the bare libxml2 parse of the same files.

import CopydeskKit
import Foundation

/// CPU time used by this process so far.
func cpuNanoseconds() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

struct Input {
    var bytes: [UInt8]
    var name: String
    var format: FormatDescriptor
}

func run() -> Int32 {
    var arguments = Array(CommandLine.arguments.dropFirst())
    var rounds = 5
    var stages: Set<String> = ["read", "analyse", "convert"]
    if arguments.first == "--rounds", arguments.count >= 2, let value = Int(arguments[1]), value > 0 {
        rounds = value
        arguments.removeFirst(2)
    }
    if arguments.first == "--stage", arguments.count >= 2 {
        stages = [arguments[1]]
        arguments.removeFirst(2)
    }
    if arguments.isEmpty {
        FileHandle.standardError.write(
            Data("usage: copydesk-bench [--rounds N] [--stage read|analyse|convert] FILE…\n".utf8))
        return 64
    }

    var inputs: [Input] = []
    for path in arguments {
        guard let format = FormatRegistry.format(forPath: path), format.reader != nil,
            let data = FileManager.default.contents(atPath: path)
        else {
            FileHandle.standardError.write(Data("copydesk-bench: cannot read \(path)\n".utf8))
            return 2
        }
        inputs.append(Input(bytes: [UInt8](data), name: path, format: format))
    }
    let totalBytes = inputs.reduce(0) { $0 + $1.bytes.count }
    let pipeline = Pipeline()
    let json = FormatRegistry.defaultOutput

    func measure(_ stage: String, _ body: (Input) throws -> Void) rethrows {
        guard stages.contains(stage) else { return }
        let start = cpuNanoseconds()
        for _ in 0..<rounds {
            for input in inputs { try body(input) }
        }
        let seconds = Double(cpuNanoseconds() - start) / 1e9
        let files = Double(inputs.count * rounds)
        print(
            String(
                format: "%-8@ %5d files x %d rounds: %7.3f s  %8.1f files/s  %6.1f MB/s  %7.2f ms/file", stage,
                inputs.count, rounds, seconds, files / seconds, Double(totalBytes * rounds) / seconds / 1e6,
                seconds * 1000 / files))
    }

    do {
        try measure("read") { input in
            _ = try input.format.reader!.read(ReaderInput(bytes: input.bytes, file: input.name), options: .default)
        }
        try measure("analyse") { input in
            _ = try pipeline.read(ReaderInput(bytes: input.bytes, file: input.name), format: input.format)
        }
        try measure("convert") { input in
            let read = try pipeline.read(ReaderInput(bytes: input.bytes, file: input.name), format: input.format)
            _ = try pipeline.write(read.articles, format: json)
        }
    } catch {
        FileHandle.standardError.write(Data("copydesk-bench: \(error)\n".utf8))
        return 2
    }
    return 0
}

exit(run())
