/// Text from inputs (file names, headlines, story fields) made safe to print on a terminal: the
/// characters a terminal would act on instead of showing become visible escapes, so a name
/// cannot break a line, clear the screen, or turn the rest of a line around.
///
/// Escaped: line feed, carriage return and tab as `\n`, `\r`, `\t`; every other C0 control,
/// DEL and the C1 controls (U+0080 to U+009F) as `\u{1B}`; the bidirectional embeddings,
/// overrides and isolates (U+202A to U+202E, U+2066 to U+2069), which reorder what follows
/// them ("Trojan Source"), as `\u{202E}`. Everything else is printed as it is: backslashes are
/// not doubled, so the escapes are for reading, not for parsing back (JSON output is for that).
public enum TerminalSafe {
    /// `text` with every character a terminal would act on made a visible escape.
    /// - Complexity: O(n) in the text's scalars; the text itself when nothing needs escaping.
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u{" + (hex.count < 2 ? "0" + hex : hex) + "}"
            }
        }
        return out
    }

    /// A control character (C0, DEL, C1) or a bidirectional embedding, override or isolate.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
