// Benchmarks that print figures (docs/benchmarks.md). Not a test: run it on a quiet machine.
//
//   swift run -c release writethru-bench sentences [--articles N] [--rounds N] [--words N]
//   swift run -c release writethru-bench parse FILE... [--rounds N]
//   swift run -c release writethru-bench reading PAGE.html... [--rounds N]   (make bench-extraction)
//   swift run -c release writethru-bench diff OUT-DIR [--rounds N] [--only N]   (then scripts/bench_diff.py OUT-DIR)
//   swift run -c release writethru-bench metadata [--verbose 1] [--all 1]   (page metadata against the annotations)
//   swift run -c release writethru-bench eval [--verbose 1]   (the judgement corpus and the Golden Rules, make eval)
//   swift run -c release writethru-bench golden-rules   (the 48 English Golden Rules; make golden-rules)
//   swift run -c release writethru-bench serve-capture [--pages N]   (the site of make bench-capture, on 127.0.0.1)
import Foundation
import StoryDiff
import StoryText
import TestSupport
import Writethru

struct Arguments {
    var command = ""
    var files: [String] = []
    var values: [String: Int] = [:]

    init(_ arguments: [String]) {
        var rest = arguments.dropFirst()
        command = rest.popFirst() ?? ""
        while let next = rest.popFirst() {
            if next.hasPrefix("--"), let value = rest.first.flatMap(Int.init) {
                values[String(next.dropFirst(2))] = value
                rest = rest.dropFirst()
            } else {
                files.append(next)
            }
        }
    }

    func value(_ name: String, _ fallback: Int) -> Int { values[name] ?? fallback }
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let rank = Int((p * Double(sorted.count - 1)).rounded())
    return sorted[min(max(rank, 0), sorted.count - 1)]
}

func milliseconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
}

/// Wire-style paragraphs to build articles from: the seed chain's bodies and the sentence test set.
func corpusParagraphs(root: URL) -> [String] {
    var paragraphs: [String] = []
    let seeds = root.appendingPathComponent("seeds")
    let options = ArchiveConfig.standard.reading
    for story in (try? FileManager.default.contentsOfDirectory(atPath: seeds.path)) ?? [] {
        let folder = seeds.appendingPathComponent(story)
        for file in ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path),
                  let revision = try? RevisionReader.readOne(Array(data), options: options) else { continue }
            paragraphs += revision.paragraphs
        }
    }
    struct Case: Decodable { let text: String }
    if let data = FileManager.default.contents(
        atPath: root.appendingPathComponent("Tests/StoryTextTests/Fixtures/sentences.json").path),
       let cases = try? JSONDecoder().decode([Case].self, from: data) {
        paragraphs += cases.map(\.text)
    }
    return paragraphs
}

/// Deterministic articles of about `words` words: paragraphs drawn in a fixed pseudo-random order.
func articles(count: Int, words: Int, from paragraphs: [String]) -> [[String]] {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int(truncatingIfNeeded: state >> 33)
    }
    return (0..<count).map { _ in
        var article: [String] = []
        var total = 0
        while total < words, !paragraphs.isEmpty {
            let paragraph = paragraphs[next() % paragraphs.count]
            article.append(paragraph)
            total += paragraph.split(separator: " ").count
        }
        return article
    }
}

func benchSentences(_ arguments: Arguments, root: URL) {
    let count = arguments.value("articles", 200)
    let rounds = arguments.value("rounds", 5)
    let words = arguments.value("words", 1500)
    let sample = articles(count: count, words: words, from: corpusParagraphs(root: root))
    var times: [Double] = []
    var sentences = 0
    for _ in 0..<rounds {
        for article in sample {
            times.append(milliseconds {
                sentences = article.reduce(0) { $0 + SentenceSegmenter.sentences($1).count }
            })
        }
    }
    times.sort()
    let wordCount = sample.first.map { $0.joined(separator: " ").split(separator: " ").count } ?? 0
    print("sentence segmentation: \(count) articles of ~\(words) words "
          + "(first: \(wordCount) words, \(sentences) sentences), \(rounds) rounds")
    print(String(format: "  per article: median %.3f ms, p95 %.3f ms, max %.3f ms   (target: <= 5 ms)",
                 percentile(times, 0.5), percentile(times, 0.95), times.last ?? 0))
}

