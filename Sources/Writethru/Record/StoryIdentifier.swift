import Foundation
import GitStore
import StoryText

/// How `record` decided which story a revision belongs to.
public enum StoryMatch: String, Sendable {
    /// `--story` named it.
    case option
    /// The input named it (the `story` field of JSON input).
    case input
    /// A recorded version of the story has the same URL.
    case url
    /// A recent version of the story has the same headline (tag removed).
    case headline
    /// `--match`: the lead paragraphs are close to a recent story's.
    case similarity
    /// No story matched: a new id was made from the headline.
    case new
}

/// Settings for telling stories apart (`identity` in writethru.json).
public struct IdentitySettings: Sendable, Equatable {
    /// A headline matches a story only if the story's latest version is at most this many
    /// days from the revision: wires reuse headlines ("MIDEAST STOCKS-...") every day.
    public var headlineWindowDays: Double = 3
    /// `--match` compares with stories whose latest version is at most this many days away.
    public var similarityWindowDays: Double = 3
    /// `--match` needs at least this share of word trigrams in common (Jaccard, 0 to 1)
    /// between the first three paragraphs.
    public var similarityThreshold: Double = 0.5
}

/// Keys under which the derived index finds a story.
enum IdentityKey {
    static func url(_ url: String) -> String? {
        var text = url.trimmingCharacters(in: .whitespaces)
        if let hash = text.firstIndex(of: "#") { text = String(text[..<hash]) }
        while text.hasSuffix("/") { text.removeLast() }
        guard !text.isEmpty else { return nil }
        if let scheme = text.range(of: "://") {
            let afterScheme = text[scheme.upperBound...]
            let hostEnd = afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex
            text = text[..<hostEnd].lowercased() + text[hostEnd...]
        }
        return "url " + text
    }

    static func headline(_ headline: String) -> String? {
        let words = headline.lowercased().split { !$0.isLetter && !$0.isNumber }
        return words.isEmpty ? nil : "headline " + words.joined(separator: " ")
    }
}

/// Decides the story of each revision of one `record` run, remembering the decisions made
/// earlier in the same run so that a batch behaves like the same files recorded one by one.
struct StoryIdentifier {
    let archive: Archive
    let index: DerivedIndex
    let matchSimilar: Bool
    /// Keys decided earlier in this run, with the story and the time of its revision.
    private var pending: [String: (StoryID, Date)] = [:]
    private var created: Set<StoryID> = []

    init(archive: Archive, index: DerivedIndex, matchSimilar: Bool) {
        self.archive = archive
        self.index = index
        self.matchSimilar = matchSimilar
    }

    mutating func identify(_ revision: Revision, time: Date, explicit: StoryID?, file: String) throws(WritethruError) -> (StoryID, StoryMatch) {
        let decision = try decide(revision, time: time, explicit: explicit, file: file)
        for key in [revision.url.flatMap(IdentityKey.url), IdentityKey.headline(revision.headline)].compactMap({ $0 }) {
            pending[key] = (decision.0, time)
        }
        if decision.1 == .new { created.insert(decision.0) }
        return decision
    }

    private func decide(_ revision: Revision, time: Date, explicit: StoryID?, file: String) throws(WritethruError) -> (StoryID, StoryMatch) {
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
        for value in index.values(.identity, key: key) {
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
            guard abs(try archive.revisionTime(of: tip).timeIntervalSince(time)) <= settings.similarityWindowDays * 86_400 else { continue }
            let paragraphs = ArticleMarkdown.paragraphs(of: try archive.article(at: tip))
            let score = LeadSimilarity.jaccard(lead, LeadSimilarity.shingles(paragraphs))
            if score >= settings.similarityThreshold, score > best?.1 ?? 0 { best = (story, score) }
        }
        return best?.0
    }
}

enum LeadSimilarity {
    /// Word trigrams of the first three paragraphs, lower case.
    static func shingles(_ paragraphs: [String]) -> Set<String> {
        let words = paragraphs.prefix(3).joined(separator: " ").lowercased().split { !$0.isLetter && !$0.isNumber }
        guard words.count >= 3 else { return Set(words.map(String.init)) }
        return Set((0...(words.count - 3)).map { words[$0..<($0 + 3)].joined(separator: " ") })
    }

    static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        let union = a.union(b).count
        return union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
    }
}
