/// What any match of a regular expression must contain: one of a few literal strings, read
/// from the expression's source (as RE2 and ripgrep prefilter with the literals a pattern
/// requires). A text that holds none of them cannot match, so the expression need not run,
/// nor even be compiled: ICU's regular-expression engine costs 8 million instructions to set
/// up, the largest part of a short command's own work (docs/decisions/0025).
///
/// The reading is conservative: anything it does not understand (back-references, `\Q...\E`,
/// code-point escapes, inline options other than `i`) gives no literals, and the expression
/// always runs. Under `(?i)` the literals are compared in ASCII lower case, and a text with a
/// character whose case folding is ASCII letters ("ſ", the Kelvin sign, "ß", ligatures) may
/// always match.
struct RequiredLiterals: Sendable, Equatable {
    /// At least one of these is in every match.
    let alternatives: [String]
    /// Compared without regard to ASCII case.
    let caseInsensitive: Bool
    /// The alternatives' bytes in lower case, for the case-insensitive search.
    private let loweredNeedles: [[UInt8]]

    /// The literals of `pattern`, or nil when none can be read.
    ///
    /// - Complexity: O(p) for a pattern of p characters.
    init?(pattern: String) {
        var reader = Reader(Array(pattern.unicodeScalars))
        guard let set = reader.alternation(), reader.atEnd, !reader.failed,
              !set.isEmpty, set.allSatisfy({ !$0.isEmpty }) else { return nil }
        caseInsensitive = reader.caseInsensitive
        if caseInsensitive, set.contains(where: { !$0.unicodeScalars.allSatisfy(\.isASCII) }) { return nil }
        alternatives = set.sorted()
        loweredNeedles = alternatives.map { Array($0.lowercased().utf8) }
    }

    /// Whether a text may match: it holds one of the literals (or, under `(?i)`, a character
    /// whose case folding could stand for one).
    ///
    /// - Complexity: O(n · k) for a text of n bytes and k literals; no allocation.
    func mayMatch(_ text: String) -> Bool {
        guard caseInsensitive else { return alternatives.contains { text.containsBytes($0) } }
        if text.utf8.contains(where: { $0 >= 0x80 }),
           text.unicodeScalars.contains(where: { Self.foldsToASCII.contains($0.value) }) { return true }
        var text = text
        return text.withUTF8 { bytes in loweredNeedles.contains { Self.contains(bytes, foldedTo: $0) } }
    }

    /// Characters whose full case folding is only ASCII letters: ſ, ß, ẞ, İ, the Kelvin sign,
    /// and the Latin ligatures ﬀ to ﬆ.
    static let foldsToASCII: Set<UInt32> = [0x017F, 0x00DF, 0x1E9E, 0x0130, 0x212A,
                                            0xFB00, 0xFB01, 0xFB02, 0xFB03, 0xFB04, 0xFB05, 0xFB06]

