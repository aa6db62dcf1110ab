import Foundation
import StoryText

/// The sentences of paragraphs recently split, by the paragraph's hash: the versions of a
/// story repeat most paragraphs, so an import splits each paragraph once instead of once per
/// version that prints it. Bounded (`capacity` paragraphs; emptied when full), shared by the
/// threads that read inputs.
final class ParagraphSentences: @unchecked Sendable {
    static let shared = ParagraphSentences()
    static let capacity = 32_768

    private let lock = NSLock()
    private var known: [UInt64: [String]] = [:]

    /// - Complexity: O(1) for a paragraph split before; else the segmenter's O(n).
    func sentences(of paragraph: String, hash: UInt64) -> [String] {
        if let cached = lock.withLock({ known[hash] }) { return cached }
        let split = SentenceSegmenter.sentences(paragraph)
        lock.withLock {
            if known.count >= Self.capacity { known.removeAll(keepingCapacity: true) }
            known[hash] = split
        }
        return split
    }
}
