import Foundation
internal import GitStore
import WritethruSupport

extension Archive {
    /// Checks every story branch: each object readable and hashing to its id, each revision's
    /// tree complete (`article.md`, `meta.json`, the input under `source/`), the hashes in
    /// `meta.json` matching `article.md` and the input, version numbers and times in order;
    /// and the settings on `main`. With a remote, `checkRemote`.
    /// - Complexity: O(r) revisions and every object they reach, each read and hashed once: linear in
    ///  the archive's size.
    public func verify(remote name: String?) throws(WritethruError) -> VerifyReport {
        var checker = Checker(archive: self)
        checker.checkMain()
        let branches = try storyTips()
        for (story, tip) in branches { checker.check(story: story, tip: tip) }
        var remote: String?
        if let name { remote = try checkRemote(name, into: &checker) }
        let notes = try checkWriters(into: &checker)
        return VerifyReport(stories: branches.count, revisions: checker.revisions, objects: checker.checked.count,
                            remote: remote, problems: checker.problems, notes: notes)
    }
}

