import Foundation

/// The 48 English Golden Rules of sentence segmentation (the pySBD / Pragmatic Segmenter test
/// set), kept in `../shared/benchmarks/sentence-golden-rules.json` beside the clone (CI lays
/// `shared/` there; the file is never copied into the project): a JSON list of
/// `[text, [expected sentences]]`. Read by `SentenceGoldenRulesTests` (every rule must pass) and
/// usable by `writethru-bench` to print the score; `scripts/golden_rules_peer.py` scores pySBD on
/// the same file.
public enum GoldenRules {
    public static let file = Fixtures.root.deletingLastPathComponent()
        .appendingPathComponent("shared/benchmarks/sentence-golden-rules.json")

    public struct FormatError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Every rule, in file order.
    public static func load() throws -> [(text: String, sentences: [String])] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: file))
        guard let rules = json as? [Any] else {
            throw FormatError(description: "\(file.path): not a JSON list")
        }
        return try rules.enumerated().map { number, rule in
            guard let pair = rule as? [Any], pair.count == 2, let text = pair[0] as? String,
                  let sentences = pair[1] as? [String] else {
                throw FormatError(description: "\(file.path): rule \(number + 1) is not [text, [sentences]]")
            }
            return (text, sentences)
        }
    }

    /// How many rules `segment` gets exactly right, out of how many, and for each rule it gets
    /// wrong its number, its text, what was expected and what came out. A file that cannot be
    /// read scores 0 of 0 with the error as the one failure.
    public static func score(_ segment: (String) -> [String]) -> (passed: Int, total: Int, failures: [String]) {
        let rules: [(text: String, sentences: [String])]
        do {
            rules = try load()
        } catch {
            return (0, 0, ["\(error)"])
        }
        var failures: [String] = []
        for (number, rule) in rules.enumerated() {
            let found = segment(rule.text)
            if found != rule.sentences {
                failures.append("rule \(number + 1): \(rule.text)\n  expected \(rule.sentences)\n  found    \(found)")
            }
        }
        return (rules.count - failures.count, rules.count, failures)
    }
}
