import Foundation
import WritethruSupport

/// `watch.json`, the file the watch list is kept in (docs/capture.md): every watched URL, sorted
/// by URL, so the same list always gives the same bytes and git shows each change as lines.
struct WatchList: Codable, Equatable {
    static let fileName = "watch.json"
    static let currentFormat = 1

    var format: Int
    var watch: [WatchEntry]

    init(_ entries: [WatchEntry]) {
        format = Self.currentFormat
        watch = entries.sorted { $0.url < $1.url }
    }

    func encoded() -> [UInt8] { Array(JSONCoding.render(self).utf8) }

    static func decode(_ bytes: [UInt8]) throws(WritethruError) -> WatchList {
        let list: WatchList
        do {
            list = try JSONDecoder().decode(WatchList.self, from: Data(bytes))
        } catch {
            throw .storage("the watch list (\(fileName)) cannot be read: \(error)")
        }
        guard list.format <= currentFormat else {
            throw .storage("the watch list is in format \(list.format); this writethru reads \(currentFormat)")
        }
        return list
    }
}
