// swift-tools-version:6.0
import PackageDescription

// Layers, bottom to top (see docs/architecture.md):
// CLua -> CLuaShims -> LuaBridge ─┐
// Text -> Corpus ─────────────────┤
// CMeCab -> Morphology -> Lexicon ┴─> PluginHost -> KijiCLI -> kiji
// Corpus -> Charts (SVG, HTML reports, graph exports; no Lua) ──────┘
let package = Package(
    name: "kiji",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kiji", targets: ["kiji"]),
        .library(name: "KijiCorpus", targets: ["Corpus"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev"])]
        ),
        .systemLibrary(name: "CMeCab", providers: [.apt(["libmecab-dev", "mecab-ipadic-utf8"])]),
        .systemLibrary(name: "CICU", pkgConfig: "icu-uc", providers: [.apt(["libicu-dev"])]),
        .target(name: "CProcessShims"),
        .target(name: "ProcessSupport", dependencies: ["CProcessShims"]),
        .target(name: "CLuaShims", dependencies: ["CLua", "CProcessShims"]),
        .target(name: "CTextShims", dependencies: ["CICU"]),
        .target(name: "LuaBridge", dependencies: ["CLua", "CLuaShims"]),
        .target(name: "Text", dependencies: ["CTextShims"]),
        .target(name: "Morphology", dependencies: ["CMeCab", "Text", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "Lexicon", dependencies: ["Morphology", "Text", .product(name: "Yams", package: "Yams")]),
        .target(name: "Corpus", dependencies: ["Text", .product(name: "CSV", package: "CSV.swift"), .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "Charts", dependencies: ["Corpus", "Text"]),
        .target(
            name: "PluginHost",
            dependencies: ["LuaBridge", "Corpus", "Text", "Morphology", "ProcessSupport", "Charts", "Lexicon", .product(name: "CSV", package: "CSV.swift")]
        ),
        .target(
            name: "KijiCLI",
            dependencies: [
                "PluginHost", "Corpus", "Morphology", "ProcessSupport", "Charts",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .executableTarget(name: "kiji", dependencies: ["KijiCLI"]),
        // Fuzz targets: libFuzzer entry points (`make fuzz`), and regression
        // runners over Tests/Fuzz/ when built without libFuzzer.
        .target(name: "FuzzSupport"),
        .executableTarget(name: "kiji-fuzz-query", dependencies: ["PluginHost", "Corpus", "FuzzSupport", "CProcessShims"]),
        .executableTarget(name: "kiji-fuzz-readers", dependencies: ["Corpus", "FuzzSupport"]),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "LuaBridgeTests", dependencies: ["LuaBridge", "CLua"]),
        .testTarget(name: "ProcessSupportTests", dependencies: ["ProcessSupport", "TestSupport"]),
        .testTarget(name: "TextTests", dependencies: ["Text", "TestSupport"]),
        .testTarget(name: "MorphologyTests", dependencies: ["Morphology", "Text", "TestSupport"]),
        .testTarget(name: "LexiconTests", dependencies: ["Lexicon", "Morphology", "TestSupport"]),
        .testTarget(name: "CorpusTests", dependencies: ["Corpus", "TestSupport"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "TestSupport"]),
        .testTarget(name: "PluginHostTests", dependencies: ["PluginHost", "Corpus", "TestSupport"]),
        .testTarget(name: "KijiCLITests", dependencies: ["KijiCLI", "kiji", "TestSupport"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
