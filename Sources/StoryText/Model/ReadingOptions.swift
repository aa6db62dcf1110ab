import Foundation

/// Settings the reader takes from the archive's configuration.
public struct ReadingOptions: Sendable, Equatable {
    /// How to read numeric dates such as `11/03/2021`.
    public enum DateOrder: String, Sendable, Codable, CaseIterable {
        /// Day first: 11/03/2021 is 11 March 2021.
        case dayMonthYear = "dmy"
        /// Month first: 11/03/2021 is 3 November 2021.
        case monthDayYear = "mdy"
    }

    public var dateOrder: DateOrder
    /// The zone of times printed without one, such as `Updated 11/03/2021, 06:18 pm`.
    public var timeZone: TimeZone
    /// Rules that set page furniture aside, and when recurring paragraphs count as furniture.
    public var boilerplate: BoilerplateSettings

    public init(dateOrder: DateOrder = .dayMonthYear, timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current,
                boilerplate: BoilerplateSettings = BoilerplateSettings()) {
        self.dateOrder = dateOrder
        self.timeZone = timeZone
        self.boilerplate = boilerplate
    }
}
