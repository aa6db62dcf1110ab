import Foundation
internal import GitStore
import StoryText

extension Archive {
    /// Every version of a story, oldest first.
    /// - Complexity: O(v) for v versions: one history walk and one meta.json read each.
    public func versions(of story: StoryID) throws(WritethruError) -> [VersionEntry] {
        guard let tip = try tip(of: story) else { throw .notFound("no story '\(story)' in the archive") }
        let history = try inStorage("story \(story)") { try repository.firstParentHistory(from: tip) }
        var entries: [VersionEntry] = []
        for (index, commit) in history.enumerated() {
            entries.append(try entry(story: story, number: index + 1, commit: commit))
        }
        return entries
    }

    private func entry(story: StoryID, number: Int, commit: ObjectID) throws(WritethruError) -> VersionEntry {
        let meta = try meta(of: commit)
        guard let updated = Timestamp.parse(meta.updated), let recorded = Timestamp.parse(meta.recorded) else {
            throw .storage("revision \(commit.short()) of \(story) has unreadable times in meta.json")
        }
        return VersionEntry(story: story, number: number, tag: meta.tag, headline: meta.headline,
                            advisory: meta.advisory, updated: updated, recorded: recorded, commit: CommitID(commit),
                            sourcePath: meta.input.path, datelineDate: meta.dateline?.date,
                            timeIsRecorded: meta.updatedSource == "recorded",
                            statedOffset: meta.published.flatMap(Self.statedOffset))
    }

    /// The UTC offset, in seconds east, that ends an ISO 8601 time (`-04:00`, `+0530`, `+05`);
    /// nil for `Z`, for `+00:00` and for a time that ends in neither (no zone stated).
    static func statedOffset(_ time: String) -> Int? {
        guard let clock = time.firstIndex(of: "T"),
              let sign = time[clock...].lastIndex(where: { $0 == "+" || $0 == "-" }) else { return nil }
        let zone = time[time.index(after: sign)...].filter { $0 != ":" }
        guard zone.count == 2 || zone.count == 4, zone.allSatisfy({ $0.isASCII && $0.isNumber }),
              let digits = Int(zone) else { return nil }
        let (hours, minutes) = zone.count == 2 ? (digits, 0) : (digits / 100, digits % 100)
        guard hours <= 18, minutes < 60 else { return nil }
        let seconds = (hours * 3_600 + minutes * 60) * (time[sign] == "-" ? -1 : 1)
        return seconds == 0 ? nil : seconds
    }

    /// The ids of every story in the archive, sorted.
    public func storyIDs() throws(WritethruError) -> [StoryID] {
        try storyTips().map(\.0)
    }

    /// Finds a version by number (1 is the first), by tag ("UPDATE 3", any case), or by a
    /// commit id prefix of at least 4 hex digits; nil means the latest.
    public func version(_ spec: String?, of story: StoryID) throws(WritethruError) -> VersionEntry {
        try Self.version(spec, among: try versions(of: story), story: story)
    }

    /// `version(_:of:)` among versions already read (a timeline's, for instance).
    public static func version(_ spec: String?, among all: [VersionEntry],
                               story: StoryID) throws(WritethruError) -> VersionEntry {
        guard let latest = all.last else { throw .notFound("story '\(story)' has no versions") }
        guard let spec = spec?.trimmingCharacters(in: .whitespaces), !spec.isEmpty, spec.lowercased() != "latest" else {
            return latest
        }
        if let number = Int(spec) {
            if (1...all.count).contains(number) { return all[number - 1] }
            if spec.count < 4 {
                throw .notFound("story '\(story)' has no version \(number) (it has \(all.count))")
            }
        }
        let tagged = all.filter { $0.tag?.caseInsensitiveCompare(spec) == .orderedSame }
        if tagged.count == 1, let only = tagged.first { return only }
        if tagged.count > 1 {
            let numbers = tagged.map { String($0.number) }.joined(separator: ", ")
            throw .usage("tag '\(spec)' names versions \(numbers) of '\(story)'; give a number")
        }
        let lowered = spec.lowercased()
        let byCommit = all.filter { $0.commit.hex.hasPrefix(lowered) }
        if lowered.count >= 4, byCommit.count == 1, let only = byCommit.first { return only }
        if byCommit.count > 1 { throw .usage("commit prefix '\(spec)' is ambiguous in '\(story)'; give more digits") }
        throw .notFound("story '\(story)' has no version '\(spec)' "
                            + "(give a number 1-\(all.count), a tag or a commit id)")
    }

    /// The recorded text (`article.md`) of a version.
    public func article(of version: VersionEntry) throws(WritethruError) -> String {
        String(decoding: try file(RevisionTree.articlePath, of: version), as: UTF8.self)
    }

    /// The input of a version exactly as it was received.
    public func source(of version: VersionEntry) throws(WritethruError) -> [UInt8] {
        try file(version.sourcePath, of: version)
    }

    /// The text of a version read again from its recorded input with the archive's current
    /// settings: what `article.md` would hold if it were recorded today. History is not changed.
    public func reparsedArticle(of version: VersionEntry) throws(WritethruError) -> String {
        let meta = try meta(of: version.commit.object)
        let input = InputFile(name: meta.input.path, bytes: try source(of: version))
        let format = InputFormat(rawValue: meta.input.format)
        let revisions = try Self.parse(input, format: format, config: config, furniture: try derivedIndex())
        guard let revision = revisions.first?.revision, revisions.count == 1 else {
            throw .storage("revision \(version.commit.short()): its source holds \(revisions.count) revisions")
        }
        return ArticleMarkdown.render(revision)
    }

    private func file(_ path: String, of version: VersionEntry) throws(WritethruError) -> [UInt8] {
        return try inStorage("revision \(version.commit.short())") {
            guard let blob = try repository.entry(at: path, inCommit: version.commit.object) else {
                throw WritethruError.storage("revision \(version.commit.short()) has no \(path)")
            }
            return try repository.blob(blob)
        }
    }
}
