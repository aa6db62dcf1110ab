import StoryText
import Writethru

/// `parse --format json`: every key always present.
struct ParsedJSON: Encodable {
    let revision: Revision
    let format: InputFormat
    let line: Int?

    init(_ read: ReadRevision) {
        revision = read.revision
        format = read.format
        line = read.line
    }

    enum CodingKeys: String, CodingKey {
        case format, line, tag, headline, advisory, byline, authors, dateline, published, updated, url, story, credits
        case paragraphs, removed
    }

    struct Paragraph: Encodable {
        let text: String
        let sentences: [String]
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(format.rawValue, forKey: .format)
        try c.encode(line, forKey: .line)
        try c.encode(revision.tag, forKey: .tag)
        try c.encode(revision.headline, forKey: .headline)
        try c.encode(revision.advisory, forKey: .advisory)
        try c.encode(revision.byline, forKey: .byline)
        try c.encode(revision.authors, forKey: .authors)
        try c.encode(revision.dateline, forKey: .dateline)
        try c.encode(Timestamp.published(revision), forKey: .published)
        try c.encode(revision.updated.map(Timestamp.format), forKey: .updated)
        try c.encode(revision.url, forKey: .url)
        try c.encode(revision.story, forKey: .story)
        try c.encode(revision.credits, forKey: .credits)
        try c.encode(revision.paragraphs.map { Paragraph(text: $0, sentences: SentenceSegmenter.sentences($0)) },
                     forKey: .paragraphs)
        try c.encode(revision.removed, forKey: .removed)
    }
}
