import Foundation
// TEMPORARY (lead's stub until the HTTP branch merges)
public final class HTTPClient: Sendable {
    public init(maximumConnections: Int = 8) throws(FetchError) {}
    public func fetch(_ request: FetchRequest) -> Result<FetchResponse, FetchError> { .failure(.failed("stub")) }
}
public final class HostPacer: Sendable {
    public init(minimumInterval: Double, perHost: Int) {}
    public func acquire(host: String) {}
    public func release(host: String) {}
    public func hold(host: String, until: Date) {}
}
