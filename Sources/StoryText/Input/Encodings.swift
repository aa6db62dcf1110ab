/// An encoding of the WHATWG Encoding Standard that Writethru decodes HTML in, found by one of
/// the standard's labels (`latin1`, `sjis`, `ks_c_5601-1987`, ...). UTF-8, UTF-16 and
/// windows-1252 are decoded in Swift; the other legacy encodings through glibc's iconv, under
/// the iconv name of the variant browsers use (Shift_JIS is Microsoft's CP932, EUC-KR is CP949,
/// Big5 is Big5-HKSCS). docs/reading.md, "Decoding"; docs/decisions/0020-html-decoding.md.
struct Encoding: Equatable, Sendable {
    enum Decoder: Equatable, Sendable {
        case utf8, utf16LittleEndian, utf16BigEndian, windows1252
        /// Decoded by glibc's iconv under this name.
        case iconv(String)
    }

    /// The standard's name of the encoding, such as `windows-1252` or `Shift_JIS`.
    let name: String
    let decoder: Decoder

    static let utf8 = Encoding(name: "UTF-8", decoder: .utf8)
    static let utf16LittleEndian = Encoding(name: "UTF-16LE", decoder: .utf16LittleEndian)
    static let utf16BigEndian = Encoding(name: "UTF-16BE", decoder: .utf16BigEndian)
    static let windows1252 = Encoding(name: "windows-1252", decoder: .windows1252)

    /// The encoding a label names, as the standard's "get an encoding": ASCII whitespace
    /// trimmed, case ignored. Nil for labels the standard does not know and for its
    /// `replacement` labels (ISO-2022-KR, HZ, ISO-2022-CN), which a page's declaration cannot
    /// usefully name: both are ignored, as an unknown label is.
    ///
    /// - Complexity: O(l) in the label's length (one dictionary look-up).
    static func forLabel(_ label: String) -> Encoding? {
        let trimmed = label.utf8.drop { isASCIIWhitespace($0) }.reversed().drop { isASCIIWhitespace($0) }.reversed()
        let lowered = String(decoding: trimmed.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
        return byLabel[lowered]
    }

    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D || byte == 0x20
    }

