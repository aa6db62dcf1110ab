import Foundation
import TestSupport
import Testing

/// The package's own settings, read from the evaluated manifest (`swift package dump-package`),
/// so a target added without them fails here, not in review.
@Suite struct PackageSettingsTests {
    struct Manifest: Decodable {
        struct Target: Decodable {
            struct Setting: Decodable {
                let kind: [String: [String: String]]
            }
            let name: String
            let type: String
            let settings: [Setting]?
        }
        let targets: [Target]
    }

    static func manifest() throws -> Manifest {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "package", "--package-path", Fixtures.root.path,
                             "--scratch-path", FileManager.default.temporaryDirectory.appendingPathComponent("writethru-manifest-\(getpid())").path,
                             "dump-package"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try JSONDecoder().decode(Manifest.self, from: data)
    }

    /// Whether the target's folder (Sources/NAME or Tests/NAME) holds Swift: C targets have no
    /// Swift settings.
    static func holdsSwift(_ target: String) -> Bool {
        ["Sources", "Tests"].contains { folder in
            let root = Fixtures.root.appendingPathComponent(folder).appendingPathComponent(target).path
            guard let files = FileManager.default.enumerator(atPath: root) else { return false }
            return files.contains { ($0 as? String)?.hasSuffix(".swift") == true }
        }
    }

    @Test func everySwiftTargetHasMemberImportVisibility() throws {
        let manifest = try Self.manifest()
        let swiftTargets = manifest.targets.filter { $0.type != "system" && Self.holdsSwift($0.name) }
        #expect(swiftTargets.count >= 10)
        for target in swiftTargets {
            let features = (target.settings ?? []).compactMap { $0.kind["enableUpcomingFeature"]?["_0"] }
            #expect(features.contains("MemberImportVisibility"), "\(target.name) is built without MemberImportVisibility")
        }
    }
}
