// swift-tools-version: 6.0
import PackageDescription

/// `WRITETHRU_STATIC_LIBGIT2=1` (what `make release` sets) links Debian's static libgit2 and
/// its static dependencies into the executable instead of loading 13 shared libraries at every
/// start (decision 0019); the debug builds and the tests link the shared libgit2.
let staticLibgit2 = Context.environment["WRITETHRU_STATIC_LIBGIT2"] == "1"
#if arch(arm64)
let multiarch = "/usr/lib/aarch64-linux-gnu/"
#else
let multiarch = "/usr/lib/x86_64-linux-gnu/"
#endif
/// `pkg-config --static --libs libgit2` on Debian 12, as archives, then what stays shared: GSSAPI,
/// which Debian ships only as a shared library. libssh2 is not linked: CLazySSH2 opens libssh2.so.1
/// (and through it libcrypto) when an ssh remote is first used (decision 0045).
let staticGitLinking: [LinkerSetting] = [
    .unsafeFlags(["libgit2", "libmbedtls", "libmbedx509", "libmbedcrypto", "libhttp_parser", "libpcre2-8",
                  "libz"].flatMap { ["-Xlinker", multiarch + $0 + ".a"] }
                 + ["-Xlinker", "-l:libgssapi_krb5.so.2", "-lrt",
                    "-Xlinker", "--wrap=mbedtls_x509_crt_parse_file", "-Xlinker", "--wrap=mbedtls_x509_crt_parse_path"]
                 + ["git_mbedtls_stream_global_init", "git_mbedtls__set_cert_location", "git_mbedtls_stream_new",
                    "git_mbedtls_stream_wrap"].flatMap { ["-Xlinker", "--wrap=" + $0] }),
]

/// Where the release finds libxml2's headers, as `pkg-config --cflags libxml-2.0` says on Debian:
/// its CLibXML2 module has no pkg-config name, so that no -lxml2 reaches the link.
let libxml2Headers: (c: [CSetting], swift: [SwiftSetting]) = staticLibgit2
    ? ([.unsafeFlags(["-I/usr/include/libxml2"])], [.unsafeFlags(["-Xcc", "-I/usr/include/libxml2"])])
    : ([], [])

