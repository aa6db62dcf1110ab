import StoryDiff
import StoryText
import Writethru

import Foundation

struct AuditJSON: Encodable {
    let audit: StoryAudit
    /// Only the versions updated at or after this (`AuditReport.shown`).
    var since: Date?
    struct Item: Encodable { let text: String; let status: String; let changes: [ClaimJSON] }
    struct Version: Encodable {
        let number: Int
        @Nullable var tag: String?
        @Nullable var advisory: String?
        let items: [Item], undeclared: [ClaimJSON], flags: [String]
    }
    enum CodingKeys: String, CodingKey { case schema, story, versions }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("writethru.audit/1", forKey: .schema)
        try c.encode(audit.story.value, forKey: .story)
        try c.encode(AuditReport.shown(audit, since: since).map { version in
            Version(number: version.entry.number, tag: version.entry.tag, advisory: version.advisory?.text,
                    items: version.audit.items.map { item in
                        Item(text: item.text, status: item.found ? "found" : "not-found",
                             changes: item.changes.map(ClaimJSON.init))
                    },
                    undeclared: version.audit.undeclared.map(ClaimJSON.init), flags: version.audit.flags)
        }, forKey: .versions)
    }
}
