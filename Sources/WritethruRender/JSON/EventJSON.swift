import StoryText
import Writethru

/// The document a hook reads on its standard input, schema `writethru.event/1`
/// (docs/hooks.md, docs/schema/event.schema.json): which event, which archive, the input the
/// revision came from and how its story was found, and the update as the delivery channels
/// give it (`UpdateJSON`, docs/schema/update.schema.json).
public struct EventJSON: Encodable, Sendable {
    /// The events a hook can be told of.
    public enum Event: String, Sendable {
        case postRecord = "post-record"
    }

    let schema = "writethru.event/1"
    let event: String
    let archive: String
    let file: String
    @Nullable var line: Int?
    let match: String
    let update: UpdateJSON

    /// The event for a recorded revision: `outcome` says what `record` did, `digest` what the
    /// version brought (from the story's timeline).
    public init(_ event: Event, archive: String, outcome: RecordOutcome, digest: UpdateDigest) {
        self.event = event.rawValue
        self.archive = archive
        file = outcome.file
        line = outcome.line
        match = outcome.match.rawValue
        update = UpdateJSON(digest)
    }

    /// The document as written to the hook: Writethru's JSON (sorted keys, a final newline).
    public var rendered: String { JSONOutput.render(self) }
}
