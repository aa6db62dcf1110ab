import Foundation
import StoryText
import TestSupport

/// `writethru-bench eval` (`make eval`, docs/judgement.md): the judgement corpus's agreement per
/// class and per group, the link precision, recall and F1 over its link cases, and the score on
/// the English Golden Rules of sentence segmentation. With `--verbose 1`, every disagreement;
/// with a folder, that folder's `*.jsonl` cases instead of the project's (a desk's own corpus).
func benchEval(_ arguments: Arguments) {
    let cases: [JudgementCase]
    let folder = arguments.files.first.map { URL(fileURLWithPath: $0) } ?? JudgementCorpus.folder
    do { cases = try JudgementCorpus.load(from: folder) } catch {
        let reason = error is JudgementCorpus.CorpusError ? "\(error)" : "cannot read the folder \(folder.path)"
        FileHandle.standardError.write(Data("writethru-bench: \(reason)\n".utf8))
        exit(65)
    }
    var byClass: [String: (agree: Int, total: Int)] = [:]
    var expectedLinks = 0, foundLinks = 0, correctLinks = 0
    var failures: [String] = []
    for item in cases {
        let outcome = JudgementCorpus.evaluate(item)
        byClass[item.class, default: (0, 0)].total += 1
        if outcome.passed { byClass[item.class, default: (0, 0)].agree += 1 } else { failures.append(outcome.detail) }
        expectedLinks += outcome.expectedLinks
        foundLinks += outcome.foundLinks
        correctLinks += outcome.correctLinks
    }
    func row(_ name: String, _ count: (agree: Int, total: Int)) -> String {
        "  " + name.padding(toLength: max(44, name.count), withPad: " ", startingAt: 0)
            + String(format: " %4d / %-4d %6.1f%%", count.agree, count.total,
                     100 * Double(count.agree) / Double(max(count.total, 1)))
    }
    print("== Judgement corpus: \(cases.count) cases (\(folder.path))")
    var groups: [String: (agree: Int, total: Int)] = [:]
    for (name, count) in byClass {
        let group = String(name.split(separator: "/").first ?? Substring(name))
        groups[group, default: (0, 0)].agree += count.agree
        groups[group, default: (0, 0)].total += count.total
    }
    for (group, count) in groups.sorted(by: { $0.key < $1.key }) {
        print(row(group, count))
        for (name, classCount) in byClass.sorted(by: { $0.key < $1.key }) where name.hasPrefix(group + "/") {
            print("  " + row(name, classCount))
        }
    }
    let total = (agree: cases.count - failures.count, total: cases.count)
    print(row("all", total))
    let precision = Double(correctLinks) / Double(max(foundLinks, 1))
    let recall = Double(correctLinks) / Double(max(expectedLinks, 1))
    let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    print(String(format: "links: %d expected, %d found, %d correct: precision %.1f%%, recall %.1f%%, F1 %.1f",
                 expectedLinks, foundLinks, correctLinks, 100 * precision, 100 * recall, 100 * f1))
    if arguments.value("verbose", 0) > 0 { for failure in failures { print(failure) } }
    print("== English Golden Rules (../shared/benchmarks/sentence-golden-rules.json)")
    benchGoldenRules()
}
