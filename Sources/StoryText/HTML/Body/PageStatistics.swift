/// Per-node measures of a parsed page, each computed in one pass over the flat tree: which
/// nodes are furniture, and for every element the visible text below it (in characters that
/// are not spaces), the part of it inside links, its commas, and counts of the elements that
/// readability-style cleaning looks at.
///
/// - Complexity: O(n) for the tree's n nodes plus O(t) for its t characters of text.
struct PageStatistics {
    let tree: HTMLTree
    /// Hard furniture, or inside it.
    let hidden: [Bool]
    /// Class or id holds a furniture word (the node itself, not its ancestors).
    let marked: [Bool]
    /// Holds (or is) `<article>`, `<main>`, the `articleBody` or the page's `<h1>`: a container
    /// of the story, never furniture whatever its class says.
    let holdsLandmark: [Bool]
    /// Readability's class weight of each element (`ClassWords.weight`).
    let weights: [Int]
    /// Whether each node is an element of `blockTags`, looked up once a node.
    let isBlock: [Bool]
    var textLength: [Int]
    var linkLength: [Int]
    var commas: [Int]
    /// Text whose nearest block-level ancestor is this element (its own paragraph text).
    var ownLength: [Int]
    var ownCommas: [Int]
    var paragraphs: [Int]
    var images: [Int]
    var listItems: [Int]
    var inputs: [Int]
    var embeds: [Int]
    var headingLength: [Int]

    static let blockTags: Set<String> = [
        "#document", "html", "body", "p", "div", "section", "article", "main", "blockquote", "li", "ul", "ol", "dl",
        "dt", "dd", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "pre", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "address", "center", "hr", "figure", "aside", "nav", "footer", "form", "details", "summary",
        "hgroup", "fieldset",
    ]
    static let landmarkTags: Set<String> = ["article", "main", "h1"]

    /// Which soft furniture (elements whose class or id holds a furniture word) counts as
    /// furniture; those holding a landmark never do, nor `<html>` and `<body>`.
    enum SoftFurniture { case all, strong, none }

    init(_ tree: HTMLTree, profiles: ClassProfiles, soft: SoftFurniture) {
        self.tree = tree
        let count = tree.count
        let marked = switch soft {
        case .all: profiles.marked
        case .strong: profiles.strong
        case .none: [Bool](repeating: false, count: count)
        }
        weights = profiles.weights
        var holdsLandmark = [Bool](repeating: false, count: count)
        for i in stride(from: count - 1, through: 1, by: -1) where tree.kinds[i] == .element {
            if tree.facts[i].contains(.landmark) || tree.attributes[i]["itemprop"] == "articleBody"
                || tree.attributes[i]["role"] == "main" {
                holdsLandmark[i] = true
            }
            if holdsLandmark[i] { holdsLandmark[tree.parents[i]] = true }
        }
        var isBlock = [Bool](repeating: false, count: count)
        for i in 0..<count where tree.kinds[i] == .element { isBlock[i] = tree.facts[i].contains(.block) }
        var hidden = [Bool](repeating: false, count: count)
        var inLink = [Bool](repeating: false, count: count)
        var blockOwner = [Int](repeating: 0, count: count)
        for i in 1..<max(1, count) {
            let parent = tree.parents[i]
            let facts = tree.facts[i]
            var drops = false
            if tree.kinds[i] == .element {
                drops = profiles.hard[i]
                    || (marked[i] && !holdsLandmark[i] && !facts.contains(.page))
            }
            hidden[i] = hidden[parent] || drops
            inLink[i] = inLink[parent] || facts.contains(.link)
            blockOwner[i] = isBlock[parent] ? parent : blockOwner[parent]
        }
        var textLength = [Int](repeating: 0, count: count)
        var linkLength = textLength, commas = textLength, ownLength = textLength, ownCommas = textLength
        var paragraphs = textLength, images = textLength, listItems = textLength, inputs = textLength
        var embeds = textLength, headingLength = textLength
        var headingDepth = [Bool](repeating: false, count: count)
        for i in 1..<max(1, count) {
            headingDepth[i] = headingDepth[tree.parents[i]] || tree.facts[i].contains(.heading)
        }
        for i in stride(from: count - 1, through: 1, by: -1) {
            let parent = tree.parents[i]
            if tree.kinds[i] == .text {
                guard !hidden[i] else { continue }
                let (length, commaCount) = Self.measure(tree.texts[i])
                textLength[i] = length
                commas[i] = commaCount
                if inLink[i] { linkLength[i] = length }
                if headingDepth[i] { headingLength[i] = length }
                ownLength[blockOwner[i]] += length
                ownCommas[blockOwner[i]] += commaCount
            } else {
                let facts = tree.facts[i]
                if facts.contains(.paragraph) {
                    paragraphs[i] += 1
                } else if facts.contains(.image) {
                    images[i] += 1
                } else if facts.contains(.listItem) {
                    listItems[i] += 1
                } else if facts.contains(.input) {
                    if !hidden[i] || tree.names[tree.parents[i]] == "form" { inputs[i] += 1 }
                } else if facts.contains(.embed) {
                    embeds[i] += 1
                }
            }
            // Furniture counts nothing towards its ancestors, but its media still do: a gallery
            // of images hidden in a <figure> is still a gallery.
            if !hidden[i] {
                textLength[parent] += textLength[i]
                linkLength[parent] += linkLength[i]
                commas[parent] += commas[i]
                paragraphs[parent] += paragraphs[i]
                listItems[parent] += listItems[i]
                headingLength[parent] += headingLength[i]
            }
            images[parent] += images[i]
            inputs[parent] += inputs[i]
            embeds[parent] += embeds[i]
        }
        self.hidden = hidden
        self.isBlock = isBlock
        self.marked = marked
        self.holdsLandmark = holdsLandmark
        self.textLength = textLength
        self.linkLength = linkLength
        self.commas = commas
        self.ownLength = ownLength
        self.ownCommas = ownCommas
        self.paragraphs = paragraphs
        self.images = images
        self.listItems = listItems
        self.inputs = inputs
        self.embeds = embeds
        self.headingLength = headingLength
    }

