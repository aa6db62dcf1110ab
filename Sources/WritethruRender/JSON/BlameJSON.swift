import StoryDiff
import StoryText
import Writethru

/// `blame --format json`, schema `writethru.blame/1`: paragraphs and their sentences.
struct BlameJSON: Encodable {
    struct Sentence: Encodable {
        let text: String, introduced: Int, lastChanged: Int
        @Nullable var reintroduced: Int?
    }
    struct Paragraph: Encodable {
        let number: Int, text: String, introduced: Int, lastChanged: Int
        @Nullable var reintroduced: Int?
        let sentences: [Sentence]
    }
    struct Version: Encodable {
        let number: Int
        @Nullable var tag: String?
        let updated: String, commit: String, headline: String
    }

    let schema = "writethru.blame/1"
    let story: String
    let version: Version
    let versions: [Version]
    let paragraphs: [Paragraph]

    init(_ timeline: StoryTimeline, version number: Int) {
        func describe(_ entry: VersionEntry) -> Version {
            Version(number: entry.number, tag: entry.tag, updated: Timestamp.format(entry.updated),
                    commit: entry.commit.hex, headline: entry.headline)
        }
        story = timeline.story.value
        version = describe(timeline.versions[number - 1].entry)
        versions = timeline.versions.prefix(number).map { describe($0.entry) }
        let provenance = timeline.provenance
        paragraphs = zip(zip(timeline.versions[number - 1].paragraphs, provenance.sentenceTexts[number - 1]),
                         zip(provenance.paragraphBlame(version: number), provenance.sentenceBlame(version: number)))
            .enumerated().map { k, item in
                let ((text, sentences), (blame, sentenceBlame)) = item
                return Paragraph(number: k + 1, text: text, introduced: blame.introduced,
                                 lastChanged: blame.lastChanged, reintroduced: blame.reintroduced,
                                 sentences: zip(sentences, sentenceBlame).map {
                                     Sentence(text: $0.0, introduced: $0.1.introduced, lastChanged: $0.1.lastChanged,
                                              reintroduced: $0.1.reintroduced)
                                 })
            }
    }
}
