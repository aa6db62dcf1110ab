import Foundation

/// Files of the repository (seeds/, repo-template/) found from this source file's path.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func bytes(_ relativePath: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent(relativePath)))
    }

    static let chain = (1...5).map { n in
        "seeds/us-china-alaska-talks/" + ["01-original", "02-update-1", "03-update-2", "04-update-3", "05-update-4"][n - 1] + ".txt"
    }
}