    /// Characters that are not spaces, and commas (Latin and CJK), in `text`: Unicode scalars
    /// but tab, line feed, form feed, carriage return, space, U+00A0, U+200B and U+FEFF;
    /// commas are U+002C, U+060C, U+3001 and U+FF0C. Counted on the UTF-8 bytes in place (a
    /// scalar is its lead byte; the few that matter are told by their bytes), as this runs on
    /// every text node of every page.
    ///
    /// - Complexity: O(n) in the text's bytes.
    static func measure(_ text: String) -> (length: Int, commas: Int) {
        let counted = text.utf8.withContiguousStorageIfAvailable { bytes -> (length: Int, commas: Int) in
            var length = 0
            var commas = 0
            let count = bytes.count
            var i = 0
            while i < count {
                let byte = bytes[i]
                if byte < 0x80 {
                    i += 1
                    switch byte {
                    case 0x09, 0x0A, 0x0C, 0x0D, 0x20: continue
                    case 0x2C: commas += 1
                    default: break
                    }
                    length += 1
                    continue
                }
                // A lead byte and its continuation bytes: one scalar.
                var end = i + 1
                while end < count, bytes[end] & 0xC0 == 0x80 { end += 1 }
                let size = end - i
                defer { i = end }
                if size == 2, byte == 0xC2, bytes[i + 1] == 0xA0 { continue }
                if size == 2, byte == 0xD8, bytes[i + 1] == 0x8C { commas += 1 }
                if size == 3 {
                    let (second, third) = (bytes[i + 1], bytes[i + 2])
                    if byte == 0xE2, second == 0x80, third == 0x8B { continue }
                    if byte == 0xEF, second == 0xBB, third == 0xBF { continue }
                    if (byte == 0xE3 && second == 0x80 && third == 0x81) || (byte == 0xEF && second == 0xBC && third == 0x8C) {
                        commas += 1
                    }
                }
                length += 1
            }
            return (length, commas)
        }
        return counted ?? measureScalars(text)
    }

    /// `measure` a scalar at a time, for text whose bytes are not in one piece.
    static func measureScalars(_ text: String) -> (length: Int, commas: Int) {
        var length = 0
        var commas = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0C, 0x0D, 0x20, 0xA0, 0x200B, 0xFEFF: continue
            case 0x2C, 0x060C, 0x3001, 0xFF0C: commas += 1
            default: break
            }
            length += 1
        }
        return (length, commas)
    }

    func linkDensity(_ index: Int) -> Double {
        textLength[index] == 0 ? 0 : Double(linkLength[index]) / Double(textLength[index])
    }
}
