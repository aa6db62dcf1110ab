import Foundation
import StoryText

/// How `record` reads and places its inputs.
public struct RecordOptions: Sendable {
    /// The story for every input; when nil, each revision's story is found (docs/reading.md).
    public var story: StoryID?
    /// The revision's own time; when nil, the input's Updated or Published time, else `recordedAt`.
    public var revisionTime: Date?
    /// The recording time (the commits' committer time).
    public var recordedAt: Date
    /// The input format; sniffed from each input when nil.
    public var format: InputFormat?
    /// Match revisions to recent stories by the similarity of their first paragraphs.
    public var matchSimilar: Bool

    public init(story: StoryID? = nil, revisionTime: Date? = nil, recordedAt: Date, format: InputFormat? = nil,
                matchSimilar: Bool = false) {
        self.story = story
        self.revisionTime = revisionTime
        self.recordedAt = recordedAt
        self.format = format
        self.matchSimilar = matchSimilar
    }
}

/// One input to record, with what the caller already knows of it.
public struct RecordItem: Sendable {
    public let input: InputFile
    /// Its story; nil: found as `record` finds stories (docs/reading.md).
    public let story: StoryID?
    /// The revision's time when the input names none (an import from git: the commit's time).
    public let fallbackTime: Date?
    /// How it was fetched, for an input `capture` fetched (kept in meta.json).
    public let capture: RevisionCapture?

    public init(input: InputFile, story: StoryID? = nil, fallbackTime: Date? = nil,
                capture: RevisionCapture? = nil) {
        self.input = input
        self.story = story
        self.fallbackTime = fallbackTime
        self.capture = capture
    }
}
