import CLazyXML2
import Testing

/// libxml2 is opened on the first parse (CLazyXML2, docs/decisions/0045): the forwarders reach a
/// library that has every function they need, and a library that cannot be opened is named in
/// the one line the process would end with.
@Suite struct LazyXML2Tests {
    static func probe(_ soname: String) -> (ok: Bool, why: String) {
        var why = [CChar](repeating: 0, count: 512)
        let ok = wt_xml2_probe(soname, &why, UInt(why.count)) != 0
        return (ok, String(decoding: why.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    @Test func theSystemLibraryHasEveryForwardedFunction() {
        let result = Self.probe("libxml2.so.2")
        #expect(result.ok, "\(result.why)")
    }

    @Test func aMissingLibraryIsNamedInTheFailureLine() {
        let result = Self.probe("libxml2-missing.so.9")
        #expect(!result.ok)
        #expect(result.why.contains("libxml2-missing.so.9"), "\(result.why)")
        var line = [CChar](repeating: 0, count: 700)
        wt_xml2_failure_line(result.why, &line, UInt(line.count))
        let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #expect(text.hasPrefix("writethru: cannot read HTML or XML: "))
        #expect(text.hasSuffix(result.why))
        #expect(!text.contains("\n"))
    }

    @Test func aLibraryWithoutTheFunctionsIsRefusedByName() {
        // libc opens, but has none of libxml2's functions: the first one missing is named.
        let result = Self.probe("libc.so.6")
        #expect(!result.ok)
        #expect(result.why == "libc.so.6 has no htmlCreatePushParserCtxt", "\(result.why)")
    }
}
