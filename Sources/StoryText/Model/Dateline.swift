/// "WASHINGTON, March 10 (Reuters) -": where and when the story was filed, and by whom.
public struct Dateline: Sendable, Equatable, Codable {
    public var place: String
    @Nullable public var date: String?
    @Nullable public var agency: String?

    public init(place: String, date: String?, agency: String?) {
        self.place = place
        self.date = date
        self.agency = agency
    }
}
