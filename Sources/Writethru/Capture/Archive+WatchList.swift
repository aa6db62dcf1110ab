import Foundation
internal import GitStore

extension Archive {
    /// The reference the watch list is kept on: a commit per change, its tree holding
    /// `watch.json`. Outside `refs/heads/`, so `push` and `pull` leave it alone: a watch list
    /// belongs to the machine that captures (decision 0044).
    static let watchReference = "refs/writethru/watch"

    /// Every watched URL, sorted; empty when nothing was ever watched.
    /// - Complexity: O(n) in the list's size.
    public func watchList() throws(WritethruError) -> [WatchEntry] {
        try watchListAt(try inStorage("the watch list") { try repository.reference(Self.watchReference) }).watch
    }

    /// The commit the watch list is at (hex), nil when nothing was ever watched.
    func watchListTip() throws(WritethruError) -> String? {
        try inStorage("the watch list") { try repository.reference(Self.watchReference)?.hex }
    }

    private func watchListAt(_ tip: ObjectID?) throws(WritethruError) -> WatchList {
        guard let tip else { return WatchList([]) }
        let bytes = try inStorage("the watch list") { () throws -> [UInt8] in
            guard let blob = try repository.entry(at: WatchList.fileName, inCommit: tip) else {
                throw WritethruError.storage("the watch list's commit \(tip.short()) has no \(WatchList.fileName)")
            }
            return try repository.blob(blob)
        }
        return try WatchList.decode(bytes)
    }

    /// Applies `change` to the watch list and commits the result, by compare-and-swap: a
    /// writer that loses the race reads the new list and applies `change` again, so two
    /// `watch add`s at once both land. Returns the new list; an unchanged list writes nothing.
    @discardableResult
    public func changeWatchList(_ message: String, at now: Date,
                                _ change: ([WatchEntry]) throws(WritethruError) -> [WatchEntry])
        throws(WritethruError) -> [WatchEntry] {
        for attempt in 1...Self.maximumAttempts {
            let tip = try inStorage("the watch list") { try repository.reference(Self.watchReference) }
            let old = try watchListAt(tip)
            let new = WatchList(try change(old.watch))
            if new == old { return old.watch }
            let moved = try inStorage("the watch list") { () throws -> Bool in
                let blob = try repository.writeBlob(new.encoded())
                let tree = try repository.writeTree(files: [WatchList.fileName: blob])
                let settings = CommitSettings(config: config)
                let signature = Signature(name: settings.recorderName, email: settings.recorderEmail,
                                          time: Int64(now.timeIntervalSince1970.rounded(.down)),
                                          offsetMinutes: settings.offsetMinutes(at: now))
                let commit = try repository.createCommit(tree: tree, parents: tip.map { [$0] } ?? [],
                                                         author: signature, committer: signature,
                                                         message: message + "\n")
                do {
                    try repository.updateReference(Self.watchReference, to: commit, expecting: tip,
                                                   logMessage: "writethru: " + message)
                    return true
                } catch let error as GitError where error.isReferenceRace {
                    return false
                }
            }
            if moved { return new.watch }
            usleep(UInt32.random(in: 0...UInt32(min(attempt, 20) * 250)))
        }
        throw .contention("the watch list kept changing under this writer; run the command again")
    }
}
