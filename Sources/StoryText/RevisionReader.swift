import Foundation

/// Reads one input into a `Revision`. This is the single entry point the rest of Writethru
/// calls, so a richer reader (HTML, JSON, boilerplate rules) replaces only what is behind it.
public enum RevisionReader {
    public static func read(_ bytes: [UInt8], options: ReadingOptions = ReadingOptions()) throws(ReadingError) -> Revision {
        let text = try InputText.decode(bytes)
        return try TextReader.read(text, options: options)
    }
}
