import Foundation
import Testing
@testable import Writethru

@Suite struct RevisionMetaTests {
    private let old = """
        {"format": 1, "story": "s", "version": 1, "tag": null, "headline": "H", "advisory": null,
         "advisoryItems": [], "byline": null, "authors": [], "dateline": null, "published": null,
         "updated": "2021-03-11T06:06:00Z", "updatedSource": "input", "recorded": "2026-01-15T09:30:00Z",
         "url": null, "credits": [],
         "input": {"path": "source/a.html", "format": "html", "line": null, "bytes": 10, "sha256": "ab"},
         "content": {"sha256": "cd"}, "removed": []}
        """

    /// Revisions recorded before `input.replaced` existed replaced nothing.
    @Test func anOldMetaWithoutReplacedReadsAsZero() throws {
        let meta = try RevisionMeta.decode(Array(old.utf8))
        #expect(meta.input.replaced == 0)
    }

    @Test func replacedIsAlwaysWrittenAndReadBack() throws {
        var meta = try RevisionMeta.decode(Array(old.utf8))
        meta.input.replaced = 3
        let encoded = meta.encoded()
        #expect(String(decoding: encoded, as: UTF8.self).contains("\"replaced\": 3,"))
        #expect(try RevisionMeta.decode(encoded) == meta)
        meta.input.replaced = 0
        #expect(String(decoding: meta.encoded(), as: UTF8.self).contains("\"replaced\": 0,"))
    }
}
