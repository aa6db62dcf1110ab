import StoryDiff
import StoryText
import Writethru
import WritethruRender

/// One fuzz input, run through the readers or the whole diff pipeline (docs/reliability.md,
/// "Fuzzing"). The first byte chooses what the rest is fed to; the rest is never trusted.
///
/// | first byte % 8 | the rest is read by |
/// |---|---|
/// | 0 | the plain-text reader (`--input text`), then `article.md` and `parse` |
/// | 1 | the HTML reader (decoding, libxml2, body search), then `article.md` and `parse` |
/// | 2 | the JSON / JSON Lines reader, then `article.md` and `parse` |
/// | 3 | the reader with the format sniffed, as `record` reads a file |
/// | 4 | the advisory-line parser, the wire tag splitter and the sentence segmenter |
/// | 5, 6, 7 | `diff --files OLD NEW`: the rest split at its first NUL byte (else in the middle), each side sniffed and read, then paragraphs, sentences, words, claims and the advisory audit; rendered as text (5), side by side (6) or JSON with the claims report (7) |
enum FuzzInput {
    /// What separates OLD from NEW in a diff input.
    static let separator: UInt8 = 0

    static func run(_ data: [UInt8]) {
        guard let selector = data.first else { return }
        let rest = Array(data.dropFirst())
        switch selector % 8 {
        case 0: read(rest, format: .text)
        case 1: read(rest, format: .html)
        case 2: read(rest, format: .json)
        case 3: read(rest, format: nil)
        case 4: advisory(rest)
        default: diff(rest, rendering: selector % 8)
        }
    }

    /// The reader, and what `record` and `parse` do with what it read.
    static func read(_ bytes: [UInt8], format: InputFormat?) {
        guard let revisions = try? Archive.parse(InputFile(name: "fuzz", bytes: bytes), format: format,
                                                 config: .standard)
        else { return }
        for read in revisions {
            let markdown = ArticleMarkdown.render(read.revision)
            _ = ArticleMarkdown.headline(of: markdown)
            _ = ArticleMarkdown.paragraphs(of: markdown)
        }
        _ = ParseReport.render(revisions, format: .text)
    }

    /// An advisory line, as the reader and the audit read it.
    static func advisory(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let advisory = Advisory(text: text)
        for item in advisory.items { _ = (item.verb, item.object, item.paragraphs) }
        _ = WireTag.split(text)
        _ = WireTag.apTag(in: text)
        _ = SentenceSegmenter.sentences(text)
    }

    /// `diff --files OLD NEW`, `claims --files OLD NEW`, and the audit of NEW's advisory line
    /// against those claims, with no archive.
    static func diff(_ bytes: [UInt8], rendering: UInt8) {
        let cut = bytes.firstIndex(of: separator) ?? bytes.count / 2
        let old = InputFile(name: "old", bytes: Array(bytes[..<cut]))
        let new = InputFile(name: "new", bytes: Array(bytes[min(cut + 1, bytes.count)...]))
        guard let comparison = try? Archive.compare(files: old, new, config: .standard) else { return }
        let claims = comparison.claims
        let revision = (try? Archive.parse(new, format: nil, config: .standard))?.first?.revision
        _ = AdvisoryAuditor.audit(advisory: revision?.advisory, tag: revision?.tag, claims: claims,
                                  settings: ArchiveConfig.standard.diff)
        switch rendering {
        case 5: _ = DiffReport.text(comparison, style: DiffStyle(color: true, width: 80))
        case 6: _ = DiffReport.text(comparison, style: DiffStyle(width: 60, sideBySide: true))
        default:
            _ = DiffReport.json(comparison)
            _ = ClaimReport.render(comparison, format: .text, minimum: .cosmetic)
        }
    }
}
