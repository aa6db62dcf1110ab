import Testing
import WritethruSupport

@Suite struct DigestTests {
    @Test func knownVectors() {
        #expect(Hex.encode(Digest.sha1(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(Hex.encode(Digest.sha1([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(Digest.sha256Hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Digest.sha256Hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    /// git's own id for a blob holding "hello\n" (`git hash-object`).
    @Test func gitBlobIdentity() {
        let object = Array("blob 6\0hello\n".utf8)
        #expect(Hex.encode(Digest.sha1(object)) == "ce013625030ba8dba906f756967f9e9ca394464a")
    }

    @Test func hexIsLowerCaseTwoDigitsPerByte() {
        #expect(Hex.encode([0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
        #expect(Hex.encode([UInt8]()) == "")
    }

    @Test func safeSubscript() {
        let values = [1, 2, 3]
        #expect(values[safe: 0] == 1)
        #expect(values[safe: 3] == nil)
        #expect(values[safe: -1] == nil)
        #expect(values[safe: nil] == nil)
    }
}
