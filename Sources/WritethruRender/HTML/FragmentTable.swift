import Foundation
import WritethruSupport

/// The fragments of HTML the report's pairs share, each held once and named by its number
/// (base 36, in order of first use, so the same report gives the same numbers): a pair held as
/// "0 1 5 1b" is those fragments joined, which the page's script does when the pair is chosen.
struct FragmentTable {
    private var numbers: [String: Int] = [:]
    private var fragments: [String] = []

    /// The number of `fragment`, added to the table when it is new.
    ///
    /// - Complexity: O(n) in the fragment's length (one hash).
    mutating func number(_ fragment: String) -> String {
        if let known = numbers[fragment] { return String(known, radix: 36) }
        let number = fragments.count
        numbers[fragment] = number
        fragments.append(fragment)
        return String(number, radix: 36)
    }

    /// The fragments as a JSON array of strings, safe inside a `<script>` element: `</` is
    /// written `<\/` and `<!--` `<\u0021--`, so no fragment can end the element or open a comment
    /// in it (story text inside a fragment is already HTML-escaped).
    var json: String {
        "[" + fragments.map {
            JSONString.quoted($0).replacingOccurrences(of: "</", with: "<\\/")
                .replacingOccurrences(of: "<!--", with: "<\\u0021--")
        }.joined(separator: ",") + "]"
    }
}
