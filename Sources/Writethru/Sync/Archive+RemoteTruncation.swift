internal import GitStore

extension Archive {
    /// Compares a remote's story tips after a fetch with those its remote-tracking branches
    /// held before (`before`): a branch whose new tip is a strict ancestor of the old one lost
    /// versions on the remote. Its remote-tracking branch is set back to the old tip (by
    /// compare-and-swap), so that the next fetch sees the same loss again instead of taking the
    /// shorter history for the remote's normal state; nothing local is touched.
    /// - Complexity: O(s) reference reads for s stories, plus O(v) versions walked for each
    ///  branch that moved backwards.
    func noticeTruncations(of remote: String, before: [StoryID: ObjectID]) throws(WritethruError) -> FetchedRemote {
        let after = try tips(under: Self.trackingPrefix(remote) + "stories/")
        var truncated: [StoryID: RemoteTruncation] = [:]
        for (story, seen) in before {
            guard let now = after[story], now != seen else { continue }
            let lost = try inStorage("story \(story)") { () throws -> Int? in
                guard try repository.isAncestor(now, of: seen) else { return nil }
                return try repository.firstParentHistory(from: seen).count
                    - repository.firstParentHistory(from: now).count
            }
            guard let lost else { continue }
            truncated[story] = RemoteTruncation(seen: seen, now: now, lost: lost)
            try? repository.updateReference(Self.trackingPrefix(remote) + "stories/" + story.value, to: seen,
                                            expecting: now,
                                            logMessage: "writethru: keep what \(remote) lost")
        }
        return FetchedRemote(tips: after, truncated: truncated)
    }
}
