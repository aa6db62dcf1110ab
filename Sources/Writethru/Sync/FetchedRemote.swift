internal import GitStore

/// A remote story branch that went back to one of its own earlier versions since this archive
/// last saw it (a force-push there): versions were lost on the remote (docs/sync.md,
/// "A remote that lost versions").
struct RemoteTruncation {
    /// The tip this archive saw there before, which its remote-tracking branch keeps.
    let seen: ObjectID
    /// The remote's tip now, a strict ancestor of `seen`.
    let now: ObjectID
    /// Versions between the two: how many the remote lost.
    let lost: Int
}

/// What a fetch found of a remote's stories.
struct FetchedRemote {
    /// Each story's tip on the remote, as it is now.
    let tips: [StoryID: ObjectID]
    /// The stories whose remote branch went back since the previous fetch.
    let truncated: [StoryID: RemoteTruncation]
}
