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
            var out = "--- " + TerminalSafe.escape(DiffReport.label(comparison.from)) + "\n+++ "
                + TerminalSafe.escape(DiffReport.label(comparison.to)) + "\n"
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

    /// The claims of each sentence of what the reader read (`parse --claims`). An input holding
    /// several revisions (JSON) gives one document still: in JSON an array with one array of
    /// sentences per revision (as `parse` and `sentences` do), in text each revision in turn,
    /// a line `==` between them.
    public static func claims(of revisions: [ReadRevision], format: OutputFormat) -> String {
        let each = revisions.map { sentenceClaims(of: $0.revision.paragraphs) }
        if each.count == 1, let only = each.first { return render(only, format: format) }
        switch format {
        case .json:
            return JSONOutput.render(each.map { $0.map { SentenceClaimsJSON(paragraph: $0, claim: $1) } })
        case .text: return each.map { render($0, format: .text) }.joined(separator: "==\n")
        }
    }

    /// Each sentence's claims, with the number of its paragraph (1 is the first).
    private static func sentenceClaims(of paragraphs: [String]) -> [(Int, Claim)] {
        paragraphs.enumerated().flatMap { number, paragraph in
            ClaimExtractor.claims(ofParagraph: SentenceSegmenter.sentences(paragraph)).map { (number + 1, $0) }
        }
    }

    private static func render(_ sentences: [(Int, Claim)], format: OutputFormat) -> String {
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
