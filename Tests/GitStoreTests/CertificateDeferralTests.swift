import Foundation
import Testing
@testable import GitStore

/// libgit2's start-up no longer parses the CA bundle; the first network operation does
/// (docs/decisions/0016).
@Suite struct CertificateDeferralTests {
    /// Whether this process's libgit2 uses mbedTLS (Debian's does), read from the libraries
    /// the process has mapped.
    static var libgit2UsesMbedTLS: Bool {
        // /proc files report a size of 0: read to the end rather than by size.
        let maps = FileHandle(forReadingAtPath: "/proc/self/maps")?.readDataToEndOfFile() ?? Data()
        return String(decoding: maps, as: UTF8.self).contains("libmbedtls")
    }

    @Test func theBundleIsParsedOnceAndOnlyForTheNetwork() throws {
        LibGit2.ensureInitialized()
        guard Self.libgit2UsesMbedTLS else {
            // A libgit2 built with another TLS library never calls mbedTLS's loaders.
            #expect(LibGit2.deferredCertificates == nil)
            return
        }
        let bundle = try #require(LibGit2.deferredCertificates, "libgit2 initialised without naming a CA bundle")
        #expect(FileManager.default.fileExists(atPath: bundle), "\(bundle)")
        LibGit2.prepareNetwork()
        LibGit2.prepareNetwork()
        // Once: not while initialising, and not again on the second call.
        #expect(LibGit2.certificateLoads == 1)
    }
}
