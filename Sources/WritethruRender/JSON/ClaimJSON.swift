import StoryDiff

/// One claim change in JSON (`diff --format json` and `claims --format json`).
struct ClaimJSON: Encodable, Sendable {
    let change: ClaimChange
    init(_ change: ClaimChange) { self.change = change }
    enum CodingKeys: String, CodingKey { case kind, significance, old, new, from, to, reason, paragraph }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(change.kind.rawValue, forKey: .kind)
        try c.encode(change.significance.rawValue, forKey: .significance)
        try c.encode(change.old, forKey: .old)
        try c.encode(change.new, forKey: .new)
        try c.encode(change.from, forKey: .from)
        try c.encode(change.to, forKey: .to)
        try c.encode(change.reason, forKey: .reason)
        try c.encode(change.paragraph, forKey: .paragraph)
    }
}
