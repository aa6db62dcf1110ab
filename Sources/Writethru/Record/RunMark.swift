import Foundation
internal import GitStore
import StoryText
import WritethruSupport

/// Which `record` run wrote a revision, and which of the run's revisions it is: kept in
/// meta.json (`"run": {"id", "item"}`) by every run of two or more revisions. The id is a hash
/// of what the run was asked to record (every revision's input bytes, in order, and the
/// options that place them), so the same command run again has the same id: a re-run after a
/// failure (exit 75, a kill, Ctrl-C) finds the items the first run landed and records only
/// the rest. A different run, or a later record of the same bytes on its own, is a new
/// record, as before (a story that went back to an earlier text records that as a version).
struct RunMark: Codable, Equatable, Sendable {
    /// 16 hex digits of SHA-256.
    var id: String
    /// The revision's place among the run's revisions, from 0.
    var item: Int

    /// The id of a run that records the revisions of `checked` with `options`; nil for a run
    /// of one revision, which a re-run cannot duplicate (it is `unchanged` against the tip).
    static func runID(_ checked: [CheckedInput], options: RecordOptions) -> String? {
        guard checked.reduce(0, { $0 + $1.reads.count }) >= 2 else { return nil }
        var description = "writethru-run/1\n"
        description += "story=\(options.story?.value ?? "")\n"
        description += "at=\(options.revisionTime.map(Timestamp.format) ?? "")\n"
        description += "format=\(options.format?.rawValue ?? "")\nsimilar=\(options.matchSimilar)\n"
        for entry in checked {
            description += "story=\(entry.item.story?.value ?? "")\n"
            for content in entry.contents { description += content.inputHash + "\n" }
        }
        return String(Digest.sha256Hex(Array(description.utf8)).prefix(16))
    }
}

/// The items of one run each story already holds, read from a story's history the first time
/// the story comes up in the run.
struct RunItems {
    let id: String
    private var byStory: [StoryID: [Int: (version: Int, commit: CommitID)]] = [:]

    init(id: String) { self.id = id }

    /// The version of `story` that run item `item` already landed as, if any.
    /// - Complexity: O(v) meta.json reads the first time a story is asked about, then O(1).
    mutating func version(of story: StoryID, item: Int,
                          in archive: Archive) throws(WritethruError) -> (version: Int, commit: CommitID)? {
        if byStory[story] == nil { byStory[story] = try archive.runItems(of: story, run: id) }
        return byStory[story]?[item]
    }
}

extension Archive {
    /// The items of run `id` in a story's history, with the versions that hold them.
    func runItems(of story: StoryID, run id: String) throws(WritethruError) -> [Int: (version: Int, commit: CommitID)] {
        var items: [Int: (version: Int, commit: CommitID)] = [:]
        for (index, commit) in try history(of: story).enumerated() {
            guard let run = try meta(of: commit).run, run.id == id else { continue }
            items[run.item] = (index + 1, CommitID(commit))
        }
        return items
    }
}