func benchParse(_ arguments: Arguments) {
    let rounds = arguments.value("rounds", 50)
    let options = ArchiveConfig.standard.reading
    for file in arguments.files {
        guard let data = FileManager.default.contents(atPath: file) else {
            print("\(file): cannot be read")
            continue
        }
        var times: [Double] = []
        for _ in 0..<rounds {
            times.append(milliseconds { _ = try? RevisionReader.read(Array(data), options: options) })
        }
        times.sort()
        print(String(format: "parse %@ (%d bytes): median %.3f ms, p95 %.3f ms", file, data.count,
                     percentile(times, 0.5), percentile(times, 0.95)))
    }
}

/// In-process reading time per page (issue 14): each page read `rounds` times, its median kept;
/// prints the median and p95 of those per-page medians.
func benchReading(_ arguments: Arguments) {
    let rounds = arguments.value("rounds", 5)
    let options = ArchiveConfig.standard.reading
    var perPage: [Double] = []
    for file in arguments.files {
        guard let data = FileManager.default.contents(atPath: file) else {
            print("\(file): cannot be read")
            continue
        }
        let bytes = Array(data)
        var times: [Double] = []
        for _ in 0..<rounds {
            times.append(milliseconds { _ = try? RevisionReader.read(bytes, format: .html, options: options) })
        }
        times.sort()
        perPage.append(percentile(times, 0.5))
    }
    perPage.sort()
    print(String(format: "reading %d pages in-process: median %.2f ms, p95 %.2f ms, max %.2f ms a page",
                 perPage.count, percentile(perPage, 0.5), percentile(perPage, 0.95), perPage.last ?? 0))
}

/// A deterministic pseudo-random sequence (LCG), so every run builds the same pairs.
struct Sequence64 {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int(truncatingIfNeeded: state >> 33) % max(bound, 1)
    }
}

/// Typical update edits: figures changed, words reworded, paragraphs added, removed, moved,
/// split and merged.
func edited(_ old: [String], pool: [String], random: inout Sequence64, changes: Int, moves: Int,
            splitsAndMerges: Int, additions: Int, removals: Int) -> [String] {
    var new = old
    for _ in 0..<changes {
        let index = random.next(new.count)
        var words = new[index].split(separator: " ").map(String.init)
        for _ in 0..<3 {
            let position = random.next(words.count)
            words[position] = words[position].first?.isNumber == true
                ? String(random.next(9_000) + 10)
                : ["reportedly", "officials", "confirmed", "more"][random.next(4)]
        }
        new[index] = words.joined(separator: " ")
    }
    for step in 0..<splitsAndMerges where new.count > 2 {
        let index = random.next(new.count - 1)
        if step % 2 == 0 {
            let words = new[index].split(separator: " ")
            guard words.count > 8 else { continue }
            let cut = words.count / 2
            new.replaceSubrange(index...index, with: [words[..<cut].joined(separator: " "),
                                                      words[cut...].joined(separator: " ")])
        } else {
            new.replaceSubrange(index...(index + 1), with: [new[index] + " " + new[index + 1]])
        }
    }
    for _ in 0..<moves where new.count > 2 {
        let paragraph = new.remove(at: random.next(new.count))
        new.insert(paragraph, at: random.next(new.count))
    }
    for _ in 0..<removals where new.count > 1 { new.remove(at: random.next(new.count)) }
    for _ in 0..<additions { new.insert(pool[random.next(pool.count)], at: random.next(new.count + 1)) }
    return new
}

