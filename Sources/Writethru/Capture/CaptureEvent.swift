import Foundation

/// Something `capture` saw happen to a story's page that is not a new version: the page
/// disappearing (HTTP 404 or 410) or coming back. Kept as a git note on the story's latest
/// version (`refs/notes/capture`), so the story's own history shows it, in Writethru (`log`)
/// and in plain git (`git log --notes=capture stories/<id>`), and nothing recorded changes.
public struct CaptureEvent: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// The page answered 404 or 410.
        case gone
        /// A page noted gone answered 200 again.
        case back
    }

    public let kind: Kind
    public let status: Int
    public let url: String
    public let at: Date

    public init(kind: Kind, status: Int, url: String, at: Date) {
        self.kind = kind
        self.status = status
        self.url = url
        self.at = at
    }

    /// The note's line: `Capture: gone (HTTP 404) at 2026-12-02T01:00:00Z: https://...`.
    var line: String {
        "Capture: \(kind.rawValue) (HTTP \(status)) at \(Timestamp.format(at)): \(url)"
    }

    /// Reads a line `line` wrote; nil for any other line of a note.
    init?(line: Substring) {
        let prefix = "Capture: "
        guard line.hasPrefix(prefix) else { return nil }
        let rest = line.dropFirst(prefix.count)
        guard let space = rest.firstIndex(of: " "), let kind = Kind(rawValue: String(rest[..<space])) else { return nil }
        let afterKind = rest[rest.index(after: space)...]
        guard afterKind.hasPrefix("(HTTP "), let close = afterKind.firstIndex(of: ")"),
              let status = Int(afterKind[afterKind.index(afterKind.startIndex, offsetBy: 6)..<close]) else { return nil }
        let afterStatus = afterKind[afterKind.index(after: close)...]
        guard afterStatus.hasPrefix(" at "), let colon = afterStatus.range(of: ": ") else { return nil }
        let time = afterStatus[afterStatus.index(afterStatus.startIndex, offsetBy: 4)..<colon.lowerBound]
        guard let at = Timestamp.parse(String(time)) else { return nil }
        self.init(kind: kind, status: status, url: String(afterStatus[colon.upperBound...]), at: at)
    }
}
