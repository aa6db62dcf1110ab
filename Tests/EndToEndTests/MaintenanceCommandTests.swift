import Foundation
import TestSupport
import Testing

/// `writethru gc`: what single records leave loose, and what bulk records leave in many packs,
/// ends up in one pack; only what that pack holds is deleted.
@Suite struct MaintenanceCommandTests {
    static func objectFiles(_ archive: String) -> (loose: [String], packs: [String]) {
        let objects = archive + "/objects"
        let loose = ((try? FileManager.default.contentsOfDirectory(atPath: objects)) ?? []).filter { $0.count == 2 }.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: objects + "/" + folder)) ?? []).map { folder + $0 }
        }
        let packs = ((try? FileManager.default.contentsOfDirectory(atPath: objects + "/pack")) ?? []).filter { $0.hasSuffix(".pack") }
        return (loose.sorted(), packs.sorted())
    }

    @Test func gcPacksLooseObjectsAndKeepsUnreachableOnes() throws {
        let workspace = try Workspace.withSeedChain()
        let before = Self.objectFiles(workspace.archive)
        #expect(before.loose.count >= 30)
        #expect(before.packs.isEmpty)
        let stray = workspace.write("stray.txt", Array("not part of any revision\n".utf8))
        let strayID = String(try workspace.git(["hash-object", "-w", stray]).stdout.dropLast())
        let logBefore = try workspace.writethru(["log", "us-china-alaska-talks"]).stdout

        let result = try workspace.writethru(["gc"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("packed \(before.loose.count) objects into pack-"))
        #expect(result.stdout.hasSuffix("; removed \(before.loose.count) loose objects and 0 older packs\n"))
        let after = Self.objectFiles(workspace.archive)
        #expect(after.loose == [strayID])
        #expect(after.packs.count == 1)
        #expect(try workspace.git(["fsck", "--strict"]).status == 0)
        #expect(try workspace.writethru(["log", "us-china-alaska-talks"]).stdout == logBefore)
        #expect(try workspace.writethru(["verify"]).status == 0)
        // Nothing new to pack: the same pack, nothing removed.
        let again = try workspace.writethru(["gc"])
        #expect(again.stdout.hasSuffix("; removed 0 loose objects and 0 older packs\n"))
        #expect(Self.objectFiles(workspace.archive).packs == after.packs)
    }

    @Test func gcFoldsTheBulkPacksAndLaterRecordsIntoOne() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        // 20 revisions in one record are written as a pack (docs/decisions/0006).
        var files: [String] = []
        for story in 0..<20 {
            files.append(workspace.write("s\(story).txt", Array("Story number \(story) headline\n\nThe first paragraph of story \(story).\n".utf8)))
        }
        #expect(try workspace.writethru(["record"] + files).status == 0)
        let single = workspace.write("late.txt", Array("A late story headline\n\nRecorded on its own.\n".utf8))
        #expect(try workspace.writethru(["record", single]).status == 0)
        let before = Self.objectFiles(workspace.archive)
        #expect(before.packs.count == 1)
        #expect(!before.loose.isEmpty)
        let stories = try workspace.writethru(["stories"]).stdout

        let result = try workspace.writethru(["gc"])
        #expect(result.stdout.hasSuffix("; removed \(before.loose.count) loose objects and 1 older pack\n"), "\(result.stdout)")
        let after = Self.objectFiles(workspace.archive)
        #expect(after.loose.isEmpty)
        #expect(after.packs.count == 1 && after.packs != before.packs)
        #expect(try workspace.git(["fsck", "--strict"]).status == 0)
        #expect(try workspace.writethru(["stories"]).stdout == stories)
    }

    /// libgit2's temporaries from a killed pack write (`objects/pack/pack_git2_*`) or loose-object
    /// write (`objects/tmp_object_git2_*`): gc removes those untouched for an hour and reports
    /// them; fresh ones may belong to a live writer and stay.
    @Test func gcRemovesTemporariesLeftByKilledWritersOnceTheyAreOld() throws {
        let workspace = try Workspace.withSeedChain()
        let objects = workspace.archive + "/objects"
        let old = Date().addingTimeInterval(-2 * 3600)
        var planted: [(path: String, bytes: Int, old: Bool)] = [
            (objects + "/pack/pack_git2_AbC123", 1000, true),
            (objects + "/tmp_object_git2_XyZ789", 50, true),
            (objects + "/pack/pack_git2_Fresh1", 70, false),
            (objects + "/tmp_object_git2_Fresh2", 30, false),
        ]
        // An old file that is not a temporary of libgit2's: never touched.
        planted.append((objects + "/pack/notes.txt", 10, false))
        try FileManager.default.createDirectory(atPath: objects + "/pack", withIntermediateDirectories: true)
        for file in planted {
            #expect(FileManager.default.createFile(atPath: file.path, contents: Data(repeating: 7, count: file.bytes)))
            if file.old || file.path.hasSuffix("notes.txt") {
                try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: file.path)
            }
        }

        let result = try workspace.writethru(["gc"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("\nremoved 2 temporary files (1050 bytes) left by interrupted writes\n"), "\(result.stdout)")
        for file in planted {
            #expect(FileManager.default.fileExists(atPath: file.path) == !file.old, "\(file.path)")
        }
        #expect(try workspace.git(["fsck", "--strict"]).status == 0)

        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: planted[2].path)
        let json = try workspace.writethru(["gc", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        #expect(json.stdout.contains("\"temporaryBytes\": 70"), "\(json.stdout)")
        #expect(json.stdout.contains("\"temporaryFiles\": 1"))
        #expect(try SchemaCheck.problems(in: json.stdout, schema: "gc").isEmpty)
        #expect(!FileManager.default.fileExists(atPath: planted[2].path))
        #expect(FileManager.default.fileExists(atPath: planted[3].path))
        // Nothing old left: text output has no temporaries line.
        #expect(!(try workspace.writethru(["gc"]).stdout.contains("temporary")))
    }
}