func benchDiff(_ arguments: Arguments, root: URL) {
    let rounds = arguments.value("rounds", 50)
    let pool = corpusParagraphs(root: root)
    var random = Sequence64(state: 20_210_311)
    let article = articles(count: 1, words: 1500, from: pool)[0]
    let large = (0..<200).map { _ in pool[random.next(pool.count)] + " " + pool[random.next(pool.count)] }
    let pairs: [(String, [String], [String])] = [
        ("article-1500-words", article,
         edited(article, pool: pool, random: &random, changes: 4, moves: 1, splitsAndMerges: 0, additions: 2,
                removals: 1)),
        ("200-paragraphs-20-moves-10-splits-merges", large,
         edited(large, pool: pool, random: &random, changes: 10, moves: 20, splitsAndMerges: 10, additions: 5,
                removals: 5)),
    ]
    // A pair of real size from self-written copy (scripts/bench-data): the lede rewritten and a
    // third of the paragraphs changed by an editor's rewrites, parsed from text like a revision.
    let realSize = realSizePair(root: root)
    let out = arguments.files.first.map { URL(fileURLWithPath: $0) }
    if let out { try? FileManager.default.createDirectory(at: out, withIntermediateDirectories: true) }
    // `--only N` runs the N-th pair alone (0-based; the real-size pair is 2), for a profiler.
    let all = pairs + (realSize.map { [("real-size-rewritten-lede", $0.old, $0.new)] } ?? [])
    let only = arguments.value("only", -1)
    for (name, old, new) in all.indices.filter({ only < 0 || $0 == only }).map({ all[$0] }) {
        var times: [Double] = []
        var diff: ParagraphDiff?
        for _ in 0..<rounds { times.append(milliseconds { diff = ParagraphAligner.diff(old: old, new: new) }) }
        times.sort()
        let words = old.joined(separator: " ").split(separator: " ").count
        let summary = diff.map { d in
            ParagraphOp.Kind.allCases.map { "\($0.rawValue) \(d.count($0))" }.joined(separator: ", ")
        } ?? ""
        print(String(format: "writethru  %@ (%d paragraphs, %d words): median %.2f ms, p95 %.2f ms",
                     name, old.count, words, percentile(times, 0.5), percentile(times, 0.95)))
        // Sentence alignment, claims and the advisory audit on top of the paragraph diff.
        var fullTimes: [Double] = []
        var claimCount = 0
        let advisory = Advisory(text: "(Adds comment, updates figures in paragraph 3)")
        for _ in 0..<rounds {
            fullTimes.append(milliseconds {
                let paragraphs = ParagraphAligner.diff(old: old, new: new)
                let claims = SentenceAligner.claimChanges(paragraphs, old: old, new: new)
                _ = AdvisoryAuditor.audit(advisory: advisory, tag: "UPDATE 2", claims: claims)
                claimCount = claims.count
            })
        }
        fullTimes.sort()
        // Parse (the two revisions read from their bytes) + diff + claims + audit.
        var parsedTimes: [Double] = []
        if let realSize, name == "real-size-rewritten-lede" {
            let options = ArchiveConfig.standard.reading
            for _ in 0..<rounds {
                parsedTimes.append(milliseconds {
                    guard let before = try? RevisionReader.readOne(realSize.oldBytes, options: options),
                          let after = try? RevisionReader.readOne(realSize.newBytes, options: options) else { return }
                    let paragraphs = ParagraphAligner.diff(old: before.paragraphs, new: after.paragraphs)
                    let claims = SentenceAligner.claimChanges(paragraphs, old: before.paragraphs, new: after.paragraphs)
                    _ = AdvisoryAuditor.audit(advisory: advisory, tag: "UPDATE 2", claims: claims)
                })
            }
            parsedTimes.sort()
            print(String(format: "           parse + diff + claims + audit: median %.2f ms, p95 %.2f ms",
                         percentile(parsedTimes, 0.5), percentile(parsedTimes, 0.95)))
        }
        print(String(format: "           + sentences, claims, audit: median %.2f ms, p95 %.2f ms "
                         + "(%d claim changes; adds %.2f ms at p95)",
                     percentile(fullTimes, 0.5), percentile(fullTimes, 0.95), claimCount,
                     percentile(fullTimes, 0.95) - percentile(times, 0.95)))
        print("           \(summary)")
        if let out {
            let pair: [String: Any] = [
                "name": name, "old": old, "new": new,
                "oldTokens": WordTokenizer.tokens(old.joined(separator: "\n")).map(\.body),
                "newTokens": WordTokenizer.tokens(new.joined(separator: "\n")).map(\.body),
                "writethru": ["median": percentile(times, 0.5), "p95": percentile(times, 0.95)],
                "pipeline": parsedTimes.isEmpty ? [:] : ["median": percentile(parsedTimes, 0.5),
                                                        "p95": percentile(parsedTimes, 0.95)],
            ]
            if let data = try? JSONSerialization.data(withJSONObject: pair, options: [.sortedKeys]) {
                try? data.write(to: out.appendingPathComponent(name + ".json"))
            }
        }
    }
}

