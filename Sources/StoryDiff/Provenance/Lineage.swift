/// The life of one paragraph or sentence across the versions of a story.
public struct Lineage: Sendable, Equatable, Identifiable {
    public let id: Int
    /// The version its text first appeared in (for a piece split off or merged in, the
    /// earliest version any of its text appeared in).
    public internal(set) var origin: Int
    public internal(set) var events: [LineageEvent]

    /// The last version at or before `version` that gave it its wording.
    public func lastChanged(atOrBefore version: Int) -> Int {
        events.last { $0.version <= version && $0.setsWording }?.version ?? origin
    }

    /// The last version at or before `version` in which it came back after a removal.
    public func reintroduced(atOrBefore version: Int) -> Int? {
        events.last { $0.version <= version && $0.kind == .reintroduced }?.version
    }
}
