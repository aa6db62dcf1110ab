import CLazySSH2
import Testing

/// libssh2 is opened when an ssh remote is first used (CLazySSH2, docs/decisions/0045): the
/// system's libssh2.so.1 has every function libgit2 calls, so the forwarders can reach them.
@Suite struct LazySSH2Tests {
    static func probe(_ soname: String) -> (ok: Bool, why: String) {
        var why = [CChar](repeating: 0, count: 512)
        let ok = wt_ssh2_probe(soname, &why, UInt(why.count)) != 0
        return (ok, String(decoding: why.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    @Test func theSystemLibraryHasEveryFunctionLibgit2Calls() {
        let result = Self.probe("libssh2.so.1")
        #expect(result.ok, "\(result.why)")
    }

    @Test func aLibraryWithoutThemIsRefusedByName() {
        let result = Self.probe("libc.so.6")
        #expect(!result.ok)
        #expect(result.why == "libc.so.6 has no libssh2_agent_connect", "\(result.why)")
        let missing = Self.probe("libssh2-missing.so.9")
        #expect(!missing.ok)
        #expect(missing.why.contains("libssh2-missing.so.9"), "\(missing.why)")
    }
}
