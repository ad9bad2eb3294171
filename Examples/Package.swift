// swift-tools-version:6.0
// A program that uses copydesk as a library, through its public API only: a package of its own
// (code in copydesk's package could reach its `package` declarations). Built by `make test`.

import PackageDescription

let package = Package(
    name: "copydesk-examples",
    dependencies: [.package(name: "copydesk", path: "..")],
    targets: [
        .executableTarget(
            name: "convert-and-check",
            dependencies: [.product(name: "CopydeskKit", package: "copydesk")]
        )
    ]
)
