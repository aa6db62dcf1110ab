import Foundation

/// One revision an import will record: where it comes from, and how to read its bytes when
/// its turn comes (so a large import never holds every input in memory).
public struct ImportItem: Sendable {
    public let name: String
    public let story: StoryID?
    public let fallbackTime: Date?
    let load: @Sendable () throws(WritethruError) -> InputFile
}
