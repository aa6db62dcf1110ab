import Foundation
import StoryText
import Writethru

/// `changes --format json`, schema `writethru.changes/1` (docs/schema/changes.schema.json).
struct ChangesJSON: Encodable {
    struct Story: Encodable {
        @Nullable var archive: String?
        let story: String
        let headline: String
        let updates: [UpdateJSON]
    }

    let schema = "writethru.changes/1"
    let since: String
    let undeclaredOnly: Bool
    let updates: Int
    let stories: [Story]

    init(stories: [ChangedStory], since: Date, undeclaredOnly: Bool) {
        self.since = Timestamp.format(since)
        self.undeclaredOnly = undeclaredOnly
        updates = stories.reduce(0) { $0 + $1.updates.count }
        self.stories = stories.map { story in
            Story(archive: story.archive, story: story.story.value, headline: story.headline,
                  updates: story.updates.map(UpdateJSON.init))
        }
    }
}

/// One line of `changes --format jsonl`: an `UpdateJSON` object with its `archive` (null for
/// one archive) among its keys.
struct ChangeLineJSON: Encodable {
    enum CodingKeys: String, CodingKey { case archive }
    let archive: String?
    let update: UpdateJSON

    func encode(to encoder: Encoder) throws {
        try update.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        if let archive { try container.encode(archive, forKey: .archive) } else { try container.encodeNil(forKey: .archive) }
    }
}
