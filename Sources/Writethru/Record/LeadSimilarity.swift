import Foundation
import StoryText

enum LeadSimilarity {
    /// Word trigrams of the first three paragraphs, lower case.
    static func shingles(_ paragraphs: [String]) -> Set<String> {
        let words = paragraphs.prefix(3).joined(separator: " ").lowercased().split { !$0.isLetter && !$0.isNumber }
        guard words.count >= 3 else { return Set(words.map(String.init)) }
        return Set((0...(words.count - 3)).map { words[$0..<($0 + 3)].joined(separator: " ") })
    }

    static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        let union = a.union(b).count
        return union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
    }
}
