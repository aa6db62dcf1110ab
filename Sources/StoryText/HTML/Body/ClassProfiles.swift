/// What each element's class, id and `data-component` say, worked out once a page and once a
/// distinct value (values repeat: a page of 5,000 elements has a few hundred distinct class
/// names): whether it is marked as furniture (`Furniture.isMarked`) and its readability weight
/// (`ClassWords.weight`).
///
/// - Complexity: O(n + b) for n nodes and b bytes of distinct attribute values.
struct ClassProfiles {
    /// Soft furniture: a strong furniture word, a weak one with no word naming the article, or a
    /// `<form>`.
    let marked: [Bool]
    /// A strong furniture word (comments, ads, share bars, related links).
    let strong: [Bool]
    /// Hard furniture itself (`Furniture.isHard`), not counting its ancestors.
    let hard: [Bool]
    let weights: [Int]

    /// What the words of one attribute value are.
    struct Words {
        var strong = false, weak = false, positive = false, negative = false

        init(_ value: String) {
            var found = (strong: false, weak: false, positive: false, negative: false)
            ClassWords.forEachWord(value, maximumLength: Self.longestWord) { word in
                guard Self.mayBeListed(word), let flags = Self.flags[String(decoding: word, as: UTF8.self)] else { return }
                found = (found.strong || flags.strong, found.weak || flags.weak, found.positive || flags.positive,
                         found.negative || flags.negative)
            }
            (strong, weak, positive, negative) = found
        }

        /// Readability's class weight of one value: -25 for a negative word, +25 for a positive one.
        var weight: Int { (negative ? -25 : 0) + (positive ? 25 : 0) }

        /// What an element's attribute values say together: a strong word anywhere marks it;
        /// else a weak word does, unless a word names the article.
        static func marks(_ all: [Words]) -> (marked: Bool, strong: Bool) {
            if all.contains(where: \.strong) { return (true, true) }
            return (!all.contains(where: \.positive) && all.contains(where: \.weak), false)
        }

        static let longestWord = flags.keys.map(\.utf8.count).max() ?? 0

        /// Which (length, first byte) pairs the listed words have: most class words ("col",
        /// "md-6", "x1y2z3") are ruled out by one look instead of a hash.
        private static let listedStarts: [Bool] = {
            var table = [Bool](repeating: false, count: (longestWord + 1) * 256)
            for word in flags.keys {
                guard let first = word.utf8.first else { continue }
                table[word.utf8.count * 256 + Int(first)] = true
            }
            return table
        }()

        static func mayBeListed(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
            let length = word.count
            guard length <= longestWord, let first = word.first else { return false }
            return listedStarts[length * 256 + Int(first)]
        }

        private init(strong: Bool, weak: Bool, positive: Bool, negative: Bool) {
            (self.strong, self.weak, self.positive, self.negative) = (strong, weak, positive, negative)
        }

        /// Every listed word with what it says: one hash a word instead of four.
        static let flags: [String: Words] = {
            let all = Furniture.strongMarkers.union(Furniture.weakMarkers).union(ClassWords.positive)
                .union(ClassWords.negative)
            return Dictionary(uniqueKeysWithValues: all.map { word in
                (word, Words(strong: Furniture.strongMarkers.contains(word), weak: Furniture.weakMarkers.contains(word),
                             positive: ClassWords.positive.contains(word), negative: ClassWords.negative.contains(word)))
            })
        }()
    }

    init(_ tree: HTMLTree) {
        var marked = [Bool](repeating: false, count: tree.count)
        var strong = marked
        var hard = marked
        var weights = [Int](repeating: 0, count: tree.count)
        var cache: [String: Words] = [:]
        func words(_ value: String?) -> Words? {
            guard let value, !value.isEmpty else { return nil }
            if let known = cache[value] { return known }
            let found = Words(value)
            cache[value] = found
            return found
        }
        for i in 0..<tree.count where tree.kinds[i] == .element {
            // ASP.NET and similar pages wrap the whole page in one <form>: soft furniture.
            if tree.names[i] == "form" { marked[i] = true }
            hard[i] = Furniture.isHard(tree, i)
            let attributes = tree.attributes[i]
            guard !attributes.isEmpty else { continue }
            // Ids are mostly unique: read, not remembered.
            let classWords = words(attributes["class"]), idWords = attributes["id"].map(Words.init)
            let componentWords = words(attributes["data-component"])
            // `Words.marks` of the three, without an array an element.
            if classWords?.strong == true || idWords?.strong == true || componentWords?.strong == true {
                marked[i] = true
                strong[i] = true
            } else if classWords?.positive != true, idWords?.positive != true, componentWords?.positive != true,
                      classWords?.weak == true || idWords?.weak == true || componentWords?.weak == true {
                marked[i] = true
            }
            var weight = (classWords?.weight ?? 0) + (idWords?.weight ?? 0)
            if attributes["itemprop"] == "articleBody" { weight += 25 }
            weights[i] = weight
        }
        self.marked = marked
        self.strong = strong
        self.hard = hard
        self.weights = weights
    }
}
