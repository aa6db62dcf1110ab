import Foundation
internal import GitStore
import StoryText

extension Archive {
    /// Finds the sentences of every version that hold `query` (a word or a phrase; case,
    /// accents, quote styles and spacing do not matter). The derived word index names the
    /// stories that printed every word of the query; those stories are then read version by
    /// version. Hits are ordered by story, then first version, then paragraph.
    /// - Complexity: O(k) index lookups for k query words, then O(v) versions read for each candidate
    ///  story.
    public func search(_ query: String, in scope: SearchScope = .all, story only: StoryID? = nil,
                       since: Date? = nil) throws(WritethruError) -> SearchResult {
        let phrase = SearchText.folded(query)
        let words = SearchText.words([query])
        guard !phrase.isEmpty, !words.isEmpty else { throw .usage("give a word or phrase to search for") }
        let candidates: [StoryID]
        if let only {
            candidates = [only]
        } else {
            let index = try derivedIndex()
            var stories: Set<String>?
            for word in words.sorted() {
                let found = Set(index.values(.words, key: word))
                stories = stories.map { $0.intersection(found) } ?? found
                if stories?.isEmpty == true { break }
            }
            candidates = (stories ?? []).compactMap { try? StoryID(validating: $0) }.sorted()
        }
        var hits: [SearchHit] = []
        for story in candidates {
            hits += try search(phrase, in: story, scope: scope, since: since)
        }
        return SearchResult(query: query, scope: scope, storiesRead: candidates.count, hits: hits)
    }

    private func search(_ phrase: String, in story: StoryID, scope: SearchScope,
                        since: Date?) throws(WritethruError) -> [SearchHit] {
        let entries = try versions(of: story)
        guard let latest = entries.last else { return [] }
        struct Seen { var first: VersionEntry; var last: VersionEntry; var paragraph: Int; var sinceMatched: Bool }
        var seen: [String: Seen] = [:]
        var order: [String] = []
        var latestSentences = Set<String>()
        for entry in entries {
            for (offset, paragraph) in ArticleMarkdown.paragraphs(of: try article(of: entry)).enumerated() {
                let inLatest = entry == latest
                let sentences = inLatest || SearchText.folded(paragraph).contains(phrase)
                    ? SentenceSegmenter.sentences(paragraph) : []
                if inLatest { latestSentences.formUnion(sentences) }
                for sentence in sentences where SearchText.folded(sentence).contains(phrase) {
                    let recent = since.map { entry.updated >= $0 } ?? true
                    if var known = seen[sentence] {
                        known.last = entry
                        known.sinceMatched = known.sinceMatched || recent
                        seen[sentence] = known
                    } else {
                        seen[sentence] = Seen(first: entry, last: entry, paragraph: offset + 1, sinceMatched: recent)
                        order.append(sentence)
                    }
                }
            }
        }
        return order.compactMap { sentence -> SearchHit? in
            guard let known = seen[sentence], known.sinceMatched else { return nil }
            let hit = SearchHit(story: story, sentence: sentence, first: known.first, last: known.last,
                                paragraph: known.paragraph, inLatest: latestSentences.contains(sentence))
            switch scope {
            case .all: return hit
            case .current: return hit.inLatest ? hit : nil
            case .removed: return hit.inLatest ? nil : hit
            case .added: return hit.first.number > 1 ? hit : nil
            }
        }.sorted { ($0.first.number, $0.paragraph) < ($1.first.number, $1.paragraph) }
    }

    /// Rebuilds the derived index (word index for `search`, learned furniture, story identity)
    /// from the story branches, into a new folder that then replaces the old one. Returns the
    /// number of stories and revisions read.
    /// - Complexity: O(r) revisions read back from git.
    public func reindex() throws(WritethruError) -> (stories: Int, revisions: Int) {
        let live = path + "/writethru"
        let fresh = path + "/writethru.rebuilding-\(getpid())"
        let old = path + "/writethru.old-\(getpid())"
        try? FileManager.default.removeItem(atPath: fresh)
        let index = DerivedIndex(directory: fresh)
        let (stories, revisions) = try fill(index)
        do {
            try index.markBuilt()
            if FileManager.default.fileExists(atPath: live) {
                try FileManager.default.moveItem(atPath: live, toPath: old)
            }
            try FileManager.default.moveItem(atPath: fresh, toPath: live)
            try? FileManager.default.removeItem(atPath: old)
        } catch {
            try? FileManager.default.removeItem(atPath: fresh)
            throw .storage("cannot replace the derived index in \(live): \(error)")
        }
        return (stories, revisions)
    }
}
