import Foundation
internal import GitStore
import StoryText

extension Archive {
    /// The remote-tracking prefix of a remote's branches.
    static func trackingPrefix(_ remote: String) -> String { "refs/remotes/\(remote)/" }

    /// Adds a remote: a path, or an `https://`, `http://`, `ssh://`, `git://` or `file://` URL, or
    /// `user@host:path`; anything else (`ext::`, an option, control characters) is refused
    /// (`RemoteURL`).
    public func addRemote(name: String, url: String) throws(WritethruError) {
        guard Repository.isValidRemoteName(name) else {
            throw .usage("'\(name)' cannot name a remote (letters, digits, -, _ and .)")
        }
        if let problem = RemoteURL.problem(url) { throw .usage(problem) }
        if try remotes().contains(where: { $0.name == name }) {
            throw .usage("the archive already has a remote '\(name)'")
        }
        try inStorage("cannot add remote '\(name)'") { try repository.addRemote(name: name, url: url) }
    }

    public func remotes() throws(WritethruError) -> [(name: String, url: String)] {
        return try inStorage { try repository.remotes() }
    }

    /// The remote a command means: the one named, else `origin`, else the only one.
    public func remoteName(_ name: String?) throws(WritethruError) -> String {
        let all = try remotes().map(\.name)
        if let name {
            guard all.contains(name) else {
                throw .notFound("the archive has no remote '\(name)' (add it with `writethru remote add`)")
            }
            return name
        }
        if all.contains("origin") { return "origin" }
        if all.count == 1, let only = all.first { return only }
        throw .usage(all.isEmpty ? "the archive has no remote; add one with `writethru remote add NAME URL`"
                     : "the archive has several remotes (\(all.joined(separator: ", "))); name one")
    }

    /// Fetches every branch of the remote into its remote-tracking references, and returns the
    /// remote's story tips, noticing the branches that went back since the previous fetch
    /// (`noticeTruncations`). Packs the references when the fetch left many loose.
    func fetchAll(_ remote: String) throws(WritethruError) -> FetchedRemote {
        let before = try tips(under: Self.trackingPrefix(remote) + "stories/")
        do {
            try repository.fetch(remote: remote, refspecs: ["+refs/heads/*:" + Self.trackingPrefix(remote) + "*"])
        } catch {
            // libgit2 calls a local path with nothing at it an "unsupported URL protocol".
            if let url = try? remotes().first(where: { $0.name == remote })?.url,
               let problem = Self.localPathProblem(url) {
                throw .remote("cannot fetch from '\(remote)': \(url): \(problem)")
            }
            throw .remote("cannot fetch from '\(remote)': \(error)")
        }
        let fetched = try noticeTruncations(of: remote, before: before)
        packReferencesIfMany()
        return fetched
    }

    /// How a local tip and a remote tip relate.
    func relation(local: ObjectID?, remote: ObjectID?) throws(WritethruError) -> SyncOutcome.Status {
        switch (local, remote) {
        case (nil, nil), (nil, _): return .behind
        case (_, nil): return .ahead
        case let (local?, remote?):
            if local == remote { return .upToDate }
            return try inStorage { () throws -> SyncOutcome.Status in
                if try repository.isAncestor(remote, of: local) { return .ahead }
                if try repository.isAncestor(local, of: remote) { return .behind }
                return .diverged
            }
        }
    }

    /// Story tips of one side, by story: local branches, or a remote's tracking branches.
    func tips(under prefix: String) throws(WritethruError) -> [StoryID: ObjectID] {
        Dictionary(try storyTips(under: prefix), uniquingKeysWith: { first, _ in first })
    }

