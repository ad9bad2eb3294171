// swift-tools-version:6.0
// copydesk: convert news articles between formats and check them before they are published.

import PackageDescription

let package = Package(
    name: "copydesk",
    products: [
        .executable(name: "copydesk", targets: ["copydesk"]),
        // The HTTP service and the editors' page, apart from the CLI so that it stays lean (docs/SERVE.md).
        .executable(name: "copydesk-server", targets: ["copydesk-server"]),
        .library(name: "CopydeskKit", targets: ["CopydeskKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // `make docs` builds the DocC catalog (Sources/CopydeskKit/CopydeskKit.docc); nothing else uses it.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
        // copydesk-server only: the HTTP server (and, for its tests, HummingbirdTesting).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // C at the edge: thin system-library targets found by pkg-config.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // glibc's mallopt: part of the C library, nothing to find or link.
        .systemLibrary(name: "CMalloc"),

        // The canonical model: plain value types, no C, no I/O.
        .target(name: "ArticleModel"),

        // Readers and writers, one folder per format, and the registry table.
        .target(
            name: "ArticleFormats",
            dependencies: ["ArticleModel", "CLibXML2", "CYAML", "CZlib"]
        ),

        // Analysers that enrich an article after any reader.
        .target(name: "ArticleAnalysis", dependencies: ["ArticleModel"]),

        // Rules that turn an article into diagnostics.
        .target(name: "ArticleValidation", dependencies: ["ArticleModel"]),

        // The pipeline: read → analyse → validate → write.
        .target(
            name: "CopydeskKit",
            dependencies: ["ArticleModel", "ArticleFormats", "ArticleAnalysis", "ArticleValidation", "CMalloc"]
        ),

        // The thin command-line front end.
        .executableTarget(
            name: "copydesk",
            dependencies: [
                "CopydeskKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // The HTTP API and the editors' page on Hummingbird: routes, limits, metrics, OpenAPI.
        .target(
            name: "CopydeskService",
            dependencies: ["CopydeskKit", .product(name: "Hummingbird", package: "hummingbird")]
        ),

        // `copydesk-server`: the service's command line (host, port, limits), SIGTERM drains.
        .executableTarget(
            name: "copydesk-server",
            dependencies: [
                "CopydeskService",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Times the pipeline's stages in one process for `make bench` (not installed).
        .executableTarget(name: "copydesk-bench", dependencies: ["CopydeskKit"]),

        // Helpers shared by the tests: random articles, fixtures and goldens.
        .target(name: "ArticleTestSupport", dependencies: ["ArticleModel"]),

        .testTarget(
            name: "ArticleModelTests",
            dependencies: ["ArticleModel", "ArticleTestSupport"]
        ),
        .testTarget(
            name: "ArticleFormatsTests",
            dependencies: ["ArticleFormats", "CopydeskKit", "ArticleTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "ArticleAnalysisTests",
            dependencies: ["ArticleAnalysis"]
        ),
        .testTarget(
            name: "ArticleValidationTests",
            dependencies: ["ArticleValidation"]
        ),
        .testTarget(
            name: "CopydeskKitTests",
            dependencies: ["CopydeskKit", "ArticleTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "CopydeskServiceTests",
            dependencies: [
                "CopydeskService", "ArticleTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "copydeskTests",
            dependencies: ["copydesk", "CopydeskKit", "ArticleTestSupport"]
        ),
    ]
)
