/// What an import found before recording: the revisions to record, and the inputs it could
/// not use, with the reason.
public struct ImportPlan {
    public var items: [ImportItem] = []
    public var rejected: [(file: String, reason: String)] = []
}
