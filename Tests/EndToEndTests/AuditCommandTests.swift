import Foundation
import TestSupport
import Testing

/// `writethru audit` on the seed chain: every declared item found, and exactly the one
/// undeclared change planted in the chain (seeds/README.md) reported, with its kind.
@Suite struct AuditCommandTests {
    @Test func theSeedChainHasExactlyThePlantedUndeclaredChange() throws {
        let workspace = try Workspace.withSeedChain()
        let text = try workspace.writethru(["audit", "us-china-alaska-talks"])
        #expect(text.status == 2)
        try expectMatches(text.stdout, expected: "audit.txt")
        let json = try workspace.writethru(["audit", "us-china-alaska-talks", "--format", "json"])
        struct Audit: Decodable {
            struct Change: Decodable { let kind: String; let paragraph: Int; let from: String?; let to: String? }
            struct Item: Decodable { let text: String; let status: String; let changes: [Change] }
            struct Version: Decodable { let number: Int; let items: [Item]; let undeclared: [Change]; let flags: [String] }
            let schema: String
            let versions: [Version]
        }
        let audit = try JSONDecoder().decode(Audit.self, from: Data(json.stdout.utf8))
        #expect(audit.schema == "writethru.audit/1")
        let undeclared = audit.versions.flatMap { version in version.undeclared.map { (version.number, $0) } }
        #expect(undeclared.count == 1)
        #expect(undeclared.first?.0 == 3)
        #expect(undeclared.first?.1.kind == "date-changed")
        #expect(undeclared.first?.1.from == "March 19")
        #expect(undeclared.first?.1.to == "March 18")
        #expect(audit.versions.allSatisfy { $0.flags.isEmpty && $0.items.allSatisfy { $0.status == "found" } })
        let update4 = try #require(audit.versions.first { $0.number == 5 })
        #expect(update4.items.map(\.text) == ["add: Chinese confirmation of talks", "add: comment"])
        #expect(update4.items[0].changes.contains { $0.kind == "attribution-cue-changed" && $0.paragraph == 6 })
        #expect(update4.items[1].changes.map(\.paragraph) == [7])
        let markdown = try workspace.writethru(["audit", "us-china-alaska-talks", "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("## Audit of us-china-alaska-talks"))
    }

    @Test func aCleanStoryExitsZeroAndFlagsAreReported() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let first = workspace.write("a.txt", Array("Plant closes\n\nThe plant will close in June, the company said. About 300 jobs will go.\n".utf8))
        let declared = workspace.write("b.txt", Array("UPDATE 1-Plant closes\n\n(Updates number of jobs)\n\nThe plant will close in June, the company said. About 450 jobs will go.\n".utf8))
        let refiled = workspace.write("c.txt", Array("REFILE-Plant closes\n\n(Refiles to fix formatting)\n\nThe plant will close in June, the company said. About 450 jobs will go.\n".utf8))
        #expect(try workspace.writethru(["record", "--story", "plant", first, declared]).status == 0)
        #expect(try workspace.writethru(["audit", "plant"]).status == 0)
        #expect(try workspace.writethru(["record", "--story", "plant", "--at", "2024-06-02T10:00:00Z", refiled]).status == 0)
        let flagged = try workspace.writethru(["audit", "plant"])
        #expect(flagged.status == 2)
        #expect(flagged.stdout.contains("FLAG       REFILE but no visible correction"))
    }
}