let package = Package(
    name: "Writethru",
    products: [
        .executable(name: "writethru", targets: ["writethru"]),
        .library(name: "Writethru", targets: ["Writethru"]),
        .library(name: "StoryText", targets: ["StoryText"]),
        .library(name: "GitStore", targets: ["GitStore"]),
        .library(name: "Fetch", targets: ["Fetch"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        staticLibgit2
            ? .systemLibrary(name: "CLibGit2", path: "Sources/CLibGit2/static")
            : .systemLibrary(name: "CLibGit2", pkgConfig: "libgit2", providers: [.apt(["libgit2-dev"]), .brew(["libgit2"])]),
        // The release links no libxml2: CLazyXML2 defines the ten functions StoryText calls and
        // opens libxml2.so.2 on the first (decision 0045); the module there only finds the headers.
        staticLibgit2
            ? .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2/lazy")
            : .systemLibrary(
                name: "CLibXML2", pkgConfig: "libxml-2.0",
                providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        // Debian's SQLite with FTS5, for the derived index and exports (decision 0036); linked
        // statically into the release like libgit2.
        staticLibgit2
            ? .systemLibrary(name: "CSQLite", path: "Sources/CSQLite/static")
            : .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]),
        // Opening a library on first use and resolving its functions, for the four CLazy targets.
        .target(name: "CLazyLoading", linkerSettings: [.linkedLibrary("dl")]),
        // SHA-1 and SHA-256 from libcrypto.so.3, opened on the first hash (decisions 0021, 0045).
        // The first megabyte of SHA-256 is mbedTLS's, which the release links for libgit2 already.
        .target(name: "CLazyCrypto", dependencies: ["CLazyLoading"],
                linkerSettings: staticLibgit2 ? [] : [.linkedLibrary("mbedcrypto")]),
        .target(name: "WritethruSupport", dependencies: ["CLazyCrypto"]),
        .target(name: "CGitStoreSupport", cSettings: staticLibgit2 ? [.define("WRITETHRU_WRAP_MBEDTLS")] : []),
        // The libssh2 functions libgit2 calls, forwarded to libssh2.so.1 opened when an ssh remote
        // is first used (decision 0045).
        .target(name: "CLazySSH2", dependencies: ["CLazyLoading"]),
        .target(name: "GitStore", dependencies: ["CLibGit2", "CGitStoreSupport", "CLazySSH2", "WritethruSupport"],
                linkerSettings: staticLibgit2 ? staticGitLinking : []),
        .target(name: "SQLiteStore", dependencies: ["CSQLite"],
                linkerSettings: staticLibgit2 ? [.unsafeFlags(["-Xlinker", multiarch + "libsqlite3.a", "-lm"])] : []),
        .target(name: "CLazyXML2", dependencies: ["CLibXML2", "CLazyLoading"], cSettings: libxml2Headers.c),
        .target(name: "StoryText", dependencies: ["CLibXML2", "CLazyXML2", "WritethruSupport"],
                swiftSettings: libxml2Headers.swift),
        // The libcurl functions FoundationNetworking calls, forwarded to libcurl.so.4 opened on the
        // first call, so no command loads libcurl until it fetches (decision 0043).
        .target(name: "CLazyCurl", dependencies: ["CLazyLoading"]),
        // HTTP GETs through URLSession, and per-host pacing (no news in it).
        .target(name: "Fetch", dependencies: ["CLazyCurl", "WritethruSupport"]),
        .target(name: "StoryDiff", dependencies: ["StoryText", "WritethruSupport"]),
        .target(name: "Writethru", dependencies: ["GitStore", "SQLiteStore", "StoryText", "StoryDiff", "WritethruSupport", "Fetch"]),
        .target(name: "WritethruRender", dependencies: ["Writethru", "StoryText", "StoryDiff", "WritethruSupport"]),
        .executableTarget(
            name: "writethru",
            dependencies: [
                "Writethru", "WritethruRender", "WritethruSupport", "StoryText", "StoryDiff", "Fetch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // `WRITETHRU_NO_PIE=1 make release` links the release at a fixed address: the loader then
            // applies none of its 90,000 relocations at each start, about 1 ms, at the price of
            // address-space randomisation for the executable (decision 0049: not the default).
            linkerSettings: staticLibgit2 && Context.environment["WRITETHRU_NO_PIE"] == "1"
                ? [.unsafeFlags(["-Xlinker", "-no-pie"])] : []),
        .executableTarget(name: "writethru-bench", dependencies: ["Writethru", "StoryText", "StoryDiff", "TestSupport"]),
        // The fuzz target (docs/reliability.md): `make fuzz` builds it with libFuzzer and the address
        // sanitizer; the ordinary build gives `writethru-fuzz FILE...`, which replays saved inputs.
        .executableTarget(name: "writethru-fuzz", dependencies: ["Writethru", "WritethruRender", "StoryText", "StoryDiff"]),
        .target(name: "TestSupport", dependencies: ["StoryDiff", "StoryText"], path: "Tests/TestSupport"),
        .testTarget(name: "WritethruSupportTests", dependencies: ["WritethruSupport", "CLazyCrypto", "TestSupport"]),
        .testTarget(name: "GitStoreTests", dependencies: ["GitStore", "CLazySSH2", "WritethruSupport"]),
        .testTarget(name: "FetchTests", dependencies: ["Fetch", "TestSupport"]),
        .testTarget(
            name: "StoryDiffTests",
            dependencies: ["StoryDiff", "StoryText", "Writethru", "TestSupport", "WritethruSupport",
                           .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Fixtures"]),
        .testTarget(name: "StoryTextTests", dependencies: ["StoryText", "CLazyXML2", "Writethru", "TestSupport", "WritethruSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "WritethruTests", dependencies: ["Writethru", "WritethruRender", "GitStore", "SQLiteStore", "StoryText", "StoryDiff", "TestSupport",
                                                           "WritethruSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["writethru", "TestSupport", "WritethruRender", "Writethru", "StoryDiff"],
                    exclude: ["Expected"]),
    ]
)

// Every Swift target sees only the members of modules it imports itself: a module boundary
// crossed without a declared dependency fails to compile (docs/architecture.md).
// Tests/WritethruSupportTests/PackageSettingsTests.swift checks that no target is left out.
//
// In the static release no Swift target asks the linker for libcurl: FoundationNetworking's
// module makes every module that imports it, or imports one that does (Fetch), autolink -lcurl,
// and a libcurl NEEDED by the executable would load it and ~30 libraries at every start.
// CLazyCurl defines the functions instead and loads libcurl on the first fetch (decision 0043).
// Other builds link the shared FoundationNetworking, which needs libcurl itself.
let noLibcurlAutolink: [SwiftSetting] = staticLibgit2
    ? [.unsafeFlags(["-Xfrontend", "-disable-autolink-library", "-Xfrontend", "curl"])] : []
for target in package.targets where target.type != .system && !["CGitStoreSupport", "CLazyLoading", "CLazyCurl", "CLazyXML2", "CLazySSH2", "CLazyCrypto"].contains(target.name) {
    target.swiftSettings = (target.swiftSettings ?? []) + [.enableUpcomingFeature("MemberImportVisibility")] + noLibcurlAutolink
}
