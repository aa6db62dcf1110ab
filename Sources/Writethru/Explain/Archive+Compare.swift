import Foundation
import StoryDiff
import StoryText
import WritethruSupport

/// One side of a comparison: a recorded version, or a file read with the reader.
public struct ComparedSide: Sendable {
    public let version: VersionEntry?
    public let file: String?
    public let headline: String
    public let paragraphs: [String]
    /// The revision's own time, for resolving relative dates.
    public let time: Date?

    /// The time relative dates are resolved against (`VersionEntry.timeForDates`; a file's own).
    var timeForDates: Date? { version.map(\.timeForDates) ?? time }

    /// The day the version's dateline gave, with the weekday its text pins to it.
    var storyDate: StoryDate? {
        version?.datelineDate.flatMap { StoryDate(printed: $0, paragraphs: paragraphs) }
    }
}

/// Two revisions compared paragraph by paragraph, and claim by claim.
public struct Comparison: Sendable {
    public let from: ComparedSide
    public let to: ComparedSide
    public let diff: ParagraphDiff
    /// What the sentences of the two revisions assert, and how that changed: found when first
    /// asked for (a text diff never asks).
    public var claims: [ClaimChange] { claimsSource.value }
    private let claimsSource: Lazy<[ClaimChange]>

    init(from: ComparedSide, to: ComparedSide, diff: ParagraphDiff, settings: DiffSettings) {
        self.from = from
        self.to = to
        self.diff = diff
        self.claimsSource = Lazy {
            SentenceAligner.claimChanges(diff, old: from.paragraphs, new: to.paragraphs, oldTime: from.timeForDates,
                                         newTime: to.timeForDates, oldDate: from.storyDate, newDate: to.storyDate,
                                         settings: settings)
        }
    }

    /// A comparison whose claim changes are already known (the timeline computes them once).
    init(from: ComparedSide, to: ComparedSide, diff: ParagraphDiff, claims: [ClaimChange]) {
        self.from = from
        self.to = to
        self.diff = diff
        self.claimsSource = Lazy(claims)
    }
}

extension Archive {
    /// Compares two versions of a story (by default the previous version with the latest).
    /// With `reparse`, both are read again from their recorded inputs with the current rules.
    /// - Complexity: O(v) to find the versions, then one paragraph diff (see ParagraphAligner.align)
    ///  and claim comparison of the pair.
    public func compare(story: StoryID, from: String?, to: String?,
                        reparse: Bool) throws(WritethruError) -> Comparison {
        let settings = config.diff
        let all = try versions(of: story)
        let target = try version(to, of: story)
        let base: VersionEntry
        if let from {
            base = try version(from, of: story)
        } else {
            guard target.number > 1 else {
                throw .notFound("story '\(story)' has no version before version \(target.number) to compare with; "
                                    + "give FROM")
            }
            base = all[target.number - 2]
        }
        let old = try side(base, reparse: reparse)
        let new = try side(target, reparse: reparse)
        return Comparison(from: old, to: new,
                          diff: ParagraphAligner.diff(old: old.paragraphs, new: new.paragraphs, settings: settings),
                          settings: settings)
    }

    private func side(_ version: VersionEntry, reparse: Bool) throws(WritethruError) -> ComparedSide {
        let markdown = reparse ? try reparsedArticle(of: version) : try article(of: version)
        return ComparedSide(version: version, file: nil, headline: ArticleMarkdown.headline(of: markdown),
                            paragraphs: ArticleMarkdown.paragraphs(of: markdown), time: version.updated)
    }
}
