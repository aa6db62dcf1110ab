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

    /// mbedTLS hashes a process's first megabyte of SHA-256, libcrypto the rest: both must give
    /// the same digest, at every length around SHA-256's 64-byte blocks and its padding.
    @Test func bothLibrariesGiveTheSameSHA256() {
        var generator = SystemRandomNumberGenerator()
        for count in [0, 1, 55, 56, 63, 64, 65, 119, 120, 1_000, 5_268, 65_536, 300_001] {
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            var mbed = [UInt8](repeating: 0, count: 32)
            var open = [UInt8](repeating: 1, count: 32)
            bytes.withUnsafeBufferPointer { input in
                mbed.withUnsafeMutableBufferPointer { wt_sha256_mbedtls(input.baseAddress, input.count, $0.baseAddress) }
                open.withUnsafeMutableBufferPointer { wt_sha256_libcrypto(input.baseAddress, input.count, $0.baseAddress) }
            }
            #expect(mbed == open, "\(count) bytes")
            #expect(Digest.sha256(bytes) == open, "\(count) bytes")
        }
    }

    @Test func aLargeInputIsHashedByLibcrypto() {
        // Python's hashlib.sha256(b"a" * 2 MiB).
        let bytes = [UInt8](repeating: 0x61, count: 2 << 20)
        #expect(Digest.sha256Hex(bytes) == "5256ec18f11624025905d057d6befb03d77b243511ac5f77ed5e0221ce6d84b5")
        #expect(wt_crypto_loaded() == 1)
    }
}
