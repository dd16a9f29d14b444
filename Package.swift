// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Roundtable",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "roundtable", targets: ["roundtable"]),
        .library(name: "RoundtableCore", targets: ["RoundtableCore"]),
        .library(name: "RoundtableStore", targets: ["RoundtableStore"]),
        .library(name: "RoundtableXML", targets: ["RoundtableXML"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
    ],
    targets: [
        .target(name: "RoundtableCore"),
        .target(
            name: "RoundtableStore",
            dependencies: [
                "RoundtableCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(name: "CProcessTuning", linkerSettings: [.linkedLibrary("sqlite3")]),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "RoundtableXML",
            dependencies: ["RoundtableCore", "CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Resources/roundtable-1.xsd")]
        ),
        .executableTarget(
            name: "roundtable",
            dependencies: [
                "RoundtableCore", "RoundtableStore", "RoundtableXML", "CProcessTuning",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // The whole folder, so a new template file needs no change here (see TemplateFolder).
            resources: [.copy("Resources/templates")]
        ),
        .testTarget(name: "RoundtableCoreTests", dependencies: ["RoundtableCore"]),
        .testTarget(name: "RoundtableStoreTests", dependencies: ["RoundtableStore"]),
        .testTarget(name: "RoundtableXMLTests", dependencies: ["RoundtableXML"]),
        .testTarget(
            name: "RoundtableCLITests",
            dependencies: [
                "roundtable", "RoundtableXML", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Golden", "Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