/// scripts/bench-data/harbour-old.txt and -new.txt (self-written, public domain): a headline,
/// then paragraphs; the old and new version's bytes and the paragraphs the reader gives.
func realSizePair(root: URL) -> (old: [String], new: [String], oldBytes: [UInt8], newBytes: [UInt8])? {
    let folder = root.appendingPathComponent("scripts/bench-data")
    let options = ArchiveConfig.standard.reading
    guard let old = FileManager.default.contents(atPath: folder.appendingPathComponent("harbour-old.txt").path),
          let new = FileManager.default.contents(atPath: folder.appendingPathComponent("harbour-new.txt").path),
          let before = try? RevisionReader.readOne(Array(old), options: options),
          let after = try? RevisionReader.readOne(Array(new), options: options) else { return nil }
    return (before.paragraphs, after.paragraphs, Array(old), Array(new))
}

/// Headline, authors and publication time of the annotated benchmark pages
/// (Tests/StoryTextTests/Fixtures/page-metadata.json) against what `PageMetadata` reads from
/// them in ../shared/benchmarks/article-extraction/html.
func benchMetadata(_ arguments: Arguments, root: URL) {
    let fixture = root.appendingPathComponent("Tests/StoryTextTests/Fixtures/page-metadata.json")
    let pages = root.appendingPathComponent("../shared/benchmarks/article-extraction/html").standardized
    guard let data = FileManager.default.contents(atPath: fixture.path),
          let annotations = try? JSONDecoder().decode([String: MetadataAnnotation].self, from: data) else {
        print("cannot read \(fixture.path)")
        exit(66)
    }
    if arguments.value("all", 0) > 0 {
        // Every page of the benchmark, annotated or not: what the reader makes of each.
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: pages.path)) ?? []).sorted()
        for name in names where name.hasSuffix(".html.gz") {
            guard let html = Fixtures.gunzip(pages.appendingPathComponent(name)),
                  let metadata = try? PageMetadata(html: html) else { continue }
            print(name.prefix(12), metadata.headline ?? "-", "|", metadata.authors.joined(separator: "; "), "|",
                  metadata.published?.iso8601 ?? "-")
        }
        return
    }
    var score = MetadataScore()
    var times: [Double] = []
    for (id, annotation) in annotations.sorted(by: { $0.key < $1.key }) {
        guard let html = Fixtures.gunzip(pages.appendingPathComponent(id + ".html.gz")) else {
            print("cannot read the page \(id) in \(pages.path)")
            exit(66)
        }
        var metadata: PageMetadata?
        times.append(milliseconds { metadata = try? PageMetadata(html: html) })
        guard let metadata else {
            // A page the reader cannot decode counts as read with nothing found.
            score.add(annotation, headline: nil, authors: [], published: nil)
            if arguments.value("verbose", 0) > 0 { print(id.prefix(12), "not read: the page could not be decoded") }
            continue
        }
        let misses = score.add(annotation, metadata)
        if arguments.value("verbose", 0) > 0 {
            for miss in misses { print(id.prefix(12), miss) }
        }
    }
    times.sort()
    print(score.summary)
    print(String(format: "metadata reading (parse included): median %.2f ms, p95 %.2f ms",
                 percentile(times, 0.5), percentile(times, 0.95)))
}

let arguments = Arguments(CommandLine.arguments)
let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
switch arguments.command {
case "sentences": benchSentences(arguments, root: root)
case "parse": benchParse(arguments)
case "reading": benchReading(arguments)
case "diff": benchDiff(arguments, root: root)
case "metadata": benchMetadata(arguments, root: root)
case "eval": benchEval(arguments)
case "golden-rules": benchGoldenRules()
case "serve-capture": benchServeCapture(arguments, root: root)
default:
    print("usage: writethru-bench sentences [--articles N] [--rounds N] [--words N] "
          + "| parse FILE... [--rounds N] | reading PAGE... [--rounds N] | diff [OUT-DIR] [--rounds N] "
          + "| metadata [--verbose 1] [--all 1] | eval [--verbose 1] | golden-rules | serve-capture [--pages N]")
    exit(64)
}
