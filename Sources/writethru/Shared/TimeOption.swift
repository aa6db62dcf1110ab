import Foundation
import StoryText
import Writethru

/// Reads a `--since` / `--until` value: ISO 8601 (`2021-03-11`, `2021-03-11T12:00:00Z`) or a
/// date as the archive's reading settings take it.
enum TimeOption {
    static func parse(_ text: String?, option: String, archive: Archive?) throws(WritethruError) -> Date? {
        guard let text else { return nil }
        let reading = archive?.config.reading ?? ArchiveConfig.standard.reading
        guard let date = TimeParsing.parse(text, options: reading) else {
            throw .usage("\(option) '\(text)' is not a date or time (use ISO 8601, such as 2021-03-11)")
        }
        return date
    }
}
