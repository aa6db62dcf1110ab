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
public struct RobotsTxt: Sendable {
    public init(_ bytes: [UInt8]) {}
    public static let allowAll = RobotsTxt([]), disallowAll = RobotsTxt([])
    public static func forStatus(_ status: Int, body: [UInt8]) -> RobotsTxt { allowAll }
    public func allows(_ pathAndQuery: String, userAgent: String) -> Bool { true }
    public func crawlDelay(userAgent: String) -> Double? { nil }
}
