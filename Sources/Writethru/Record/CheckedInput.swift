import StoryText
import WritethruSupport

/// An input read and checked, with what each of its revisions will be stored as.
struct CheckedInput: Sendable {
    let item: RecordItem
    let reads: [ReadRevision]
    let contents: [RevisionContent]

    /// Reads and checks `item` (on any thread; many at once) and works out what each of its
    /// revisions will be stored as.
    init(reading item: RecordItem, format: InputFormat?, options: ReadingOptions,
         furniture: DerivedIndex) throws(WritethruError) {
        self.init(item, reads: try Archive.check(item, format: format, reading: options, furniture: furniture))
    }

    /// An input already read and checked: of a JSON Lines input, an import keeps the good lines.
    init(_ item: RecordItem, reads: [ReadRevision]) {
        self.item = item
        self.reads = reads
        contents = reads.map(RevisionContent.init)
    }
}

/// What a revision is stored as, whatever its story: its article.md, the hashes meta.json
/// holds, and the keys it adds to the derived index.
struct RevisionContent: Sendable {
    let article: [UInt8]
    /// SHA-256 of article.md and of the input's bytes.
    let contentHash: String
    let inputHash: String
    let keys: RevisionKeys

    init(_ read: ReadRevision) {
        article = Array(ArticleMarkdown.render(read.revision).utf8)
        contentHash = Digest.sha256Hex(article)
        inputHash = Digest.sha256Hex(read.evidence)
        keys = RevisionKeys(read.revision)
    }
}

extension Archive {
    /// Reads an input and checks that each of its revisions can be placed in a story. Static:
    /// many inputs are read at once on all cores.
    static func check(_ item: RecordItem, format: InputFormat?, reading: ReadingOptions,
                      furniture: DerivedIndex) throws(WritethruError) -> [ReadRevision] {
        let reads: [ReadRevision]
        do {
            reads = try RevisionReader.read(item.input.bytes, format: format, options: reading, furniture: furniture)
        } catch {
            throw .badInput(file: item.input.name, reason: error.description)
        }
        for read in reads where item.story == nil {
            try checkStoryCanBeFound(read.revision, file: item.input.name + (read.line.map { ":\($0)" } ?? ""))
        }
        return reads
    }

    static func checkStoryCanBeFound(_ revision: Revision, file: String) throws(WritethruError) {
        if let named = revision.story {
            do {
                _ = try StoryID(validating: named)
            } catch {
                throw .badInput(file: file, reason: "its story field: \(error.description)")
            }
        } else if revision.url == nil, StoryID.derived(fromHeadline: revision.headline) == nil {
            throw .badInput(file: file, reason: "no story id can be made from its headline; give one with --story")
        }
    }
}
