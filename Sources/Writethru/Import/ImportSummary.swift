/// What `writethru import` did (docs/import.md).
public struct ImportSummary: Sendable {
    public let outcomes: [RecordOutcome]
    public let rejected: [(file: String, reason: String)]

    public var stories: Int { Set(outcomes.map(\.story)).count }
    public func count(_ status: RecordOutcome.Status) -> Int { outcomes.filter { $0.status == status }.count }
}
