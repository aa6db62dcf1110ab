import StoryText
import TestSupport

/// `writethru-bench golden-rules`: the segmenter's score on the 48 English Golden Rules
/// (../shared/benchmarks/sentence-golden-rules.json, through `GoldenRules`), as
/// "Writethru: N/48" and each failing rule; `make golden-rules` prints pySBD's beside it
/// (scripts/golden_rules_peer.py).
func benchGoldenRules() {
    let score = GoldenRules.score(SentenceSegmenter.sentences)
    print("Writethru: \(score.passed)/\(score.total)")
    for failure in score.failures { print(failure) }
}
