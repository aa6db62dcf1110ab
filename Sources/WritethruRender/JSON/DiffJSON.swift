import StoryDiff
import Writethru

/// `diff --format json`, schema `writethru.diff/1`.
struct DiffJSON: Encodable {
    let comparison: Comparison
    init(_ comparison: Comparison) { self.comparison = comparison }

    struct Side: Encodable {
        let side: ComparedSide
        enum CodingKeys: String, CodingKey { case story, number, tag, updated, commit, file, headline, paragraphs }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(side.version?.story.value, forKey: .story)
            try c.encode(side.version?.number, forKey: .number)
            try c.encode(side.version?.tag, forKey: .tag)
            try c.encode(side.version.map { Timestamp.format($0.updated) }, forKey: .updated)
            try c.encode(side.version?.commit.hex, forKey: .commit)
            try c.encode(side.file, forKey: .file)
            try c.encode(side.headline, forKey: .headline)
            try c.encode(side.paragraphs.count, forKey: .paragraphs)
        }
    }

    struct Paragraph: Encodable {
        let kind: String, old: [Int], new: [Int], similarity: Double, words: [Word]
    }

    struct Word: Encodable {
        let op: String, text: String
    }

    struct Stat: Encodable {
        let added: Int, removed: Int, changed: Int, moved: Int, split: Int, merged: Int, unchanged: Int
    }

    enum CodingKeys: String, CodingKey {
        case schema, from, to, stat, paragraphs, claims, greedyPairing, wordDiffGaveUp
    }

    func encode(to encoder: Encoder) throws {
        let diff = comparison.diff
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("writethru.diff/1", forKey: .schema)
        try c.encode(Side(side: comparison.from), forKey: .from)
        try c.encode(Side(side: comparison.to), forKey: .to)
        try c.encode(Stat(added: diff.count(.added), removed: diff.count(.removed),
                          changed: diff.count(.changed) + diff.count(.movedChanged),
                          moved: diff.count(.moved) + diff.count(.movedChanged), split: diff.count(.split),
                          merged: diff.count(.merged), unchanged: diff.count(.unchanged)), forKey: .stat)
        try c.encode(diff.ops.map { op in
            // Four decimals: enough to compare with a threshold, without float noise in the output.
            Paragraph(kind: op.kind.rawValue, old: op.old, new: op.new,
                      similarity: (op.similarity * 10_000).rounded() / 10_000,
                      words: op.words.map { Word(op: $0.kind.rawValue, text: $0.text) })
        }, forKey: .paragraphs)
        try c.encode(comparison.claims.map(ClaimJSON.init), forKey: .claims)
        try c.encode(diff.usedGreedyPairing, forKey: .greedyPairing)
        try c.encode(diff.wordDiffGaveUp, forKey: .wordDiffGaveUp)
    }
}
