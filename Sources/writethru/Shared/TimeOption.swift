import Foundation
import StoryText
import Writethru
import WritethruSupport

/// Reads a `--since` / `--until` value: ISO 8601 (`2021-03-11`, `2021-03-11T12:00:00Z`), a date
/// as the archive's reading settings take it, or a time before now: `45m`,
/// `2h`, `3d`, `1w` (minutes, hours, days, weeks; `DurationText`, which takes `90s` too). With `endOfDay`, a date alone (`2021-03-11`)
/// means the last second of that day, so `--until 2021-03-11` keeps the whole day.
enum TimeOption {
    static func parse(_ text: String?, option: String, archive: Archive?,
                      endOfDay: Bool = false) throws(WritethruError) -> Date? {
        guard let text else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let seconds = DurationText.seconds(trimmed) { return try now().addingTimeInterval(-seconds) }
        let reading = archive?.config.reading ?? ArchiveConfig.standard.reading
        guard let date = TimeParsing.parse(text, options: reading) else {
            throw .usage("\(option) '\(text)' is not a date or time (use ISO 8601, such as 2021-03-11, "
                             + "or a time before now, such as 45m, 2h, 3d or 1w)")
        }
        let isDateAlone = trimmed.count == 10 && trimmed.enumerated().allSatisfy { offset, character in
            offset == 4 || offset == 7 ? character == "-" : character.isASCII && character.isNumber
        }
        return endOfDay && isDateAlone ? date.addingTimeInterval(86_399) : date
    }

    /// The clock, or `WRITETHRU_NOW` (ISO 8601 with zone) for reproducible runs and tests.
    static func now() throws(WritethruError) -> Date {
        guard let fixed = ProcessEnvironment.value("WRITETHRU_NOW"), !fixed.isEmpty else { return Date() }
        guard let date = Timestamp.parse(fixed) else {
            throw .usage("WRITETHRU_NOW '\(fixed)' is not an ISO 8601 time with zone")
        }
        return date
    }
}