    /// The standard's encodings with every label (encodings.json of the Encoding Standard).
    private static let table: [(Encoding, [String])] = [
        (.utf8, ["unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8"]),
        (.windows1252, ["ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1",
                        "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1",
                        "us-ascii", "windows-1252", "x-cp1252"]),
        (.utf16BigEndian, ["unicodefffe", "utf-16be"]),
        (.utf16LittleEndian, ["csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16",
                              "utf-16le"]),
        (legacy("IBM866", "IBM866"), ["866", "cp866", "csibm866", "ibm866"]),
        (legacy("ISO-8859-2", "ISO-8859-2"), ["csisolatin2", "iso-8859-2", "iso-ir-101", "iso8859-2", "iso88592",
                                              "iso_8859-2", "iso_8859-2:1987", "l2", "latin2"]),
        (legacy("ISO-8859-3", "ISO-8859-3"), ["csisolatin3", "iso-8859-3", "iso-ir-109", "iso8859-3", "iso88593",
                                              "iso_8859-3", "iso_8859-3:1988", "l3", "latin3"]),
        (legacy("ISO-8859-4", "ISO-8859-4"), ["csisolatin4", "iso-8859-4", "iso-ir-110", "iso8859-4", "iso88594",
                                              "iso_8859-4", "iso_8859-4:1988", "l4", "latin4"]),
        (legacy("ISO-8859-5", "ISO-8859-5"), ["csisolatincyrillic", "cyrillic", "iso-8859-5", "iso-ir-144",
                                              "iso8859-5", "iso88595", "iso_8859-5", "iso_8859-5:1988"]),
        (legacy("ISO-8859-6", "ISO-8859-6"), ["arabic", "asmo-708", "csiso88596e", "csiso88596i",
                                              "csisolatinarabic", "ecma-114", "iso-8859-6", "iso-8859-6-e",
                                              "iso-8859-6-i", "iso-ir-127", "iso8859-6", "iso88596", "iso_8859-6",
                                              "iso_8859-6:1987"]),
        (legacy("ISO-8859-7", "ISO-8859-7"), ["csisolatingreek", "ecma-118", "elot_928", "greek", "greek8",
                                              "iso-8859-7", "iso-ir-126", "iso8859-7", "iso88597", "iso_8859-7",
                                              "iso_8859-7:1987", "sun_eu_greek"]),
        (legacy("ISO-8859-8", "ISO-8859-8"), ["csiso88598e", "csisolatinhebrew", "hebrew", "iso-8859-8",
                                              "iso-8859-8-e", "iso-ir-138", "iso8859-8", "iso88598", "iso_8859-8",
                                              "iso_8859-8:1988", "visual"]),
        (legacy("ISO-8859-8-I", "ISO-8859-8"), ["csiso88598i", "iso-8859-8-i", "logical"]),
        (legacy("ISO-8859-10", "ISO-8859-10"), ["csisolatin6", "iso-8859-10", "iso-ir-157", "iso8859-10",
                                                "iso885910", "l6", "latin6"]),
        (legacy("ISO-8859-13", "ISO-8859-13"), ["iso-8859-13", "iso8859-13", "iso885913"]),
        (legacy("ISO-8859-14", "ISO-8859-14"), ["iso-8859-14", "iso8859-14", "iso885914"]),
        (legacy("ISO-8859-15", "ISO-8859-15"), ["csisolatin9", "iso-8859-15", "iso8859-15", "iso885915",
                                                "iso_8859-15", "l9"]),
        (legacy("ISO-8859-16", "ISO-8859-16"), ["iso-8859-16"]),
        (legacy("KOI8-R", "KOI8-R"), ["cskoi8r", "koi", "koi8", "koi8-r", "koi8_r"]),
        (legacy("KOI8-U", "KOI8-U"), ["koi8-ru", "koi8-u"]),
        (legacy("macintosh", "MACINTOSH"), ["csmacintosh", "mac", "macintosh", "x-mac-roman"]),
        (legacy("windows-874", "CP874"), ["dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620",
                                          "windows-874"]),
        (legacy("windows-1250", "CP1250"), ["cp1250", "windows-1250", "x-cp1250"]),
        (legacy("windows-1251", "CP1251"), ["cp1251", "windows-1251", "x-cp1251"]),
        (legacy("windows-1253", "CP1253"), ["cp1253", "windows-1253", "x-cp1253"]),
        (legacy("windows-1254", "CP1254"), ["cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9",
                                            "iso88599", "iso_8859-9", "iso_8859-9:1989", "l5", "latin5",
                                            "windows-1254", "x-cp1254"]),
        (legacy("windows-1255", "CP1255"), ["cp1255", "windows-1255", "x-cp1255"]),
        (legacy("windows-1256", "CP1256"), ["cp1256", "windows-1256", "x-cp1256"]),
        (legacy("windows-1257", "CP1257"), ["cp1257", "windows-1257", "x-cp1257"]),
        (legacy("windows-1258", "CP1258"), ["cp1258", "windows-1258", "x-cp1258"]),
        (legacy("x-mac-cyrillic", "MAC-CYRILLIC"), ["x-mac-cyrillic", "x-mac-ukrainian"]),
        (legacy("GBK", "GBK"), ["chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "gbk",
                                "iso-ir-58", "x-gbk"]),
        (legacy("gb18030", "GB18030"), ["gb18030"]),
        (legacy("Big5", "BIG5-HKSCS"), ["big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"]),
        (legacy("EUC-JP", "EUC-JP"), ["cseucpkdfmtjapanese", "euc-jp", "x-euc-jp"]),
        (legacy("ISO-2022-JP", "ISO-2022-JP"), ["csiso2022jp", "iso-2022-jp"]),
        (legacy("Shift_JIS", "CP932"), ["csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis",
                                        "windows-31j", "x-sjis"]),
        (legacy("EUC-KR", "CP949"), ["cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean",
                                     "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949"]),
        // The standard's x-user-defined maps bytes 0x80-0xFF to the private use area; a page that
        // declares it is read as windows-1252, as the HTML prescan does.
        (.windows1252, ["x-user-defined"]),
    ]

    private static func legacy(_ name: String, _ iconvName: String) -> Encoding {
        Encoding(name: name, decoder: .iconv(iconvName))
    }

    private static let byLabel: [String: Encoding] = {
        var labels: [String: Encoding] = [:]
        for (encoding, names) in table {
            for name in names { labels[name] = encoding }
        }
        return labels
    }()
}
