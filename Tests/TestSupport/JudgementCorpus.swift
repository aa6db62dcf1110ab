import Foundation
import StoryDiff
import StoryText

/// The judgement corpus (Tests/StoryDiffTests/Fixtures/judgement/*.jsonl, docs/judgement.md):
/// invented or public-domain cases, each with what a careful standards editor would say, and
/// how the engine's answer is checked against it. Read by `JudgementCorpusTests` (every case
/// must pass) and by `writethru-bench eval` (per-class agreement, `make eval`).
///
/// One JSON object a line, of three shapes, told apart by their fields:
/// - a sentence pair: `old`, `new` (either may be null: a sentence added or removed), the change `kinds` expected (exactly that set, as
///   `ClaimChange.Kind` raw values) and the pair's `significance` (the highest of its changes:
///   cosmetic, style, substantive); optional `oldTime` / `newTime` (ISO 8601), the revisions'
///   times, and `oldStory` / `newStory`, the versions' whole text, for the names the story gives;
/// - a link case: `oldText`, `newText` (paragraphs separated by blank lines) and `links`, every
///   pair of changed sentences a careful reader links, as `[old, new]` (sentences of a merge or
///   split joined with one space); sentences not named are expected unlinked (added or removed);
/// - a segmentation case: `text` (one paragraph) and the `sentences` expected.
/// Every case has a `class` ("figures/year", "links/rewritten-lede", ...): the agreement is
/// reported per class, and per class group (the part before the slash).
public struct JudgementCase: Decodable, Sendable {
    public let `class`: String
    public var old: String?
    public var new: String?
    public var kinds: [String]?
    public var significance: String?
    public var oldTime: String?
    public var newTime: String?
    /// The two versions' whole text (paragraphs separated by blank lines), for the names the
    /// story gives elsewhere.
    public var oldStory: String?
    public var newStory: String?
    public var oldText: String?
    public var newText: String?
    public var links: [[String]]?
    public var text: String?
    public var sentences: [String]?
    /// The file and line the case was read from ("figures.jsonl:12").
    public var origin = ""

    enum CodingKeys: String, CodingKey {
        case `class`, old, new, kinds, significance, oldTime, newTime, oldStory, newStory, oldText, newText, links, text,
             sentences
    }
}

/// What the engine answered for one case, and whether that is what the case expects.
public struct JudgementOutcome: Sendable {
    public let passed: Bool
    /// For a failure: what was expected and what came out.
    public let detail: String
    /// Link cases: links expected, links found, links both.
    public var expectedLinks = 0, foundLinks = 0, correctLinks = 0
}

public enum JudgementCorpus {
    public static let folder = Fixtures.root.appendingPathComponent("Tests/StoryDiffTests/Fixtures/judgement")

    /// Every case of every file of `folder`, in file-name and line order.
    public static func load(from folder: URL = folder) throws -> [JudgementCase] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".jsonl") }.sorted()
        var cases: [JudgementCase] = []
        for name in names {
            let text = String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty, !trimmed.hasPrefix("//") else { continue }
                do {
                    var item = try JSONDecoder().decode(JudgementCase.self, from: Data(trimmed.utf8))
                    item.origin = "\(name):\(number + 1)"
                    cases.append(item)
                } catch {
                    throw CorpusError(description: "\(name):\(number + 1): \(error)")
                }
            }
        }
        return cases
    }

    public struct CorpusError: Error, CustomStringConvertible {
        public let description: String
    }

    public static func evaluate(_ item: JudgementCase) -> JudgementOutcome {
        if let text = item.text, let expected = item.sentences {
            let found = SentenceSegmenter.sentences(text)
            return JudgementOutcome(passed: found == expected,
                                    detail: "\(item.origin): expected \(expected), found \(found)")
        }
        if let oldText = item.oldText, let newText = item.newText, let expected = item.links {
            return evaluateLinks(item, old: paragraphs(oldText), new: paragraphs(newText), expected: expected)
        }
        let old = item.old, new = item.new
        guard old != nil || new != nil else {
            return JudgementOutcome(passed: false, detail: "\(item.origin): a case needs old/new, oldText/newText/links or text/sentences")
        }
        let story = (item.oldStory != nil || item.newStory != nil)
            ? StoryNames(old: paragraphs(item.oldStory ?? ""), new: paragraphs(item.newStory ?? "")) : nil
        let changes = ClaimComparer.changes(old: old, new: new, paragraph: 1, oldTime: time(item.oldTime),
                                            newTime: time(item.newTime), story: story)
        let kinds = Set(changes.map(\.kind.rawValue))
        let significance = changes.map(\.significance).max()?.rawValue ?? "none"
        let kindsAgree = item.kinds.map { Set($0) == kinds } ?? true
        let significanceAgrees = item.significance.map { $0 == significance } ?? true
        let found = changes.map { "\($0.kind.rawValue) (\($0.significance.rawValue)): \($0.reason)" }
        return JudgementOutcome(passed: kindsAgree && significanceAgrees,
                                detail: "\(item.origin) [\(item.class)]: expected \(item.kinds ?? []) \(item.significance ?? ""), found \(significance) \(found)\n  old: \(old ?? "none")\n  new: \(new ?? "none")")
    }

    static func evaluateLinks(_ item: JudgementCase, old: [String], new: [String], expected: [[String]]) -> JudgementOutcome {
        let diff = ParagraphAligner.diff(old: old, new: new)
        let links = SentenceAligner.links(diff, old: old, new: new, includingVerbatim: true)
        let found = Set(links.compactMap { link -> [String]? in
            guard let from = link.oldText, let to = link.newText, from != to else { return nil }
            return [from, to]
        })
        let wanted = Set(expected.filter { $0.count == 2 && $0[0] != $0[1] })
        let correct = found.intersection(wanted)
        let missing = wanted.subtracting(found).map { "\($0[0]) -> \($0[1])" }
        let extra = found.subtracting(wanted).map { "\($0[0]) -> \($0[1])" }
        return JudgementOutcome(passed: missing.isEmpty && extra.isEmpty,
                                detail: "\(item.origin) [\(item.class)]: missing \(missing.sorted()), extra \(extra.sorted())",
                                expectedLinks: wanted.count, foundLinks: found.count, correctLinks: correct.count)
    }

    static func paragraphs(_ text: String) -> [String] {
        text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }

    static func time(_ text: String?) -> Date? {
        text.flatMap { try? Date($0, strategy: .iso8601) }
    }
}
