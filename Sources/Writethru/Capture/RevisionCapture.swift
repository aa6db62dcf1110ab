import Foundation
import WritethruSupport

/// How a captured revision was fetched, kept in its meta.json as `"capture"` (docs/storage.md):
/// the URL asked for, the URL the redirects ended at, the HTTP status, when it was fetched and
/// the validators and content headers received. Revisions recorded from files have none.
public struct RevisionCapture: Codable, Equatable, Sendable {
    public var url: String
    public var finalURL: String
    public var status: Int
    /// ISO 8601 UTC.
    public var fetched: String
    public var etag: String?
    public var lastModified: String?
    public var contentType: String?
    /// The Content-Encoding the body came in (`gzip`); the body kept under source/ is the
    /// decoded entity, byte for byte as the server meant it.
    public var contentEncoding: String?

    public init(url: String, finalURL: String, status: Int, fetched: String, etag: String?, lastModified: String?,
                contentType: String?, contentEncoding: String?) {
        self.url = url
        self.finalURL = finalURL
        self.status = status
        self.fetched = fetched
        self.etag = etag
        self.lastModified = lastModified
        self.contentType = contentType
        self.contentEncoding = contentEncoding
    }

    enum CodingKeys: String, CodingKey {
        case url, finalURL, status, fetched, etag, lastModified, contentType, contentEncoding
    }

    /// Every key is written, `null` when absent.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(url, forKey: .url)
        try c.encode(finalURL, forKey: .finalURL)
        try c.encode(status, forKey: .status)
        try c.encode(fetched, forKey: .fetched)
        try c.encode(etag, forKey: .etag)
        try c.encode(lastModified, forKey: .lastModified)
        try c.encode(contentType, forKey: .contentType)
        try c.encode(contentEncoding, forKey: .contentEncoding)
    }

    /// The plain reading of meta.json's `capture` object (`RevisionMeta.plain`).
    static func plain(_ value: PlainJSONValue) -> RevisionCapture? {
        guard let object = value.object, let url = object["url"]?.string, let finalURL = object["finalURL"]?.string,
              let status = object["status"]?.integer, let fetched = object["fetched"]?.string else { return nil }
        func text(_ key: String) -> String?? {
            guard let value = object[key], !value.isNull else { return .some(nil) }
            return value.string.map { .some($0) }
        }
        guard let etag = text("etag"), let lastModified = text("lastModified"), let contentType = text("contentType"),
              let contentEncoding = text("contentEncoding") else { return nil }
        return RevisionCapture(url: url, finalURL: finalURL, status: status, fetched: fetched, etag: etag,
                               lastModified: lastModified, contentType: contentType, contentEncoding: contentEncoding)
    }
}
