@testable import Fetch
import Testing

/// The lazily loaded libcurl: present on a machine that builds Writethru, and one clear line
/// when a library cannot be loaded.
@Suite struct LibcurlTests {
    @Test func libcurlLoads() {
        #expect(Libcurl.unavailability() == nil)
        #expect(Libcurl.unavailability(ofLibrary: Libcurl.soname) == nil)
    }

    @Test func aMissingLibraryIsOneLineNamingThePackage() throws {
        let message = try #require(Libcurl.unavailability(ofLibrary: "libcurl-writethru-missing.so.9"))
        #expect(message.hasPrefix("capture needs libcurl (libcurl.so.4): install libcurl4 ("))
        #expect(message.contains("libcurl-writethru-missing.so.9"))
        #expect(!message.contains("\n"))
    }

    @Test func aLibraryWithoutCurlsFunctionsIsRefused() throws {
        let message = try #require(Libcurl.unavailability(ofLibrary: "libz.so.1"))
        #expect(message.contains("libz.so.1 has no curl_easy_cleanup"))
    }
}
