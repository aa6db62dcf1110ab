import Foundation
import TestSupport
import Testing

/// docs/architecture.md and the README's layout table name every module and every folder
/// inside one, so the map a newcomer reads is the tree they find.
@Suite struct ArchitectureTests {
    static func folders(_ path: String) throws -> [String] {
        let url = Fixtures.root.appendingPathComponent(path)
        return try FileManager.default.contentsOfDirectory(atPath: url.path).filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue && name != "include"
        }.sorted()
    }

    static func text(_ path: String) throws -> String {
        String(decoding: try Fixtures.bytes(path), as: UTF8.self)
    }

    @Test func theArchitecturePageNamesEveryModuleAndFolder() throws {
        let page = try Self.text("docs/architecture.md")
        let rows = page.split(separator: "\n").filter { $0.hasPrefix("| `") }
        let modules = try Self.folders("Sources")
        #expect(modules.count >= 10)
        for module in modules {
            let row = rows.first { $0.contains("`\(module)`") }
            #expect(row != nil, "docs/architecture.md has no row for \(module)")
            for folder in try Self.folders("Sources/" + module) {
                #expect(row?.contains("`\(folder)/`") == true, "docs/architecture.md does not name \(module)/\(folder)/")
            }
        }
    }

    @Test func theReadmeLayoutNamesEveryModule() throws {
        let rows = try Self.text("README.md").split(separator: "\n").filter { $0.hasPrefix("| `Sources/") }
        for module in try Self.folders("Sources") {
            let named = rows.contains { $0.contains("`Sources/\(module)`") }
            #expect(named, "README.md's layout table has no row for Sources/\(module)")
        }
    }
}
