import Foundation

/// One request a LoopbackServer received, as the handler and the log see it.
public struct LoopbackRequest: Sendable {
    /// GET, HEAD ...
    public let method: String
    /// The request target with its query ("/feed.xml?page=2").
    public let path: String
    /// The headers, names lower-cased (a repeated header's values joined by ", ").
    public let headers: [String: String]
    /// When the request's head had been read.
    public let time: Date

    public init(method: String, path: String, headers: [String: String], time: Date) {
        self.method = method
        self.path = path
        self.headers = headers
        self.time = time
    }

    /// The path without its query.
    public var pathWithoutQuery: String {
        path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? path
    }

    /// Reads a request head (the bytes up to and without the blank line): nil when it is not
    /// "METHOD TARGET HTTP/1.x" followed by "Name: value" lines. O(n) in its length.
    static func parse(head: ArraySlice<UInt8>, time: Date) -> LoopbackRequest? {
        let lines = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n")
        guard let first = lines.first else { return nil }
        let parts = first.split(separator: " ")
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1.") else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = headers[name].map { $0 + ", " + value } ?? value
        }
        return LoopbackRequest(method: String(parts[0]), path: String(parts[1]), headers: headers, time: time)
    }
}
