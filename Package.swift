// swift-tools-version: 6.1
// Qingshan (青山): a static reporting-site generator.
//
// Read this file as a table of contents: system libraries, then the library,
// then the command-line tool, then the tests. Dependencies point one way:
// `qingshan` → `QingshanKit` → `CCmark`.

import PackageDescription

/// Strict settings, declared once and applied to every target.
let strictSettings: [SwiftSetting] = [
    // Swift 6 language mode: complete data-race checking on every target.
    .swiftLanguageMode(.v6),
    // Every `any` spelled out, so existential costs are visible in review.
    .enableUpcomingFeature("ExistentialAny"),
    // Imports stay internal unless a target re-exports them on purpose.
    .enableUpcomingFeature("InternalImportsByDefault"),
    // Members of a type do not silently become `@MainActor` and the like.
    .enableUpcomingFeature("InferIsolatedConformances"),
]

let package = Package(
    name: "qingshan",
    // Built and tested on Linux; the Linux-only calls (`st_mtim`, `/proc`) have macOS branches.
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "qingshan", targets: ["qingshan"]),
        .library(name: "QingshanKit", targets: ["QingshanKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Hummingbird's logger type; the preview server configures it (already built for Hummingbird).
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // SHA-256 for the deploy manifest and staged pages (already built for Hummingbird).
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // MARK: System libraries

        /// libcmark from the system (Debian: libcmark-dev). Only
        /// `Markdown/CmarkRenderer.swift` imports it.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),

        // MARK: Library

        /// The generator: reads a site, validates it, renders it. Never prints, never exits.
        .target(
            name: "QingshanKit",
            dependencies: [
                "CCmark",
                .product(name: "Yams", package: "Yams"),
                // The offline bundle (`build --archive`): deterministic ZIP writing.
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),

        /// `qingshan serve`: serves the output folder on loopback, live-reloads open pages
        /// through Server-Sent Events. Kept out of `QingshanKit` so the generator does not
        /// pull in SwiftNIO.
        .target(
            name: "QingshanServer",
            dependencies: [
                "QingshanKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),

        // MARK: Command-line tool

        /// `qingshan build | check | serve`: parses arguments, renders diagnostics, sets exit codes.
        .executableTarget(
            name: "qingshan",
            dependencies: [
                "QingshanKit",
                "QingshanServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings,
            // lld (shipped with the Swift toolchain) with packed relative relocations
            // (DT_RELR, glibc ≥ 2.36): the loader no longer reads 2.7 MB of RELA entries at
            // every start. Peak RSS of a 1,000-page render 77 → 72 MiB, `--help` 19 → 16 MiB.
            linkerSettings: [
                .unsafeFlags(["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"])
            ]
        ),

        // MARK: Tests

        .testTarget(
            name: "QingshanKitTests",
            dependencies: [
                "QingshanKit",
                // Imported by tests directly: swift-mustache is the reference the template
                // renderer is compared with (the themes were first written for it), data
                // tests compose YAML, archive tests unzip.
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Fixtures", "Golden"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "QingshanCLITests",
            dependencies: [
                "qingshan",
                // To read the same arguments the way `qingshan` does by default.
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "QingshanServerTests",
            dependencies: [
                "QingshanServer", "QingshanKit",
                // Only to read a `Response` the server returns, without a socket.
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)
