// swift-tools-version:6.0
// copydesk's libFuzzer harnesses: one executable per reader and one for the whole convert path.
// Built only by `make fuzz` (scripts/fuzz.sh), with -sanitize=fuzzer,address; never by `make test`.
// Each harness's main hands its callback to libFuzzer's LLVMFuzzerRunDriver.

import PackageDescription

let harnesses = ["text", "html", "yaml", "json", "newsml", "nitf", "markdown", "convert"]

let package = Package(
    name: "copydesk-fuzz",
    dependencies: [.package(name: "copydesk", path: "..")],
    targets: [
        .target(name: "CLibFuzzer"),
        .target(
            name: "FuzzSupport",
            dependencies: ["CLibFuzzer", .product(name: "CopydeskKit", package: "copydesk")]
        ),
    ]
        + harnesses.map { name in
            .executableTarget(name: "fuzz-\(name)", dependencies: ["FuzzSupport"])
        }
)
