import Foundation
import StoryText

/// The archive's settings, kept in `writethru.json` on the `main` branch. Every key is
/// optional; a missing key takes the default documented in docs/storage.md.
public struct ArchiveConfig: Sendable, Equatable {
    /// The storage format version this build of Writethru reads and writes.
    public static let currentFormat = 1
    public static let fileName = "writethru.json"

    public var format: Int
    public var reading: ReadingOptions
    /// Who appears as committer of every recorded revision.
    public var recorderName: String
    public var recorderEmail: String
    /// fsync every object and ref as it is written.
    public var fsync: Bool

    public init(format: Int = ArchiveConfig.currentFormat, reading: ReadingOptions = ReadingOptions(),
                recorderName: String = "Writethru", recorderEmail: String = "writethru@localhost", fsync: Bool = false) {
        self.format = format
        self.reading = reading
        self.recorderName = recorderName
        self.recorderEmail = recorderEmail
        self.fsync = fsync
    }

    /// Parses `writethru.json`. Throws a one-line reason for anything malformed.
    public static func parse(_ bytes: [UInt8]) throws(WritethruError) -> ArchiveConfig {
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: Data(bytes))
        } catch {
            throw .notAnArchive(path: fileName, reason: "its \(fileName) is not valid: \(Self.describe(error))")
        }
        var config = ArchiveConfig()
        config.format = file.format
        if let order = file.reading?.dateOrder {
            guard let parsed = ReadingOptions.DateOrder(rawValue: order) else {
                throw .notAnArchive(path: fileName, reason: "reading.dateOrder must be \"dmy\" or \"mdy\", not \"\(order)\"")
            }
            config.reading.dateOrder = parsed
        }
        if let zone = file.reading?.timeZone {
            guard let parsed = TimeZone(identifier: zone) else {
                throw .notAnArchive(path: fileName, reason: "reading.timeZone \"\(zone)\" is not a known time zone")
            }
            config.reading.timeZone = parsed
        }
        config.recorderName = file.recorder?.name ?? config.recorderName
        config.recorderEmail = file.recorder?.email ?? config.recorderEmail
        config.fsync = file.durability?.fsync ?? config.fsync
        return config
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing key \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: "not JSON"
        }
    }

    private struct File: Decodable {
        var format: Int
        var reading: Reading?
        var recorder: Recorder?
        var durability: Durability?
        struct Reading: Decodable { var dateOrder: String?; var timeZone: String? }
        struct Recorder: Decodable { var name: String?; var email: String? }
        struct Durability: Decodable { var fsync: Bool? }
    }
}
