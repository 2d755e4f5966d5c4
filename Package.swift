// swift-tools-version: 6.1
import PackageDescription

/// Settings shared by every Swift target: Swift 6 language mode plus the two
/// upcoming features that keep imports and existentials honest.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "warehouse",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "warehouse", targets: ["WarehouseCLI"]),
        .library(name: "WarehouseCore", targets: ["WarehouseCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // Already in the graph through hummingbird (HummingbirdTesting); used by WarehousePortal.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.30.0"),
        // Already in the graph through hummingbird; the server's connection guard is a NIO channel handler.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
    ],
    targets: [
        // MARK: - C libraries (Debian packages, found through pkg-config)

        // No pkgConfig on purpose: tesseract.pc puts -larchive -lcurl in Libs, which would make
        // the binary need libcurl at run time; the module map's `link "tesseract"` is enough.
        .systemLibrary(name: "CTesseract", providers: [.apt(["libtesseract-dev"])]),
        .systemLibrary(name: "CLeptonica", pkgConfig: "lept", providers: [.apt(["libleptonica-dev"])]),
        .systemLibrary(name: "CPoppler", pkgConfig: "poppler-glib", providers: [.apt(["libpoppler-glib-dev"])]),
        .systemLibrary(name: "CZBar", pkgConfig: "zbar", providers: [.apt(["libzbar-dev"])]),
        .systemLibrary(name: "CQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),

        // MARK: - The library: vocabulary, rules, storage, pipeline. No C, no CLI.

        .target(
            name: "WarehouseCore",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: - Adapters: the only targets that import a C module

        /// Leptonica (decode, deskew, orientation), Poppler (PDF pages), zbar (reading QR) and
        /// libqrencode (making QR): the page-image libraries, each in its own file.
        .target(
            name: "WarehouseImaging",
            dependencies: ["WarehouseCore", "CLeptonica", "CPoppler", "CZBar", "CQREncode"],
            swiftSettings: swiftSettings
        ),
        /// Tesseract through its C API; pages are handed over as raw grey bytes, so no Leptonica here.
        .target(
            name: "WarehouseTesseract",
            dependencies: ["WarehouseCore", "CTesseract"],
            swiftSettings: swiftSettings
        ),

        // MARK: - Front ends

        /// The HTTP API and the web pages (Hummingbird 2); `warehouse serve` runs it.
        .target(
            name: "WarehouseServer",
            dependencies: [
                "WarehouseCore", "WarehouseImaging", "WarehouseTesseract",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ],
            resources: [.copy("Templates"), .copy("Public")],
            swiftSettings: swiftSettings
        ),

        /// The national-portal sync's HTTP client (AsyncHTTPClient on SwiftNIO: no libcurl at run time).
        .target(
            name: "WarehousePortal",
            dependencies: [
                "WarehouseCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: swiftSettings
        ),

        .executableTarget(
            name: "WarehouseCLI",
            dependencies: [
                "WarehouseCore", "WarehouseImaging", "WarehouseTesseract", "WarehouseServer", "WarehousePortal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: - Tests

        /// The seeded fuzzer the test suites use on parsers of untrusted input (no dependencies).
        .target(name: "FuzzSupport", path: "Tests/FuzzSupport", swiftSettings: swiftSettings),
        .testTarget(
            name: "WarehouseCoreTests",
            dependencies: ["WarehouseCore", "FuzzSupport", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WarehouseAdapterTests",
            dependencies: ["WarehouseCore", "WarehouseImaging", "WarehouseTesseract", "CLeptonica"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WarehouseServerTests",
            dependencies: [
                "WarehouseServer", "WarehouseCore", "WarehouseImaging", "WarehouseTesseract", "FuzzSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WarehousePortalTests",
            dependencies: [
                "WarehousePortal", "WarehouseCore", "WarehouseCLI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WarehouseCLITests",
            dependencies: [
                "WarehouseCLI", "WarehouseCore", "WarehouseImaging", "WarehouseTesseract",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
