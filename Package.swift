// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Writethru",
    products: [
        .executable(name: "writethru", targets: ["writethru"]),
        .library(name: "Writethru", targets: ["Writethru"]),
        .library(name: "StoryText", targets: ["StoryText"]),
        .library(name: "GitStore", targets: ["GitStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibGit2", pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"]), .brew(["libgit2"])]),
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        .target(name: "GitStore", dependencies: ["CLibGit2", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "StoryText", dependencies: ["CLibXML2"]),
        .target(name: "StoryDiff", dependencies: ["StoryText"]),
        .target(
            name: "Writethru",
            dependencies: [
                "GitStore", "StoryText", "StoryDiff",
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .target(name: "WritethruRender", dependencies: ["Writethru", "StoryText", "StoryDiff"]),
        .executableTarget(
            name: "writethru",
            dependencies: [
                "Writethru", "WritethruRender", "GitStore", "StoryDiff",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(name: "writethru-bench", dependencies: ["Writethru", "StoryText", "StoryDiff"]),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "GitStoreTests", dependencies: ["GitStore"]),
        .testTarget(
            name: "StoryDiffTests",
            dependencies: ["StoryDiff", "StoryText", "Writethru", "TestSupport",
                           .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "StoryTextTests", dependencies: ["StoryText", "Writethru", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "WritethruTests", dependencies: ["Writethru", "GitStore", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["writethru", "TestSupport"], exclude: ["Expected"]),
    ]
)
