internal import CLibGit2
import Foundation

/// What a repack did.
public struct RepackResult: Sendable, Equatable {
    /// The new pack's file name without extension (`pack-<hash>`), nil when there was nothing
    /// to pack.
    public let pack: String?
    public let objects: Int
    /// Loose object files deleted because the new pack holds them.
    public let looseRemoved: Int
    /// Older packs deleted because the new pack holds every object they held.
    public let packsRemoved: Int
}

extension Repository {
    /// Packs every object reachable from `tips` (commits) into one new pack with deltas, then
    /// deletes exactly what the new pack holds elsewhere: loose object files with those ids,
    /// and older packs all of whose objects it holds (packs with a `.keep` file are kept).
    /// Objects the new pack does not hold (unreachable ones, or ones written meanwhile by
    /// another process) are never touched.
    /// - Complexity: O(objects) reachable, with libgit2's delta search; deleting loose objects is
    ///  O(loose files).
    public func repack(tips: [ObjectID]) throws -> RepackResult {
        guard !tips.isEmpty else { return RepackResult(pack: nil, objects: 0, looseRemoved: 0, packsRemoved: 0) }
        var builder: OpaquePointer?
        try check(git_packbuilder_new(&builder, raw), "git_packbuilder_new")
        defer { git_packbuilder_free(builder) }
        git_packbuilder_set_threads(builder, 0)
        var walker: OpaquePointer?
        try check(git_revwalk_new(&walker, raw), "git_revwalk_new")
        defer { git_revwalk_free(walker) }
        for tip in tips {
            var oid = tip.raw
            try check(git_revwalk_push(walker, &oid), "git_revwalk_push")
        }
        try check(git_packbuilder_insert_walk(builder, walker), "git_packbuilder_insert_walk")
        let objects = git_packbuilder_object_count(builder)
        try check(git_packbuilder_write(builder, nil, 0, nil, nil), "git_packbuilder_write")
        guard let namePointer = git_packbuilder_name(builder) else {
            throw GitError(rawCode: -1, message: "the new pack has no name", function: "git_packbuilder_name")
        }
        let pack = "pack-" + String(cString: namePointer)
        let packDirectory = objectsDirectory + "/pack"
        let held = Set(try Self.packIndexIDs(packDirectory + "/" + pack + ".idx"))
        return RepackResult(pack: pack, objects: objects, looseRemoved: removeLoose(held),
                            packsRemoved: try removePacks(in: packDirectory, except: pack, heldBy: held))
    }

    var objectsDirectory: String { path.hasSuffix("/") ? path + "objects" : path + "/objects" }

    /// Deletes loose object files whose ids are in `held`.
    private func removeLoose(_ held: Set<ObjectID>) -> Int {
        let manager = FileManager.default
        var removed = 0
        for directory in (try? manager.contentsOfDirectory(atPath: objectsDirectory)) ?? [] where directory.count == 2 {
            let folder = objectsDirectory + "/" + directory
            for file in (try? manager.contentsOfDirectory(atPath: folder)) ?? [] {
                guard let id = ObjectID(hex: directory + file), held.contains(id) else { continue }
                if (try? manager.removeItem(atPath: folder + "/" + file)) != nil { removed += 1 }
            }
            if (try? manager.contentsOfDirectory(atPath: folder))?.isEmpty == true {
                try? manager.removeItem(atPath: folder)
            }
        }
        return removed
    }

    /// Deletes the packs (other than `kept`, and those with a `.keep` file) whose every object
    /// is in `held`.
    private func removePacks(in directory: String, except kept: String, heldBy held: Set<ObjectID>) throws -> Int {
        let manager = FileManager.default
        let files = (try? manager.contentsOfDirectory(atPath: directory)) ?? []
        var removed = 0
        for index in files where index.hasSuffix(".idx") {
            let name = String(index.dropLast(4))
            guard name != kept, !files.contains(name + ".keep") else { continue }
            guard let ids = try? Self.packIndexIDs(directory + "/" + index),
                  ids.allSatisfy(held.contains) else { continue }
            for suffix in [".pack", ".idx", ".rev", ".bitmap"] where files.contains(name + suffix) {
                try? manager.removeItem(atPath: directory + "/" + name + suffix)
            }
            removed += 1
        }
        return removed
    }

    /// The object ids a version-2 pack index lists (magic `\377tOc`, version 2, a 256-entry
    /// fan-out table, then the sorted 20-byte ids).
    static func packIndexIDs(_ path: String) throws -> [ObjectID] {
        guard let data = FileManager.default.contents(atPath: path), data.count >= 8 + 1024 else {
            throw GitError(rawCode: -1, message: "cannot read pack index \(path)", function: "packIndexIDs")
        }
        let bytes = [UInt8](data)
        guard bytes[0..<8] == [0xFF, 0x74, 0x4F, 0x63, 0, 0, 0, 2] else {
            throw GitError(rawCode: -1, message: "\(path) is not a version 2 pack index", function: "packIndexIDs")
        }
        let count = bytes[(8 + 255 * 4)..<(8 + 256 * 4)].reduce(0) { $0 << 8 | Int($1) }
        let start = 8 + 256 * 4
        guard bytes.count >= start + count * 20 else {
            throw GitError(rawCode: -1, message: "\(path) is truncated", function: "packIndexIDs")
        }
        return (0..<count).compactMap { ObjectID(bytes: Array(bytes[(start + $0 * 20)..<(start + $0 * 20 + 20)])) }
    }
}
