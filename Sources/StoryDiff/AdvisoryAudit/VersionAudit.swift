/// One version's advisory line checked against what changed since the previous version.
public struct VersionAudit: Sendable, Equatable {
    public let items: [AuditedItem]
    /// Substantive changes no item accounts for.
    public let undeclared: [ClaimChange]
    public let flags: [String]
}
