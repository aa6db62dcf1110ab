import Foundation

/// A string as a dictionary key by its UTF-8 bytes: hashed once when the key is made (a table
/// that grows rehashes every key it holds, and hashing a `String` checks its normalisation
/// first), equal when the bytes are. For memos of long texts (paragraphs, class values) whose
/// answers are worked out on bytes anyway.
///
/// - Complexity: O(n) to make for n bytes; O(1) to hash; O(n) to compare equal hashes.
struct ByteKey: Hashable, Sendable {
    let text: String
    private let hash: Int

    init(_ text: String) {
        self.text = text
        var hasher = Hasher()
        var copy = text
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hash = hasher.finalize()
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    static func == (a: ByteKey, b: ByteKey) -> Bool {
        guard a.hash == b.hash, a.text.utf8.count == b.text.utf8.count else { return false }
        var (left, right) = (a.text, b.text)
        return left.withUTF8 { l in
            right.withUTF8 { r in
                guard let lBase = l.baseAddress, let rBase = r.baseAddress else { return l.count == r.count }
                return memcmp(lBase, rBase, l.count) == 0
            }
        }
    }
}
