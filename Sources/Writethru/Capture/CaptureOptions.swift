import Foundation

/// How one `capture` pass runs.
public struct CaptureOptions: Sendable {
    /// Fetch every watched URL, due or not, the ones whose schedule ran out included.
    public var all: Bool
    /// The time the pass runs at (its recording time; `WRITETHRU_NOW` in tests).
    public var now: Date
    /// `Writethru/<version>`: the User-Agent's product, and the token robots.txt groups match.
    public var product: String
    /// Keep every URL's outcome in the report (for a JSON document of the pass); otherwise
    /// only the counts, and the caller hears each URL through `progress`, so a pass's memory
    /// does not grow with the number of URLs.
    public var keepsFetches: Bool

    public init(all: Bool = false, now: Date, product: String, keepsFetches: Bool = true) {
        self.all = all
        self.now = now
        self.product = product
        self.keepsFetches = keepsFetches
    }
}

extension CaptureSettings {
    /// The User-Agent header: the settings' own, else the product and the contact.
    public func userAgent(product: String) -> String {
        if let userAgent, !userAgent.isEmpty { return userAgent }
        return contact.isEmpty ? product : "\(product) (+\(contact))"
    }
}
