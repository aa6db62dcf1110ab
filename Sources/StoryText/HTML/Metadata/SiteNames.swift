import Foundation

/// What a page calls its site: `og:site_name`, `application-name`, the publisher JSON-LD names,
/// the host of its canonical URL, and what its `<title>` adds after the headline. Compared by
/// key: lower case, diacritics folded, a leading `www.` dropped, letters and digits only, so
/// "TheHill", "thehill.com" and "The Hill" meet where they should ("thehill" and "thehillcom"
/// both stand for the host).
struct SiteNames {
    /// The names as written, for cutting them off the end of a byline.
    private(set) var names: [String] = []
    private var keys: Set<String> = []

    init(_ names: [String] = [], url: String? = nil) {
        names.forEach { add($0) }
        if let url { addHost(of: url) }
    }

    mutating func add(_ name: String) {
        let name = TextReader.normalizeSpaces(name)
        if name.contains("://") {
            addHost(of: name)
            return
        }
        let key = Self.key(name)
        guard key.count >= 2 else { return }
        if keys.insert(key).inserted { names.append(name) }
        // "Autoracing | F1 | Indy": each part of a name that is itself a list stands for the site.
        for part in HeadlineCleaner.segments(of: name) where part != name {
            let partKey = Self.key(part)
            if partKey.count >= 2 { keys.insert(partKey) }
        }
    }

    mutating func addHost(of url: String) {
        guard var host = URLComponents(string: url.trimmedSpaces)?.host?.lowercased() else { return }
        for prefix in ["www.", "m.", "amp.", "mobile."] where host.hasPrefix(prefix) {
            host.removeFirst(prefix.count)
        }
        let labels = host.split(separator: ".")
        guard labels.count >= 2 else { return }
        keys.insert(Self.key(host))
        // The label before the public suffix: "thehill" of thehill.com, "bbc" of bbc.co.uk.
        let suffixLength = labels.count >= 3 && labels[labels.count - 2].count <= 3 ? 2 : 1
        if let main = labels.dropLast(suffixLength).last, main.count >= 3 { keys.insert(Self.key(main)) }
    }

    func matches(_ text: String) -> Bool {
        let key = Self.key(text)
        return !key.isEmpty && keys.contains(key)
    }

    var isEmpty: Bool { keys.isEmpty }

    static func key<S: StringProtocol>(_ text: S) -> String {
        // ASCII (most titles and hosts): letters lowered and digits kept, byte by byte.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes = text.utf8.compactMap { byte -> UInt8? in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): byte
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 32
                default: nil
                }
            }
            let lowered = text.utf8.prefix(4).map { $0 | 0x20 }
            if lowered == Array("www.".utf8), bytes.starts(with: Array("www".utf8)) { bytes.removeFirst(3) }
            return String(decoding: bytes, as: UTF8.self)
        }
        if text.unicodeScalars.allSatisfy({ $0.isASCII || Self.isPlainPunctuation($0) }) { return punctuatedKey(text) }
        return foldedKey(text)
    }

    /// `key` the general way: folded by Foundation, then letters and digits kept.
    static func foldedKey<S: StringProtocol>(_ text: S) -> String {
        var folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        if folded.hasPrefix("www.") { folded.removeFirst(4) }
        return String(folded.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    /// Non-ASCII characters that titles hold most (curly quotes, dashes, bullets, the ellipsis,
    /// guillemets, the middle dot, the no-break space): neither letters nor digits, and folding
    /// makes none of them one, so `foldedKey` drops each.
    static func isPlainPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        (0x2010...0x2027).contains(scalar.value) || [0xA0, 0xAB, 0xB7, 0xBB].contains(scalar.value)
    }

    /// `foldedKey` of ASCII and `isPlainPunctuation` characters, byte by byte: what Foundation's
    /// folding gives there (ASCII lowered, the punctuation dropped) at a hundredth of the cost;
    /// `SiteNamesKeyTests` checks the two agree.
    static func punctuatedKey<S: StringProtocol>(_ text: S) -> String {
        var scalars = text.unicodeScalars.makeIterator()
        var prefix: [UInt8] = []
        while prefix.count < 4, let scalar = scalars.next() {
            prefix.append(scalar.isASCII ? UInt8(scalar.value) | (scalar.properties.isUppercase ? 0x20 : 0) : 0)
        }
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): bytes.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
            default: break
            }
        }
        if prefix == Array("www.".utf8) { bytes.removeFirst(3) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
