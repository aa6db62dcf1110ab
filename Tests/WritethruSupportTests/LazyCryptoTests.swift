import CLazyCrypto
import Testing
import WritethruSupport

/// libcrypto is opened on the first hash (CLazyCrypto, docs/decisions/0045).
@Suite struct LazyCryptoTests {
    static func probe(_ soname: String) -> (ok: Bool, why: String) {
        var why = [CChar](repeating: 0, count: 512)
        let ok = wt_crypto_probe(soname, &why, why.count) != 0
        return (ok, String(decoding: why.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    @Test func theSystemLibraryHasTheSixFunctions() {
        let result = Self.probe("libcrypto.so.3")
        #expect(result.ok, "\(result.why)")
    }

    @Test func aLibraryWithoutThemIsRefusedByName() {
        let result = Self.probe("libc.so.6")
        #expect(!result.ok)
        #expect(result.why == "libc.so.6 has no SHA1_Init", "\(result.why)")
        #expect(!Self.probe("libcrypto-missing.so.9").ok)
    }

    @Test func aHashLoadsTheLibraryAndGivesThePublishedDigest() {
        // FIPS 180-2's "abc" vectors, through the loaded functions.
        #expect(Hex.encode(Digest.sha1(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(Digest.sha256Hex(Array("abc".utf8))
            == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(wt_crypto_loaded() == 1)
    }
}
