import Foundation
import Testing
@testable import Writethru

/// A shard file's lines read by `DerivedIndex.entries(of:)`, against the plain reading it
/// replaced (split into lines, parse the hash, keep each distinct line once).
@Suite struct DerivedIndexShardTests {
    private static func reference(_ data: Data) -> [UInt64: [String]] {
        var entries: [UInt64: [String]] = [:]
        var seen = Set<String>()
        for line in data.split(separator: 0x0A) {
            guard let space = line.firstIndex(of: 0x20),
                  let hash = UInt64(String(decoding: line[line.startIndex..<space], as: UTF8.self), radix: 16)
            else { continue }
            let value = String(decoding: line[(space + 1)...], as: UTF8.self)
            if seen.insert(String(decoding: line, as: UTF8.self)).inserted { entries[hash, default: []].append(value) }
        }
        return entries
    }

    @Test func readsLinesAsTheyAreWrittenAndAnyOther() {
        let lines = [
            "00000000000000ff story-a", "00000000000000ff story-b", "00000000000000ff story-a",  // a repeat
            "00000000000000FF story-a",  // upper case: another line, the same hash
            "+00000000000000ff story-a", "ff story-c", "ff story-c", "zz not-a-hash", "no-space", "",
            "0000000000000001 ", "0000000000000001 caf\u{E9}", "0000000000000001 cafe\u{301}",  // canonically equal
            "0000000000000002 two words here", "000000000000000g bad-digit", " leading-space",
            "00000000000000010 seventeen digits",
        ]
        for ending in ["", "\n", "\n\n"] {
            var bytes = Array(lines.joined(separator: "\n").utf8) + Array(ending.utf8)
            bytes += [0x30, 0x30, 0x20, 0xFF, 0xFE]  // a value that is not UTF-8
            let data = Data(bytes)
            #expect(DerivedIndex.entries(of: data) == Self.reference(data))
        }
        #expect(DerivedIndex.entries(of: Data()) == [:])
    }
}
