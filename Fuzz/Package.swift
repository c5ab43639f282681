// swift-tools-version: 6.1
// Qingshan's libFuzzer targets (issue 20), a package of its own so the main build and CI
// never compile them. `scripts/fuzz` builds and runs them; see docs/FUZZING.md.
//
// One executable holds every target; `QINGSHAN_FUZZ_TARGET` chooses which one runs.
// It reads QingshanKit's internal parsers through `@testable import`, so it is built with
// `-enable-testing` (scripts/fuzz passes it with `-sanitize=fuzzer,address`).

import PackageDescription

let package = Package(
    name: "qingshan-fuzz",
    dependencies: [
        // The parent folder is the Qingshan package (named here: a path dependency is
        // otherwise known by its folder's name, which differs between clones).
        .package(name: "qingshan", path: "..")
    ],
    targets: [
        .executableTarget(
            name: "qingshan-fuzz",
            dependencies: [.product(name: "QingshanKit", package: "qingshan"), "FuzzMain"],
            // libFuzzer supplies `main`; the target only exports `LLVMFuzzerTestOneInput`.
            swiftSettings: [.swiftLanguageMode(.v6), .unsafeFlags(["-parse-as-library"])]
        ),
        /// `main`, handing over to libFuzzer's driver (see FuzzMain.c).
        .target(name: "FuzzMain"),
    ]
)
