// swift-tools-version: 6.1
import PackageDescription

/// Settings every target shares: Swift 6 language mode with strict concurrency.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "deskstat",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "deskstat", targets: ["deskstat"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // One of each small utility: civil-date arithmetic, JSON string escaping, name suggestions,
        // number text. No dependencies.
        .target(name: "DeskstatBasics", swiftSettings: strictSettings),
        // Stage 1: the Zendesk wire format (JSON scanning, envelopes, wire records). Foundation only.
        .target(name: "ZendeskWire", dependencies: ["DeskstatBasics"], swiftSettings: strictSettings),
        // The system SQLite C API, for the read-only `query` connection and its authorizer.
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        // Stage 2: the local SQLite cache (schema, migrations, versioned upserts, status).
        .target(
            name: "DeskstatCache",
            dependencies: ["DeskstatBasics", "CSQLite", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings),
        // Stage 1→2: reading API-shaped files into the cache.
        .target(
            name: "DeskstatImport",
            dependencies: ["ZendeskWire", "DeskstatCache", "DeskstatHistory"],
            swiftSettings: strictSettings),
        // A seeded, internally consistent account written as API-shaped JSON.
        .target(name: "DeskstatGenerator", dependencies: ["DeskstatBasics"], swiftSettings: strictSettings),
        // Report windows: periods, time zones, buckets.
        .target(name: "DeskstatTime", dependencies: ["DeskstatBasics"], swiftSettings: strictSettings),
        // The ticket timeline (intervals, comments, solves, reopens) and the KPIs only history gives. Pure.
        .target(
            name: "DeskstatTimeline", dependencies: ["ZendeskWire", "DeskstatTime"], swiftSettings: strictSettings),
        // Stage 1→2 for history: derives the cache's compact timeline rows from raw history rows
        // (ZendeskWire parses, DeskstatTimeline folds) and reads stored rows back as timelines.
        .target(
            name: "DeskstatHistory", dependencies: ["ZendeskWire", "DeskstatTimeline", "DeskstatCache"],
            swiftSettings: strictSettings),
        // SLA policy matching and target evaluation from policy definitions. Pure.
        .target(
            name: "DeskstatSLA", dependencies: ["ZendeskWire", "DeskstatTime", "DeskstatTimeline"],
            swiftSettings: strictSettings),
        // The KPI engine: reads facts from the cache and computes the documented KPIs.
        .target(
            name: "DeskstatEngine",
            dependencies: [
                "DeskstatBasics", "DeskstatCache", "DeskstatTime", "DeskstatSLA", "DeskstatReport", "ZendeskWire",
                "DeskstatTimeline", "DeskstatHistory",
            ],
            swiftSettings: strictSettings),
        // The report model, its renderers (text, Markdown, JSON, CSV), report definitions and thresholds.
        .target(
            name: "DeskstatReport",
            dependencies: ["DeskstatBasics", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings),
        // Configuration: deskstat.yaml, environment and flags with precedence; credentials.
        .target(
            name: "DeskstatConfig",
            dependencies: ["DeskstatBasics", "ZendeskWire", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings),
        // Live sync from the Zendesk REST API into the cache.
        .target(
            name: "DeskstatSync",
            dependencies: ["ZendeskWire", "DeskstatCache", "DeskstatImport", "DeskstatHistory"],
            swiftSettings: strictSettings),
        // Test support: a fake Zendesk API on 127.0.0.1 with switchable faults (not a product).
        .target(
            name: "FakeZendesk",
            dependencies: ["DeskstatBasics", "ZendeskWire", .product(name: "FlyingFox", package: "FlyingFox")],
            swiftSettings: strictSettings),
        // The benchmark: generates accounts and times the deskstat binary on them.
        .target(
            name: "DeskstatBench", dependencies: ["DeskstatBasics", "DeskstatGenerator"], swiftSettings: strictSettings),
        // The command-line front end: parses arguments, builds a frontend, maps errors to exit codes.
        .target(
            name: "DeskstatCLI",
            dependencies: [
                "DeskstatBasics", "ZendeskWire", "DeskstatCache", "DeskstatImport", "DeskstatGenerator", "DeskstatTime",
                "DeskstatSLA",
                "DeskstatEngine", "DeskstatReport", "DeskstatBench", "DeskstatConfig", "DeskstatSync",
                "DeskstatTimeline", "DeskstatHistory",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings),
        .executableTarget(name: "deskstat", dependencies: ["DeskstatCLI"], swiftSettings: strictSettings),

        .testTarget(name: "DeskstatBasicsTests", dependencies: ["DeskstatBasics"], swiftSettings: strictSettings),
        .testTarget(name: "ZendeskWireTests", dependencies: ["ZendeskWire"], swiftSettings: strictSettings),
        .testTarget(
            name: "DeskstatCacheTests",
            dependencies: ["DeskstatCache", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings),
        .testTarget(
            name: "DeskstatImportTests",
            dependencies: [
                "DeskstatImport", "DeskstatCache", "ZendeskWire", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "DeskstatGeneratorTests",
            dependencies: ["DeskstatGenerator", "DeskstatBasics"],
            swiftSettings: strictSettings),
        .testTarget(name: "DeskstatTimeTests", dependencies: ["DeskstatTime"], swiftSettings: strictSettings),
        .testTarget(
            name: "DeskstatTimelineTests", dependencies: ["DeskstatTimeline", "DeskstatTime", "ZendeskWire"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "DeskstatSLATests", dependencies: ["DeskstatSLA", "ZendeskWire", "DeskstatTime", "DeskstatTimeline"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "DeskstatEngineTests",
            dependencies: [
                "DeskstatEngine", "DeskstatImport", "DeskstatCache", "DeskstatTime", "DeskstatSLA", "DeskstatReport",
                "DeskstatTimeline", "DeskstatHistory", "DeskstatGenerator", "ZendeskWire",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Golden"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "DeskstatReportTests", dependencies: ["DeskstatReport", "DeskstatBasics"], exclude: ["Golden"],
            swiftSettings: strictSettings),
        .testTarget(name: "DeskstatConfigTests", dependencies: ["DeskstatConfig"], swiftSettings: strictSettings),
        .testTarget(
            name: "DeskstatSyncTests",
            dependencies: [
                "DeskstatSync", "FakeZendesk", "DeskstatCache", "ZendeskWire",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings),
        .testTarget(name: "FakeZendeskTests", dependencies: ["FakeZendesk"], swiftSettings: strictSettings),
        .testTarget(
            name: "DeskstatCLITests",
            dependencies: ["DeskstatCLI", "DeskstatCache", "FakeZendesk"],
            exclude: ["GeneratedReports"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "DeskstatReliabilityTests",
            dependencies: [
                "DeskstatCLI", "DeskstatCache", "DeskstatImport", "DeskstatGenerator", "FakeZendesk",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)
