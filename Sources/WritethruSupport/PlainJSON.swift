/// A strict reader of the JSON Writethru writes itself (`meta.json`): objects, arrays, strings
/// without `\u` escapes, integers, `true`, `false` and `null`, nothing else. It exists to read
/// those files without `JSONDecoder`, whose generic set-up costs more than a short command's
/// own work; its answer is nil for anything it does not plainly read (a `\u` escape, a
/// fraction or exponent, an integer beyond `Int`, a repeated key, a byte-order mark, a trailing
/// comma, bytes that are not UTF-8), and the caller then asks `JSONDecoder`, so what is read,
/// and every error, stays `JSONDecoder`'s. Asked to (`fractions: true`, for the settings file),
/// it also reads numbers with a fraction or an exponent, as `.fraction`.
public enum PlainJSONValue: Equatable, Sendable {
    case string(String)
    case integer(Int)
    /// A finite number written with a fraction or an exponent (only with `fractions: true`).
    case fraction(Double)
    case bool(Bool)
    case null
    case array([PlainJSONValue])
    case object(PlainJSONObject)

    /// The value of a whole document, or nil. With `fractions`, a number with a fraction or an
    /// exponent is read too (`.fraction`); without, it makes the answer nil.
    /// - Complexity: O(n) in the bytes.
    public static func parse(_ bytes: [UInt8], fractions: Bool = false) -> PlainJSONValue? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer, fractions: fractions)
            guard let value = reader.value(depth: 0) else { return nil }
            reader.skipSpace()
            return reader.index == buffer.count ? value : nil
        }
    }

    public var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    public var integer: Int? {
        if case .integer(let number) = self { return number }
        return nil
    }

    /// The value of a number of either kind, integer or fraction.
    public var number: Double? {
        switch self {
        case .integer(let number): Double(number)
        case .fraction(let number): number
        default: nil
        }
    }

    public var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    public var array: [PlainJSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    public var object: PlainJSONObject? {
        if case .object(let members) = self { return members }
        return nil
    }

    public var isNull: Bool { self == .null }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let fractions: Bool
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>, fractions: Bool) {
            self.bytes = bytes
            self.fractions = fractions
        }

        mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x0A, 0x0D, 0x09: index += 1
                default: return
                }
            }
        }

        mutating func value(depth: Int) -> PlainJSONValue? {
            skipSpace()
            guard index < bytes.count, depth < 64 else { return nil }
            switch bytes[index] {
            case 0x7B: return object(depth: depth)
            case 0x5B: return array(depth: depth)
            case 0x22: return string().map { .string($0) }
            case 0x74: return literal("true") ? .bool(true) : nil
            case 0x66: return literal("false") ? .bool(false) : nil
            case 0x6E: return literal("null") ? .null : nil
            case 0x2D, 0x30...0x39:
                let start = index
                if let integer = integer() { return .integer(integer) }
                guard fractions else { return nil }
                index = start
                return fraction().map { .fraction($0) }
            default: return nil
            }
        }

        private mutating func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard bytes.count - index >= count else { return false }
            for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
            index += count
            return true
        }

        private mutating func object(depth: Int) -> PlainJSONValue? {
            index += 1
            var members = PlainJSONObject()
            skipSpace()
            if index < bytes.count, bytes[index] == 0x7D {
                index += 1
                return .object(members)
            }
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == 0x22, let key = string() else { return nil }
                skipSpace()
                guard index < bytes.count, bytes[index] == 0x3A else { return nil }
                index += 1
                guard let value = value(depth: depth + 1), members[key] == nil else { return nil }
                members.members.append((key, value))
                skipSpace()
                guard index < bytes.count else { return nil }
                if bytes[index] == 0x2C {
                    index += 1
                } else if bytes[index] == 0x7D {
                    index += 1
                    return .object(members)
                } else {
                    return nil
                }
            }
        }

        private mutating func array(depth: Int) -> PlainJSONValue? {
            index += 1
            var items: [PlainJSONValue] = []
            skipSpace()
            if index < bytes.count, bytes[index] == 0x5D {
                index += 1
                return .array(items)
            }
            while true {
                guard let item = value(depth: depth + 1) else { return nil }
                items.append(item)
                skipSpace()
                guard index < bytes.count else { return nil }
                if bytes[index] == 0x2C {
                    index += 1
                } else if bytes[index] == 0x5D {
                    index += 1
                    return .array(items)
                } else {
                    return nil
                }
            }
        }

        /// A string from its opening quote: escapes but `\u`, no raw control characters, UTF-8.
        private mutating func string() -> String? {
            index += 1
            let start = index
            var unescaped: [UInt8]?
            var ascii = true
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x22 {
                    let raw = UnsafeBufferPointer(rebasing: bytes[start..<index])
                    index += 1
                    // ASCII is valid UTF-8 as it is: decoding it needs no check (and is faster).
                    if ascii {
                        return unescaped.map { String(decoding: $0, as: UTF8.self) }
                            ?? String(decoding: raw, as: UTF8.self)
                    }
                    return unescaped.map { String(validating: $0, as: UTF8.self) }
                        ?? String(validating: raw, as: UTF8.self)
                }
                if byte >= 0x80 { ascii = false }
                guard byte >= 0x20 else { return nil }
                if byte == 0x5C {
                    guard index + 1 < bytes.count else { return nil }
                    if unescaped == nil { unescaped = Array(bytes[start..<index]) }
                    let replacement: UInt8
                    switch bytes[index + 1] {
                    case 0x22: replacement = 0x22
                    case 0x5C: replacement = 0x5C
                    case 0x2F: replacement = 0x2F
                    case 0x62: replacement = 0x08
                    case 0x66: replacement = 0x0C
                    case 0x6E: replacement = 0x0A
                    case 0x72: replacement = 0x0D
                    case 0x74: replacement = 0x09
                    default: return nil
                    }
                    unescaped?.append(replacement)
                    index += 2
                    continue
                }
                unescaped?.append(byte)
                index += 1
            }
            return nil
        }

        /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, finite, read as `Double` reads its
        /// text (correctly rounded, as `JSONDecoder` reads it); nil for anything else.
        private mutating func fraction() -> Double? {
            let start = index
            func digits() -> Int {
                let first = index
                while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
                return index - first
            }
            if bytes[index] == 0x2D { index += 1 }
            let whole = index
            guard digits() > 0, index - whole == 1 || bytes[whole] != 0x30 else { return nil }
            if index < bytes.count, bytes[index] == 0x2E {
                index += 1
                guard digits() > 0 else { return nil }
            }
            if index < bytes.count, bytes[index] == 0x65 || bytes[index] == 0x45 {
                index += 1
                if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }
                guard digits() > 0 else { return nil }
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            guard let number = Double(text), number.isFinite else { return nil }
            return number
        }

        /// `-?(0|[1-9][0-9]*)` within `Int`; a fraction or an exponent is not read.
        private mutating func integer() -> Int? {
            let negative = bytes[index] == 0x2D
            if negative { index += 1 }
            let start = index
            var magnitude: UInt64 = 0
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
                let (times, overflow) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, carry) = times.addingReportingOverflow(UInt64(bytes[index] - 0x30))
                guard !overflow, !carry else { return nil }
                magnitude = sum
                index += 1
            }
            let digits = index - start
            guard digits > 0, digits == 1 || bytes[start] != 0x30 else { return nil }
            if index < bytes.count, bytes[index] == 0x2E || bytes[index] == 0x65 || bytes[index] == 0x45 { return nil }
            if negative {
                guard magnitude <= UInt64(Int.max) else { return nil }  // Int.min is left to JSONDecoder
                return -Int(magnitude)
            }
            guard magnitude <= UInt64(Int.max) else { return nil }
            return Int(magnitude)
        }
    }
}

