import Foundation

/// Files of the repository (seeds/, repo-template/, test fixtures) found from this source file's
/// path, for every test target.
public enum Fixtures {
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    public static func bytes(_ relativePath: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent(relativePath)))
    }

    /// The seed chain, version by version.
    public static let chain = ["01-original", "02-update-1", "03-update-2", "04-update-3", "05-update-4"]
        .map { "seeds/us-china-alaska-talks/" + $0 + ".txt" }
}
