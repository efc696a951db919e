// swift-tools-version:6.0
import PackageDescription

// Layers (arrows = may import); the compiler enforces the direction. See README, "For developers".
let package = Package(
    name: "chatbeto",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "chatbeto", targets: ["chatbeto"]),
        .library(name: "ChatBetoCore", targets: ["ChatBetoCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", exact: "0.12.1"),
    ],
    targets: [
        .systemLibrary(name: "CMySQL", path: "Sources/CMySQL", pkgConfig: "libmariadb",
                       providers: [.apt(["default-libmysqlclient-dev"])]),
        .systemLibrary(name: "CEditLine", path: "Sources/CEditLine", pkgConfig: "libedit",
                       providers: [.apt(["libedit-dev"])]),
        .systemLibrary(name: "CCurl", path: "Sources/CCurl", pkgConfig: "libcurl",
                       providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CMarkGFM", path: "Sources/CMarkGFM", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CChatBetoSystem", path: "Sources/CChatBetoSystem"),

        // Bottom: executables, version, file locks, owner-only files, one hash and one date conversion.
        .target(name: "ChatBetoSupport", dependencies: ["CChatBetoSystem"]),
        // Connector/C wrappers, migrations, all SQL text, repositories.
        .target(name: "ChatBetoStore", dependencies: ["ChatBetoSupport", "CMySQL"]),
        // The managed private MariaDB server.
        .target(name: "ChatBetoServer", dependencies: ["ChatBetoStore", "ChatBetoSupport"]),
        // libcurl transport, SSE, the Conversations/Responses/Embeddings clients.
        .target(name: "ChatBetoOpenAI", dependencies: ["ChatBetoSupport", "CCurl"]),
        // Tables, Markdown (cmark-gfm), charts, pager, colours, terminal.
        .target(name: "ChatBetoRender", dependencies: ["ChatBetoStore", "ChatBetoSupport", "CChatBetoSystem", "CMarkGFM"]),
        // Export readers (ChatGPT first), tree merge, the importer.
        .target(
            name: "ChatBetoImport",
            dependencies: ["ChatBetoStore", "ChatBetoSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Resources/demo-export.zip")]
        ),
        // `export`: Markdown, HTML, JSON.
        .target(name: "ChatBetoExport", dependencies: ["ChatBetoStore", "ChatBetoRender"]),
        // Full-text and semantic search, stats.
        .target(name: "ChatBetoSearch",
                dependencies: ["ChatBetoStore", "ChatBetoOpenAI", "ChatBetoRender", "ChatBetoSupport"]),
        // `chatbeto mcp`: the archive as read-only Model Context Protocol tools over stdio.
        .target(
            name: "ChatBetoMCP",
            dependencies: ["ChatBetoSearch", "ChatBetoOpenAI", "ChatBetoRender", "ChatBetoStore", "ChatBetoSupport",
                           .product(name: "MCP", package: "swift-sdk")]
        ),
        // Top: app, language, commands, REPL, session, chat.
        .target(
            name: "ChatBetoCore",
            dependencies: [
                "ChatBetoSearch", "ChatBetoExport", "ChatBetoImport", "ChatBetoRender", "ChatBetoOpenAI",
                "ChatBetoServer", "ChatBetoStore", "ChatBetoSupport", "CEditLine", "CChatBetoSystem",
            ]
        ),
        .executableTarget(
            name: "chatbeto",
            dependencies: [
                "ChatBetoCore", "ChatBetoMCP", "ChatBetoOpenAI", "ChatBetoRender", "ChatBetoStore", "ChatBetoSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "chatbeto-bench",
            dependencies: ["ChatBetoSearch", "ChatBetoServer", "ChatBetoStore"]
        ),
        // Shared test helpers: the test MariaDB, the binary, the fake OpenAI server, export fixtures.
        .target(
            name: "ChatBetoTestSupport",
            dependencies: ["ChatBetoStore", "ChatBetoServer", "ChatBetoOpenAI"],
            path: "Tests/ChatBetoTestSupport",
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "ChatBetoStoreTests", dependencies: ["ChatBetoStore", "ChatBetoTestSupport"]),
        .testTarget(name: "ChatBetoServerTests", dependencies: ["ChatBetoServer", "ChatBetoStore", "ChatBetoTestSupport"]),
        .testTarget(name: "ChatBetoOpenAITests", dependencies: ["ChatBetoOpenAI", "ChatBetoSupport", "ChatBetoStore", "ChatBetoTestSupport"]),
        .testTarget(name: "ChatBetoRenderTests", dependencies: ["ChatBetoRender", "ChatBetoStore"]),
        .testTarget(name: "ChatBetoImportTests", dependencies: ["ChatBetoImport", "ChatBetoStore", "ChatBetoRender", "ChatBetoTestSupport"]),
        .testTarget(name: "ChatBetoExportTests", dependencies: ["ChatBetoExport", "ChatBetoStore", "ChatBetoTestSupport"]),
        .testTarget(name: "ChatBetoSearchTests", dependencies: ["ChatBetoSearch", "ChatBetoStore", "ChatBetoOpenAI", "ChatBetoRender", "ChatBetoTestSupport"]),
        .testTarget(name: "ChatBetoMCPTests", dependencies: ["ChatBetoMCP", .product(name: "MCP", package: "swift-sdk")]),
        .testTarget(
            name: "ChatBetoCoreTests",
            dependencies: ["ChatBetoCore", "ChatBetoSearch", "ChatBetoExport", "ChatBetoImport", "ChatBetoRender",
                           "ChatBetoOpenAI", "ChatBetoServer", "ChatBetoStore", "ChatBetoSupport",
                           "ChatBetoTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
