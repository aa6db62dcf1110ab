import Foundation
internal import GitStore
import StoryText

/// Decides the story of each revision of one `record` run, remembering the decisions made
/// earlier in the same run so that a batch behaves like the same files recorded one by one.
/// What it remembers is bounded: once the revisions decided are written and in the derived
/// index (`forgetWritten`), more than `capacity` keys are forgotten, and the index and the
/// branches answer for them as they do for earlier runs.
struct StoryIdentifier {
    /// Keys remembered at most between two chunks.
    static let capacity = 8_192

    let archive: Archive
    let index: DerivedIndex
    let matchSimilar: Bool
    /// Keys decided earlier in this run, with the story and the time of its revision.
    private var pending: [String: (StoryID, Date)] = [:]
    private var created: Set<StoryID> = []

    /// How many identity keys are remembered.
    var remembered: Int { pending.count }

    init(archive: Archive, index: DerivedIndex, matchSimilar: Bool) {
        self.archive = archive
        self.index = index
        self.matchSimilar = matchSimilar
    }

    mutating func identify(_ revision: Revision, time: Date, explicit: StoryID?,
                           file: String) throws(WritethruError) -> (StoryID, StoryMatch) {
        let decision = try decide(revision, time: time, explicit: explicit, file: file)
        for key in [revision.url.flatMap(IdentityKey.url), IdentityKey.headline(revision.headline)].compactMap({ $0 }) {
            pending[key] = (decision.0, time)
        }
        if decision.1 == .new { created.insert(decision.0) }
        return decision
    }

    /// Called once every revision identified so far is written and flushed to the derived
    /// index: forgets what the run remembers when it holds more than `capacity` keys.
    mutating func forgetWritten() {
        guard pending.count > Self.capacity else { return }
        pending.removeAll()
        created.removeAll()
    }

    private func decide(_ revision: Revision, time: Date, explicit: StoryID?,
                        file: String) throws(WritethruError) -> (StoryID, StoryMatch) {
        if let explicit { return (explicit, .option) }
        if let named = revision.story {
            do {
                return (try StoryID(validating: named), .input)
            } catch {
                throw .badInput(file: file, reason: "its story field: \(error.description)")
            }
        }
        if let key = revision.url.flatMap(IdentityKey.url), let story = try known(key, time: time, window: nil) {
            return (story, .url)
        }
        let window = archive.config.identity.headlineWindowDays * 86_400
        if let key = IdentityKey.headline(revision.headline), let story = try known(key, time: time, window: window) {
            return (story, .headline)
        }
        if matchSimilar, let story = try similar(to: revision, time: time) {
            return (story, .similarity)
        }
        guard let base = StoryID.derived(fromHeadline: revision.headline) else {
            throw .badInput(file: file, reason: "no story id can be made from its headline; give one with --story")
        }
        return (try unused(base), .new)
    }

    /// The story recorded under `key`, earlier in this run or in the index; with a window,
    /// only one whose latest version is that close in time.
    private func known(_ key: String, time: Date, window: TimeInterval?) throws(WritethruError) -> StoryID? {
        var best: (StoryID, TimeInterval)?
        if let (story, pendingTime) = pending[key] {
            let distance = abs(pendingTime.timeIntervalSince(time))
            guard let window else { return story }
            if distance <= window { best = (story, distance) }
        }
        for value in index.identityStories(key: key) {
            guard let story = try? StoryID(validating: value), let tip = try archive.tip(of: story) else { continue }
            guard let window else { return story }
            let distance = abs(try archive.revisionTime(of: tip).timeIntervalSince(time))
            if distance <= window, distance < best?.1 ?? .infinity { best = (story, distance) }
        }
        return best?.0
    }

    /// The id `base`, or `base-2`, `base-3`... when a different story already has it.
    private func unused(_ base: StoryID) throws(WritethruError) -> StoryID {
        var candidate = base
        var suffix = 2
        while try isTaken(candidate) {
            let stem = String(base.value.prefix(StoryID.maximumLength - 6))
            candidate = try StoryID(validating: "\(stem)-\(suffix)")
            suffix += 1
        }
        return candidate
    }

    private func isTaken(_ story: StoryID) throws(WritethruError) -> Bool {
        if created.contains(story) { return true }
        return try archive.tip(of: story) != nil
    }

    /// The recent story whose first paragraphs share the most word trigrams with the revision's.
    private func similar(to revision: Revision, time: Date) throws(WritethruError) -> StoryID? {
        let settings = archive.config.identity
        let lead = LeadSimilarity.shingles(revision.paragraphs)
        guard !lead.isEmpty else { return nil }
        var best: (StoryID, Double)?
        for (story, tip) in try archive.storyTips() {
            guard abs(try archive.revisionTime(of: tip).timeIntervalSince(time))
                    <= settings.similarityWindowDays * 86_400 else { continue }
            let paragraphs = ArticleMarkdown.paragraphs(of: try archive.article(at: tip))
            let score = LeadSimilarity.jaccard(lead, LeadSimilarity.shingles(paragraphs))
            if score >= settings.similarityThreshold, score > best?.1 ?? 0 { best = (story, score) }
        }
        return best?.0
    }
}

