internal import CLazyCurl

/// libcurl, which URLSession uses on Linux, is loaded on the first fetch rather than at start
/// (Sources/CLazyCurl, docs/decisions/0043-http-client.md): this asks whether it can be.
enum Libcurl {
    /// The library opened at the first use.
    static let soname = "libcurl.so.4"

    /// nil when libcurl is loaded and complete; otherwise the one line to show (what is missing,
    /// and the package that provides it). Loads libcurl on the first call.
    static func unavailability() -> String? {
        var why = [CChar](repeating: 0, count: 512)
        if wt_curl_available(&why, why.count) != 0 { return nil }
        return message(why)
    }

    /// The same check for another library name, leaving the loaded one alone: for tests.
    static func unavailability(ofLibrary soname: String) -> String? {
        var why = [CChar](repeating: 0, count: 512)
        if wt_curl_probe(soname, &why, why.count) != 0 { return nil }
        return message(why)
    }

    private static func message(_ why: [CChar]) -> String {
        let detail = String(decoding: why.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return "capture needs libcurl (\(soname)): install libcurl4 (\(detail))"
    }
}
