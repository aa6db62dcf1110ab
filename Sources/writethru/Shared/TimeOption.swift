import Foundation
import StoryText
import Writethru

/// Reads a `--since` / `--until` value: ISO 8601 (`2021-03-11`, `2021-03-11T12:00:00Z`) or a
/// date as the archive's reading settings take it. With `endOfDay`, a date alone (`2021-03-11`)
/// means the last second of that day, so `--until 2021-03-11` keeps the whole day.
enum TimeOption {
    static func parse(_ text: String?, option: String, archive: Archive?,
                      endOfDay: Bool = false) throws(WritethruError) -> Date? {
        guard let text else { return nil }
        let reading = archive?.config.reading ?? ArchiveConfig.standard.reading
        guard let date = TimeParsing.parse(text, options: reading) else {
            throw .usage("\(option) '\(text)' is not a date or time (use ISO 8601, such as 2021-03-11)")
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let isDateAlone = trimmed.count == 10 && trimmed.enumerated().allSatisfy { offset, character in
            offset == 4 || offset == 7 ? character == "-" : character.isASCII && character.isNumber
        }
        return endOfDay && isDateAlone ? date.addingTimeInterval(86_399) : date
    }
}