    /// Whether `bytes`, ASCII capitals read as lower case, hold `needle` (lower case).
    static func contains(_ bytes: UnsafeBufferPointer<UInt8>, foldedTo needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard needle.count <= bytes.count else { return false }
        func lowered(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
        for start in 0...(bytes.count - needle.count) where lowered(bytes[start]) == first {
            if (1..<needle.count).allSatisfy({ lowered(bytes[start + $0]) == needle[$0] }) { return true }
        }
        return false
    }

    /// A recursive-descent reading of the pattern's structure: a sequence of atoms, each a
    /// literal character, a group (its alternatives), or something that matches unknown text.
    private struct Reader {
        let scalars: [Unicode.Scalar]
        var position = 0
        var failed = false
        var caseInsensitive = false

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var atEnd: Bool { position >= scalars.count }
        func peek(_ offset: Int = 0) -> Unicode.Scalar? {
            position + offset < scalars.count ? scalars[position + offset] : nil
        }

        /// Branches separated by `|`: the union of each branch's literals, nil when one branch
        /// has none.
        mutating func alternation() -> [String]? {
            // A branch without literals can match anything, and then so can the alternation.
            func required(_ branch: [String]?) -> [String]? { branch.flatMap { $0.isEmpty ? nil : $0 } }
            var result = required(sequence())
            while peek() == "|" {
                position += 1
                let branch = required(sequence())
                result = result.flatMap { mine in branch.map { mine + $0 } }
            }
            return result.map { Array(Set($0)) }
        }

        /// One branch: the best literal set among its atoms (the one whose shortest literal is
        /// longest), runs of literal characters joined into strings.
        mutating func sequence() -> [String]? {
            var best: [String]? = nil
            var run = ""
            func consider(_ candidate: [String]?) {
                guard let candidate, !candidate.isEmpty else { return }
                let shortest = candidate.map(\.count).min() ?? 0
                if shortest > (best?.map(\.count).min() ?? 0) { best = candidate }
            }
            func endRun() {
                if !run.isEmpty { consider([run]) }
                run = ""
            }
            while let scalar = peek(), scalar != "|", scalar != ")" {
                guard let atom = atom() else { return nil }
                let (minimum, repeats) = quantifier()
                switch atom {
                case .literal(let character):
                    if minimum == 0 {
                        endRun()
                    } else {
                        run.unicodeScalars.append(character)
                        if repeats { endRun() }
                    }
                case .group(let literals):
                    endRun()
                    if minimum > 0 { consider(literals) }
                case .other:
                    endRun()
                }
                if failed { return nil }
            }
            endRun()
            return best ?? []
        }

        enum Atom {
            case literal(Unicode.Scalar)
            case group([String]?)
            case other
        }

        mutating func atom() -> Atom? {
            guard let scalar = peek() else { return nil }
            position += 1
            switch scalar {
            case "(":
                return group()
            case "[":
                skipClass()
                return .other
            case ".", "^", "$":
                return .other
            case "\\":
                return escape()
            case "*", "+", "?", "{":
                failed = true
                return nil
            default:
                return .literal(scalar)
            }
        }

        mutating func group() -> Atom? {
            var literals: [String]? = nil
            var lookaround = false
            if peek() == "?" {
                position += 1
                switch peek() {
                case ":":
                    position += 1
                case "=", "!":
                    position += 1
                    lookaround = true
                case "<" where peek(1) == "=" || peek(1) == "!":
                    position += 2
                    lookaround = true
                case "<":
                    // A named group: (?<name>...)
                    while let next = peek(), next != ">" { position += 1 }
                    position += 1
                case "i":
                    // (?i) for what follows, or (?i:...) for the group.
                    position += 1
                    caseInsensitive = true
                    if peek() == ")" {
                        position += 1
                        return .other
                    }
                    guard peek() == ":" else {
                        failed = true
                        return nil
                    }
                    position += 1
                default:
                    failed = true
                    return nil
                }
            }
            literals = alternation()
            guard peek() == ")" else {
                failed = true
                return nil
            }
            position += 1
            return lookaround ? .other : .group(literals)
        }

        /// A bracketed set, nested sets and escapes inside included.
        mutating func skipClass() {
            var depth = 1
            if peek() == "^" { position += 1 }
            if peek() == "]" { position += 1 }
            while let scalar = peek(), depth > 0 {
                position += 1
                if scalar == "\\" { position += 1 } else if scalar == "[" { depth += 1 } else if scalar == "]" { depth -= 1 }
            }
            if depth > 0 { failed = true }
        }

        mutating func escape() -> Atom? {
            guard let scalar = peek() else {
                failed = true
                return nil
            }
            position += 1
            switch scalar {
            case "d", "D", "s", "S", "w", "W", "b", "B", "A", "z", "Z", "G", "h", "H", "v", "V", "R", "X":
                return .other
            case "p", "P":
                if peek() == "{" {
                    while let next = peek(), next != "}" { position += 1 }
                    position += 1
                } else {
                    position += 1
                }
                return .other
            default:
                if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                    // \t, \n, \x41, \u0041, \N{...}, \Q...\E, back-references: not read.
                    failed = true
                    return nil
                }
                return .literal(scalar)
            }
        }

        /// The quantifier after an atom: its minimum count and whether it may repeat.
        mutating func quantifier() -> (minimum: Int, repeats: Bool) {
            var result = (minimum: 1, repeats: false)
            switch peek() {
            case "?": result = (0, false)
            case "*": result = (0, true)
            case "+": result = (1, true)
            case "{":
                var digits = ""
                var offset = 1
                while let next = peek(offset), ("0"..."9").contains(next) {
                    digits.unicodeScalars.append(next)
                    offset += 1
                }
                guard !digits.isEmpty, let minimum = Int(digits) else {
                    failed = true
                    return result
                }
                while let next = peek(offset), next != "}" { offset += 1 }
                position += offset
                result = (minimum, true)
            default:
                return result
            }
            position += 1
            // Lazy and possessive forms.
            if peek() == "?" || peek() == "+" { position += 1 }
            return result
        }
    }
}
