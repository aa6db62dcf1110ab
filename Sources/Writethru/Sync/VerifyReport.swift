/// What `writethru verify` found (docs/sync.md).
public struct VerifyReport: Sendable {
    /// One thing wrong: where, and what.
    public struct Problem: Sendable, Equatable {
        /// The story, or nil for the archive's `main` branch.
        public let story: StoryID?
        public let commit: CommitID?
        public let message: String
    }

    public let stories: Int
    public let revisions: Int
    /// Objects read and checked against their ids.
    public let objects: Int
    /// The remote compared with, if any.
    public let remote: String?
    public let problems: [Problem]
    /// What verify repaired in derived data on its way (never the record itself).
    public let notes: [String]

    init(stories: Int, revisions: Int, objects: Int, remote: String?, problems: [Problem], notes: [String] = []) {
        self.stories = stories
        self.revisions = revisions
        self.objects = objects
        self.remote = remote
        self.problems = problems
        self.notes = notes
    }

    public var isClean: Bool { problems.isEmpty }
}
