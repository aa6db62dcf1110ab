// Benchmarks that print figures (docs/benchmarks.md). Not a test: run it on a quiet machine.
//
//   swift run -c release writethru-bench sentences [--articles N] [--rounds N] [--words N]
//   swift run -c release writethru-bench parse FILE... [--rounds N]
import Foundation
import StoryText
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
    if let data = FileManager.default.contents(atPath: root.appendingPathComponent("Tests/StoryTextTests/Fixtures/sentences.json").path),
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
    print("sentence segmentation: \(count) articles of ~\(words) words (first: \(wordCount) words, \(sentences) sentences), \(rounds) rounds")
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

let arguments = Arguments(CommandLine.arguments)
let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
switch arguments.command {
case "sentences": benchSentences(arguments, root: root)
case "parse": benchParse(arguments)
default:
    print("usage: writethru-bench sentences [--articles N] [--rounds N] [--words N] | parse FILE... [--rounds N]")
    exit(64)
}
