/// Cuts texts into `DiffSequence`s with one id space for all of them (`TokenInterner`), and,
/// when asked, the key words of each (`ParagraphAlignment`: numbers and words of at least
/// `keyWordLength` characters, lower case, as ids of their own). What a token's kind and body
/// say (slight, key) is worked out once per distinct body.
///
/// - Complexity: O(c) for c bytes of text, expected (one scan, one hash and probe per token).
struct SequenceBuilder {
    /// What an interned body says about its token, for the kind it was first seen with.
    struct Facts {
        var kind: WordToken.Kind
        var slight: Bool
        /// The key word's id, or -1 when the token is not a key word.
        var key: Int
    }

    private(set) var interner: TokenInterner
    private var keyInterner: TokenInterner
    private var facts: [Facts] = []
    /// The longest token (body and whitespace, in scalars) of each id.
    private(set) var longest: [Int] = []
    /// Key words are looked for when not nil.
    let keyWordLength: Int?
    private var lowered: [UInt8] = []
    /// A token's id, length, end, slight mark and key, written for one text at a time.
    private struct Buffers {
        var ids: [Int] = []
        var lengths: [Int] = []
        var ends: [Int] = []
        var slights: [Bool] = []
        var keys: [Int] = []
    }
    private var buffers = Buffers()

    init(capacity: Int, keyWordLength: Int?) {
        interner = TokenInterner(capacity: capacity)
        keyInterner = TokenInterner(capacity: keyWordLength == nil ? 0 : capacity / 2)
        self.keyWordLength = keyWordLength
        facts.reserveCapacity(capacity)
        longest.reserveCapacity(capacity)
    }

    /// The number of ids given so far.
    var idCount: Int { interner.idCount }
    /// The number of key ids given so far.
    var keyCount: Int { keyInterner.idCount }

    /// The sequence of `text`, and its key word ids (distinct, sorted; empty unless asked for).
    mutating func sequence(_ text: String) -> (DiffSequence, keys: [Int]) {
        var result = DiffSequence(text: text)
        var text = text
        // A token holds at least one byte, so buffers of the text's byte count hold its tokens:
        // written through raw pointers (no capacity or uniqueness check per token), then copied
        // out at the count found. They are the builder's, kept from text to text (taken out of it
        // while in use).
        let capacity = text.utf8.count
        if buffers.ids.count < capacity {
            let size = max(capacity, 2 * buffers.ids.count)
            buffers = Buffers(ids: [Int](repeating: 0, count: size), lengths: [Int](repeating: 0, count: size),
                              ends: [Int](repeating: 0, count: size), slights: [Bool](repeating: false, count: size),
                              keys: [Int](repeating: 0, count: size))
        }
        var taken = Buffers()
        swap(&taken, &buffers)
        defer { swap(&taken, &buffers) }
        var count = 0
        var keysFound = 0
        var characters = 0
        text.withUTF8 { bytes in
            let ascii = Self.isASCII(bytes)
            taken.ids.withUnsafeMutableBufferPointer { ids in
                taken.lengths.withUnsafeMutableBufferPointer { lengths in
                    taken.ends.withUnsafeMutableBufferPointer { ends in
                        taken.slights.withUnsafeMutableBufferPointer { slights in
                            taken.keys.withUnsafeMutableBufferPointer { keys in
                                var scanner = ByteTokenScanner(bytes)
                                while let span = scanner.next() {
                                    let body = UnsafeBufferPointer(rebasing: bytes[span.start..<span.bodyEnd])
                                    let (entry, isNew) = interner.entry(body, hash: TokenInterner.hash(body))
                                    let id = interner.ids[entry]
                                    if isNew {
                                        facts.append(Self.facts(body, kind: span.kind, keyWordLength: keyWordLength,
                                                                &self))
                                    }
                                    var known = facts[entry]
                                    if known.kind != span.kind {
                                        known = Self.facts(body, kind: span.kind, keyWordLength: keyWordLength, &self)
                                    }
                                    let length = ascii ? span.end - span.start : scanner.scalarCount(span.start, span.end)
                                    if id == longest.count {
                                        longest.append(length)
                                    } else if length > longest[id] {
                                        longest[id] = length
                                    }
                                    ids[count] = id
                                    lengths[count] = length
                                    slights[count] = known.slight
                                    ends[count] = span.end
                                    count += 1
                                    characters += length
                                    if known.key >= 0 {
                                        keys[keysFound] = known.key
                                        keysFound += 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        result.ids = Array(taken.ids[0..<count])
        result.lengths = Array(taken.lengths[0..<count])
        result.ends = Array(taken.ends[0..<count])
        result.slight = Array(taken.slights[0..<count])
        result.characters = characters
        var keys = Array(taken.keys[0..<keysFound])
        if keys.count > 1 {
            keys.sort()
            var write = 1
            for read in 1..<keys.count where keys[read] != keys[write - 1] {
                keys[write] = keys[read]
                write += 1
            }
            keys.removeLast(keys.count - write)
        }
        return (result, keys)
    }

    /// Whether every byte is ASCII (eight at a time).
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(bytes)
        var high: UInt64 = 0
        var index = 0
        while index + 8 <= raw.count {
            high |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < raw.count {
            high |= UInt64(raw[index])
            index += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    /// Slight and key of a token of `kind` with this body.
    private static func facts(_ body: UnsafeBufferPointer<UInt8>, kind: WordToken.Kind, keyWordLength: Int?,
                              _ builder: inout SequenceBuilder) -> Facts {
        let slight = WordDiffer.isSlight(kind: kind, body: body)
        guard let length = keyWordLength else { return Facts(kind: kind, slight: slight, key: -1) }
        let ascii = body.allSatisfy { $0 < 0x80 }
        // A body has no more characters than bytes, and an ASCII body as many.
        let isKey = kind == .number
            || (kind == .word && body.count >= length
                && (ascii || String(decoding: body, as: UTF8.self).count >= length))
        guard isKey else { return Facts(kind: kind, slight: slight, key: -1) }
        let entry: Int
        if ascii {
            var lowered: [UInt8] = []
            swap(&lowered, &builder.lowered)
            lowered.removeAll(keepingCapacity: true)
            for byte in body { lowered.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
            entry = lowered.withUnsafeBufferPointer { lowered in
                builder.keyInterner.entry(lowered, hash: TokenInterner.hash(lowered)).index
            }
            swap(&lowered, &builder.lowered)
        } else {
            var lowered = String(decoding: body, as: UTF8.self).lowercased()
            entry = lowered.withUTF8 { lowered in
                builder.keyInterner.entry(lowered, hash: TokenInterner.hash(lowered)).index
            }
        }
        return Facts(kind: kind, slight: slight, key: builder.keyInterner.ids[entry])
    }
}
