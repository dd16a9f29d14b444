// swift-tools-version: 6.0
import PackageDescription

/// One executable a fuzz target: each defines `LLVMFuzzerTestOneInput` over one reader the
/// command line uses. Built and run by scripts/fuzz.sh (libFuzzer and AddressSanitizer); the
/// main package and its tests are untouched.
let fuzzTargets: [(name: String, library: String)] = [
    ("FuzzRosterParser", "RoundtableXML"),
    ("FuzzWorkspaceReader", "RoundtableXML"),
    ("FuzzTranscriptText", "RoundtableCore"),
    ("FuzzTranscriptXML", "RoundtableXML"),
    ("FuzzTripleSMetadata", "RoundtableXML"),
    ("FuzzTripleSData", "RoundtableXML"),
    ("FuzzREFIProject", "RoundtableXML"),
    ("FuzzREFICodebook", "RoundtableXML"),
    ("FuzzInstantParser", "RoundtableCore"),
]

let package = Package(
    name: "RoundtableFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Roundtable", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [
            .product(name: "RoundtableCore", package: "Roundtable"), .product(name: "RoundtableXML", package: "Roundtable"),
        ]),
    ] + fuzzTargets.map { target in
        .executableTarget(name: target.name, dependencies: [
            "FuzzSupport", .product(name: target.library, package: "Roundtable"),
        ])
    },
    swiftLanguageModes: [.v6]
)
