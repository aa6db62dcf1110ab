import Foundation
// TEMPORARY (lead's stub until the feeds branch merges)
public struct FeedItem: Sendable, Equatable { public let link: String; public let id: String?; public let title: String?
    public let published: Date?; public let updated: Date? }
public struct Feed: Sendable, Equatable { public enum Kind: String, Sendable { case rss2, rss1, atom }
    public let kind: Kind; public let title: String?; public let items: [FeedItem] }
public struct FeedError: Error, Sendable, CustomStringConvertible { public let reason: String; public var description: String { reason } }
public enum FeedReader {
    public static func read(_ bytes: [UInt8], url: String) throws(FeedError) -> Feed { throw FeedError(reason: "stub") }
}