    /// Sends every story branch the remote lacks or has an older version of. A story the
    /// remote has newer or different versions of is not sent (`behind`, `diverged`): nothing
    /// on either side is ever overwritten. Nor is one whose remote branch went back to an older
    /// version since the last fetch (`remote-truncated`: someone removed versions there), unless
    /// `restore` asks to send the lost versions back. The archive's `main` branch is sent only
    /// when the remote has none, so that the remote can be cloned.
    /// - Complexity: O(s) reference comparisons for s stories, plus the objects the remote lacks.
    public func push(remote name: String?, restore: Bool = false) throws(WritethruError) -> [SyncOutcome] {
        let remote = try remoteName(name)
        let fetched = try fetchAll(remote)
        let local = try tips(under: Self.storyBranchPrefix)
        let theirs = fetched.tips
        var outcomes: [SyncOutcome] = []
        var refspecs: [String] = []
        // Stories only the remote has are a pull's business, not a push's.
        for story in local.keys.sorted() {
            let mine = local[story]
            let other = theirs[story]
            var status = try relation(local: mine, remote: other)
            let cut = fetched.truncated[story]
            if let cut, !(restore && status == .ahead) {
                outcomes.append(SyncOutcome(story: story, status: .remoteTruncated, local: mine.map(CommitID.init),
                                            remote: CommitID(cut.now), lost: cut.lost))
                continue
            }
            if status == .ahead {
                refspecs.append(story.referenceName + ":" + story.referenceName)
                status = cut != nil ? .restored : other == nil ? .created : .fastForwarded
            }
            outcomes.append(SyncOutcome(story: story, status: status, local: mine.map(CommitID.init),
                                        remote: other.map(CommitID.init), lost: cut?.lost))
        }
        let remoteMain = try trackingTip(remote, branch: "main")
        if remoteMain == nil, let main = try mainTip() {
            refspecs.append(Self.mainBranch + ":" + Self.mainBranch)
            outcomes.insert(SyncOutcome(story: nil, status: .created, local: CommitID(main), remote: nil), at: 0)
        }
        let results: [PushedReference]
        do {
            results = try repository.push(remote: remote, refspecs: refspecs)
        } catch {
            throw .remote("cannot push to '\(remote)': \(error)")
        }
        if let refused = results.first(where: { $0.rejection != nil }) {
            throw .contention("'\(remote)' refused \(refused.name): \(refused.rejection ?? ""); "
                                  + "nothing else was lost, pull and push again")
        }
        // libgit2's push moves the remote-tracking references of what it sent: no second fetch.
        return outcomes
    }

    /// Fetches the remote, then brings each story up to date: a story only the remote has is
    /// created, one the remote has newer versions of is fast-forwarded, by compare-and-swap.
    /// A story that diverged (both sides recorded different versions) is reported and left
    /// alone; so is one this side is ahead on. `main` (the archive's settings) is never changed.
    /// - Complexity: O(s) reference comparisons for s stories, plus the objects this side lacks; the
    ///  derived index learns only the new versions.
    public func pull(remote name: String?) throws(WritethruError) -> [SyncOutcome] {
        let remote = try remoteName(name)
        let fetched = try fetchAll(remote)
        return try adoptTrackingBranches(of: remote, fetched: fetched)
    }

    /// Moves local story branches to the remote's where that loses nothing. A story whose
    /// remote branch went back (`fetched.truncated`) is reported `remote-truncated` and left
    /// alone. Packs the references when that left many loose.
    func adoptTrackingBranches(of remote: String, fetched: FetchedRemote) throws(WritethruError) -> [SyncOutcome] {
        let local = try tips(under: Self.storyBranchPrefix)
        let theirs = fetched.tips
        var outcomes: [SyncOutcome] = []
        var moved: [(StoryID, ObjectID?, ObjectID)] = []
        for story in Set(local.keys).union(theirs.keys).sorted() {
            let mine = local[story]
            let other = theirs[story]
            if let cut = fetched.truncated[story] {
                outcomes.append(SyncOutcome(story: story, status: .remoteTruncated, local: mine.map(CommitID.init),
                                            remote: CommitID(cut.now), lost: cut.lost))
                continue
            }
            var status = try relation(local: mine, remote: other)
            if status == .behind, let other {
                do {
                    journal.willMove([story])
                    try repository.updateReference(story.referenceName, to: other, expecting: mine,
                                                   logMessage: "writethru: pull from \(remote)")
                } catch {
                    throw .contention("story \(story) changed while pulling from '\(remote)' (\(error)); pull again")
                }
                moved.append((story, mine, other))
                status = mine == nil ? .created : .fastForwarded
            }
            outcomes.append(SyncOutcome(story: story, status: status, local: mine.map(CommitID.init),
                                        remote: other.map(CommitID.init)))
        }
        packReferencesIfMany()
        try learnPulled(moved)
        return outcomes
    }

