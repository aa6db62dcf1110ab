/// Why a fetch produced no response. An HTTP status, 404 and 500 included, is a response, not
/// an error.
public enum FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The transfer took longer than the request's timeout (seconds).
    case timedOut(seconds: Double)
    /// No connection: the host is unknown, refused or unreachable, or the connection was lost.
    case cannotConnect(String)
    /// More redirects than the request allows (the allowance).
    case tooManyRedirects(Int)
    /// The body is larger than the request allows (the allowance in bytes).
    case tooLarge(Int)
    /// The URL is not an absolute URL with a host.
    case invalidURL(String)
    /// The URL, or a redirect's Location, is not http or https.
    case unsupportedScheme(String)
    /// The HTTP client cannot work here (libcurl could not be loaded).
    case clientUnavailable(String)
    /// Anything else the transfer reported (TLS, a malformed response ...).
    case failed(String)

    public var description: String {
        switch self {
        case .timedOut(let seconds): "timed out after \(FetchError.format(seconds)) s"
        case .cannotConnect(let why): "cannot connect: \(why)"
        case .tooManyRedirects(let limit): "more than \(limit) redirects"
        case .tooLarge(let limit): "body larger than \(limit) bytes"
        case .invalidURL(let url): "not an absolute URL with a host: \(url)"
        case .unsupportedScheme(let url): "not an http or https URL: \(url)"
        case .clientUnavailable(let why): why
        case .failed(let why): why
        }
    }

    /// Seconds without a needless ".0".
    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() && abs(seconds) < 1e9 ? String(Int(seconds)) : String(seconds)
    }
}
