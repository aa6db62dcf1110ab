import Foundation

/// What a LoopbackServer sends back: a status, headers, a body, and optionally a delay before
/// any of it (a slow server) or a gzip-encoded body.
public struct LoopbackResponse: Sendable {
    public var status: Int
    /// Sent in order, after the status line; Content-Length, Content-Encoding and Connection
    /// are added by the server.
    public var headers: [(String, String)]
    public var body: [UInt8]
    /// Seconds to wait after reading the request before sending anything.
    public var delay: Double
    /// Send the body gzip-encoded, with Content-Encoding: gzip.
    public var gzip: Bool

    public init(status: Int, headers: [(String, String)] = [], body: [UInt8] = [], delay: Double = 0, gzip: Bool = false) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
        self.gzip = gzip
    }

    /// 200 with an HTML page.
    public static func html(_ text: String, headers: [(String, String)] = []) -> LoopbackResponse {
        LoopbackResponse(status: 200, headers: [("Content-Type", "text/html; charset=utf-8")] + headers, body: Array(text.utf8))
    }

    /// 200 with any body and content type.
    public static func content(_ body: [UInt8], type: String, headers: [(String, String)] = []) -> LoopbackResponse {
        LoopbackResponse(status: 200, headers: [("Content-Type", type)] + headers, body: body)
    }

    /// 304 Not Modified, no body.
    public static let notModified = LoopbackResponse(status: 304)

    /// A redirect (301, 302, 303, 307, 308) to `location`, as given (relative or absolute).
    public static func redirect(to location: String, status: Int = 302) -> LoopbackResponse {
        LoopbackResponse(status: status, headers: [("Location", location)])
    }

    /// Only a status, with its reason phrase as a plain-text body (404, 410, 500 ...).
    public static func status(_ status: Int, headers: [(String, String)] = []) -> LoopbackResponse {
        LoopbackResponse(status: status, headers: [("Content-Type", "text/plain")] + headers,
                         body: Array((reason(status) + "\n").utf8))
    }

    /// The same response sent `seconds` late.
    public func delayed(_ seconds: Double) -> LoopbackResponse {
        var copy = self
        copy.delay = seconds
        return copy
    }

    /// The same response with its body gzip-encoded on the wire.
    public func gzipped() -> LoopbackResponse {
        var copy = self
        copy.gzip = true
        return copy
    }

    /// The bytes on the wire: status line, headers, Content-Length (none for 1xx, 204 and 304,
    /// which have no body) and Connection: close, then the body unless `method` is HEAD.
    func serialized(method: String) -> [UInt8] {
        let hasBody = !(status / 100 == 1 || status == 204 || status == 304)
        let entity = hasBody ? (gzip ? LoopbackGzip.encode(body) : body) : []
        var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if hasBody {
            if gzip { head += "Content-Encoding: gzip\r\n" }
            head += "Content-Length: \(entity.count)\r\n"
        }
        head += "Connection: close\r\n\r\n"
        return Array(head.utf8) + (method == "HEAD" ? [] : entity)
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 410: "Gone"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status \(status)"
        }
    }
}
