// swift-tools-version:6.0
import PackageDescription

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
    ],
    targets: [
        .systemLibrary(name: "CMySQL", path: "Sources/CMySQL", pkgConfig: "libmariadb",
                       providers: [.apt(["default-libmysqlclient-dev"])]),
        .systemLibrary(name: "CEditLine", path: "Sources/CEditLine", pkgConfig: "libedit",
                       providers: [.apt(["libedit-dev"])]),
        .systemLibrary(name: "CCurl", path: "Sources/CCurl", pkgConfig: "libcurl",
                       providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CSystem", path: "Sources/CSystem"),
        .target(
            name: "ChatBetoCore",
            dependencies: [
                "CMySQL", "CEditLine", "CCurl", "CSystem",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Resources/demo-export.zip")]
        ),
        .executableTarget(
            name: "chatbeto",
            dependencies: [
                "ChatBetoCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "chatbeto-bench",
            dependencies: ["ChatBetoCore"]
        ),
        .testTarget(
            name: "ChatBetoCoreTests",
            dependencies: ["ChatBetoCore", "CSystem"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
