import Foundation
import Testing
import WritethruSupport
@testable import Writethru

/// meta.json read plainly (`PlainJSONValue`, `RevisionMeta.plain`) is what `JSONDecoder`
/// reads, and whatever is not read plainly is left to `JSONDecoder`.
@Suite struct RevisionMetaReadingTests {
    static let written = #"""
        {
          "advisory": "(Updates figures, adds \"details\" of meeting)",
          "advisoryItems": [{"object": "figures", "paragraphs": [2, 3], "verb": "update"}, {"object": "x", "paragraphs": [], "verb": null}],
          "authors": ["Ben Rampton", "Lucia Sims"],
          "byline": "By Ben Rampton and Lucia Sims",
          "content": {"sha256": "aaa3"},
          "credits": ["Reporting by Rachel Mason; Editing by Andrea Nichols"],
          "dateline": {"agency": "Reuters", "date": "March 4", "place": "LONDON"},
          "format": 1,
          "headline": "French unions push back on shipping emissions \/ caf\u00e9-free \t tab",
          "input": {"bytes": 5000, "format": "text", "line": null, "path": "source/v20.txt", "sha256": "3935"},
          "published": "2021-03-04T13:07:00Z",
          "recorded": "2026-12-01T12:25:01Z",
          "removed": [{"rule": "ad-label", "text": "Advertisement"}],
          "story": "long-story",
          "tag": "UPDATE 19",
          "updated": "2021-03-05T15:43:00Z",
          "updatedSource": "input",
          "url": null,
          "version": 20
        }
        """#

    /// The written file with `key` given `value` (raw JSON), or removed when `value` is nil.
    static func variant(_ key: String, _ value: String?) -> String {
        let lines = written.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.compactMap { line -> String? in
            guard line.hasPrefix("  \"\(key)\": ") else { return String(line) }
            guard let value else { return nil }
            return "  \"\(key)\": \(value)" + (line.hasSuffix(",") ? "," : "")
        }.joined(separator: "\n")
    }

    static let documents: [String] = [
        written, written.replacingOccurrences(of: "caf\\u00e9", with: "café"),
        variant("tag", nil), variant("tag", "null"), variant("tag", "3"), variant("advisoryItems", nil),
        variant("advisoryItems", "null"), variant("advisoryItems", #"[{"object": "a", "paragraphs": [1]}]"#),
        variant("advisoryItems", #"[{"object": "a", "paragraphs": [1.5]}]"#), variant("authors", nil),
        variant("dateline", #"{"place": "X"}"#), variant("dateline", #"{"place": "X", "date": 4}"#),
        variant("dateline", "null"), variant("updatedSource", nil), variant("credits", "null"),
        variant("removed", nil), variant("input", #"{"bytes": 1, "format": "json", "path": "p", "sha256": "s"}"#),
        variant("input", #"{"bytes": 1, "format": "json", "line": 7, "path": "p", "sha256": "s"}"#),
        variant("input", #"{"bytes": 1.0, "format": "json", "line": 7, "path": "p", "sha256": "s"}"#),
        variant("input", #"{"bytes": 1, "format": "html", "line": null, "path": "p", "replaced": 3, "sha256": "s"}"#),
        variant("input", #"{"bytes": 1, "format": "html", "line": null, "path": "p", "replaced": null, "sha256": "s"}"#),
        variant("input", #"{"bytes": 1, "format": "html", "line": null, "path": "p", "replaced": "3", "sha256": "s"}"#),
        variant("version", "-0"), variant("version", "1e1"), variant("version", "99999999999999999999"),
        variant("version", "\"20\""), variant("headline", nil), variant("content", "{}"), variant("format", "1, \"format\": 2"),
        variant("url", #""https:\/\/example.com\/a""#), variant("headline", "\"tab\there\""),
        // A captured revision's fetch, whole, with nulls, and with a value of the wrong type.
        variant("content", #"{"sha256": "aaa3"}, "capture": {"contentEncoding": "gzip", "contentType": "text/html", "etag": "\"v2\"", "fetched": "2026-03-10T12:00:00Z", "finalURL": "https://example.com/b", "lastModified": null, "status": 200, "url": "https://example.com/a"}"#),
        variant("content", #"{"sha256": "aaa3"}, "capture": {"contentEncoding": null, "contentType": null, "etag": null, "fetched": "2026-03-10T12:00:00Z", "finalURL": "https://example.com/a", "lastModified": null, "status": 200, "url": "https://example.com/a"}"#),
        variant("content", #"{"sha256": "aaa3"}, "capture": {"fetched": "2026-03-10T12:00:00Z", "finalURL": "https://example.com/a", "status": "200", "url": "https://example.com/a"}"#),
        variant("content", #"{"sha256": "aaa3"}, "capture": null"#),
        "\u{FEFF}" + written, written + " x", written + "\n\n", "[]", "", "{}",
        written.replacingOccurrences(of: "\"version\": 20", with: "\"version\": 20,"),
    ]

    @Test(arguments: documents)
    func plainReadingIsJSONDecodersReading(document: String) throws {
        let bytes = Array(document.utf8)
        let decoded = Result { try JSONDecoder().decode(RevisionMeta.self, from: Data(bytes)) }
        if let plain = PlainJSONValue.parse(bytes).flatMap(RevisionMeta.plain) {
            #expect(try decoded.get() == plain)
        }
        let read = Result { try RevisionMeta.decode(bytes) }
        switch (read, decoded) {
        case (.success(let a), .success(let b)): #expect(a == b)
        case (.failure(let a), .failure(let b)): #expect("\(a)" == "\(b)")
        default: Issue.record("\(read) against \(decoded)")
        }
    }

    @Test func writtenFilesAreReadPlainly() throws {
        let bytes = Array(Self.written.replacingOccurrences(of: "caf\\u00e9", with: "café").utf8)
        #expect(PlainJSONValue.parse(bytes).flatMap(RevisionMeta.plain) != nil)
        let meta = try RevisionMeta.decode(bytes)
        #expect(PlainJSONValue.parse(meta.encoded()).flatMap(RevisionMeta.plain) == meta)
    }

    @Test func theReaderLeavesWhatItDoesNotPlainlyReadToJSONDecoder() {
        for text in [#"{"a": 1, "a": 2}"#, #"{"a": "\u0041"}"#, #"{"a": 1.5}"#, #"{"a": 1e2}"#, #"{"a": 01}"#, #"[1,]"#,
                     #"{"a": tru}"#, "{\"a\": \"\u{1}\"}", #"{"a": "\q"}"#, #"{"a": -}"#, #"{"a": 9223372036854775808}"#] {
            #expect(PlainJSONValue.parse(Array(text.utf8)) == nil, "\(text)")
        }
        #expect(PlainJSONValue.parse([0x22, 0xFF, 0x22]) == nil)
        #expect(PlainJSONValue.parse(Array(#" {"a": [1, -2, true, false, null, "x\n\"y\""], "b": {}} "#.utf8))
                    == .object(["a": .array([.integer(1), .integer(-2), .bool(true), .bool(false), .null,
                                             .string("x\n\"y\"")]), "b": .object([:])]))
    }
}