    /// Adds the versions a pull brought to the derived index (when there is one).
    private func learnPulled(_ moved: [(StoryID, ObjectID?, ObjectID)]) throws(WritethruError) {
        defer { journal.close() }
        // An index not built yet is built in full by the next command that needs it.
        let location = IndexLocation.path(ofArchive: path)
        guard FileManager.default.fileExists(atPath: location) else { return journal.markIndexed() }
        let index = try DerivedIndex(path: location)
        index.learnAfterStories = config.reading.boilerplate.learnAfterStories
        index.journal = journal
        guard index.isBuilt, !moved.isEmpty else { return journal.markIndexed() }
        try index.write { writer throws(WritethruError) in
            for (story, _, new) in moved { try catchUp(story, to: new, in: writer) }
        }
        journal.markIndexed()
    }

    func trackingTip(_ remote: String, branch: String) throws(WritethruError) -> ObjectID? {
        return try inStorage { try repository.reference(Self.trackingPrefix(remote) + branch) }
    }

    func mainTip() throws(WritethruError) -> ObjectID? {
        return try inStorage { try repository.reference(Self.mainBranch) }
    }

    /// Makes a new archive at `path` from the archive at `url`: its settings (`main`) and
    /// every story. Nothing is left at `path` when it fails.
    /// - Complexity: O(objects of the remote) to fetch, then O(s) branches created.
    public static func clone(url: String, to path: String) throws(WritethruError) -> (Archive, [SyncOutcome]) {
        if let problem = RemoteURL.problem(url) { throw .usage(problem) }
        if let problem = localPathProblem(url) { throw .notAnArchive(path: url, reason: problem) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            let empty = isDirectory.boolValue
                && ((try? FileManager.default.contentsOfDirectory(atPath: path))?.isEmpty ?? false)
            guard empty else { throw .cannotCreate(path: path, reason: "something is already there") }
        }
        do throws(WritethruError) {
            let repository: Repository
            do {
                repository = try Repository.createBare(at: path, initialBranch: mainBranch)
                try repository.addRemote(name: "origin", url: url)
                try repository.fetch(remote: "origin", refspecs: ["+refs/heads/*:" + trackingPrefix("origin") + "*"])
            } catch {
                throw WritethruError.remote("cannot clone \(url): \(error)")
            }
            guard let main = try? repository.reference(trackingPrefix("origin") + "main") else {
                throw WritethruError.notAnArchive(path: url, reason: "it has no main branch")
            }
            do {
                try repository.updateReference(mainBranch, to: main, expecting: nil, logMessage: "writethru: clone")
            } catch {
                throw WritethruError.storage("\(error)")
            }
            let archive = try open(at: path)
            // The remote-tracking references packed before the branches are made: at most one
            // loose file per story at any moment, not two.
            archive.packReferencesIfMany()
            let fetched = FetchedRemote(tips: try archive.tips(under: trackingPrefix("origin") + "stories/"), truncated: [:])
            let outcomes = try archive.adoptTrackingBranches(of: "origin", fetched: fetched)
            // Every reference of a clone packed, however few: a clone of 100,000 stories would
            // otherwise write 200,000 files (docs/decisions/0030-pack-references-after-fetch.md).
            try inStorage("cannot pack the references") { try archive.repository.packReferences() }
            return (archive, outcomes)
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
    }

    /// What is wrong with a local path or `file://` URL as a repository ("nothing is there",
    /// "it is a file"); nil when it is a folder or not local.
    static func localPathProblem(_ url: String) -> String? {
        guard isLocalPath(url) else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.hasPrefix("file://") ? String(url.dropFirst(7)) : url,
                                             isDirectory: &isDirectory) else { return "nothing is there" }
        return isDirectory.boolValue ? nil : "it is a file"
    }

    /// True for a path or `file://` URL, false for `ssh://`, `https://` and `host:path`.
    static func isLocalPath(_ url: String) -> Bool {
        if url.hasPrefix("file://") { return true }
        if url.contains("://") { return false }
        // scp-like `git@host:path`: a colon before the first slash.
        if let colon = url.firstIndex(of: ":"), url.firstIndex(of: "/").map({ colon < $0 }) ?? true { return false }
        return true
    }
}