/// A JSON object's members in the order written, each key once. Looked up by a linear search:
/// the objects Writethru writes have a few dozen keys at most, and short keys compare faster
/// than they hash.
public struct PlainJSONObject: Equatable, Sendable, ExpressibleByDictionaryLiteral {
    var members: [(key: String, value: PlainJSONValue)] = []

    init() {}

    public init(dictionaryLiteral elements: (String, PlainJSONValue)...) {
        members = elements.map { (key: $0.0, value: $0.1) }
    }

    /// The value of `key`; setting replaces it where it stands, or appends it (nil removes it).
    public subscript(key: String) -> PlainJSONValue? {
        get {
            for member in members where member.key == key { return member.value }
            return nil
        }
        set {
            let place = members.firstIndex { $0.key == key }
            switch (place, newValue) {
            case (let place?, let value?): members[place].value = value
            case (let place?, nil): members.remove(at: place)
            case (nil, let value?): members.append((key: key, value: value))
            case (nil, nil): break
            }
        }
    }

    /// The members in the order written.
    public var entries: [(key: String, value: PlainJSONValue)] { members }

    public var count: Int { members.count }

    /// The same keys with the same values, in any order.
    public static func == (a: PlainJSONObject, b: PlainJSONObject) -> Bool {
        a.members.count == b.members.count && a.members.allSatisfy { b[$0.key] == $0.value }
    }
}
