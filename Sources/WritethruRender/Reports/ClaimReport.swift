import StoryDiff
import StoryText
import Writethru

/// Renderings of claim changes (`writethru claims`) and of the claims of one revision
/// (`writethru parse --claims`).
public enum ClaimReport {
    public static func render(_ comparison: Comparison, format: OutputFormat,
                              minimum: ClaimChange.Significance) -> String {
        let changes = comparison.claims.filter { $0.significance >= minimum }
        switch format {
        case .json:
            return JSONOutput.render(ClaimsJSON(changes: changes.map(ClaimJSON.init)))
        case .text:
            var out = "--- " + DiffReport.label(comparison.from) + "\n+++ " + DiffReport.label(comparison.to) + "\n"
            out += "\(changes.count) claim changes\n"
            for change in changes {
                out += "\n¶\(change.paragraph)  \(change.significance.rawValue)  \(change.kind.rawValue): "
                    + change.reason + "\n"
                if let old = change.old { out += "  - " + old + "\n" }
                if let new = change.new { out += "  + " + new + "\n" }
            }
            return out
        }
    }

    /// The claims of each sentence of one revision (`parse --claims`).
    public static func claims(of paragraphs: [String], format: OutputFormat) -> String {
        let sentences = paragraphs.enumerated().flatMap { number, paragraph in
            ClaimExtractor.claims(ofParagraph: SentenceSegmenter.sentences(paragraph)).map { (number + 1, $0) }
        }
        switch format {
        case .json:
            return JSONOutput.render(sentences.map { SentenceClaimsJSON(paragraph: $0, claim: $1) })
        case .text:
            var out = ""
            for (number, claim) in sentences {
                out += "¶\(number)  " + claim.sentence + "\n"
                let slots: [(String, [String])] = [
                    ("quantity", claim.quantities.map(approximated)),
                    ("date", claim.dates), ("attribution", claim.attributions.map { "\($0.source) (\($0.cue))" }),
                    ("quote", claim.quotes), ("name", claim.entities), ("title", claim.titles),
                    ("negation", claim.negations), ("hedge", claim.hedges),
                ]
                for (label, values) in slots where !values.isEmpty {
                    out += "      " + label + ": " + values.joined(separator: "; ") + "\n"
                }
            }
            return out
        }
    }

    /// A quantity as printed with its approximator: "at least 12". The text already starts
    /// with it when the sentence prints it there ("more than a million Uighurs").
    static func approximated(_ quantity: Claim.Quantity) -> String {
        if quantity.approximator.isEmpty || quantity.text.lowercased().hasPrefix(quantity.approximator) {
            return quantity.text
        }
        return quantity.approximator + " " + quantity.text
    }
}
