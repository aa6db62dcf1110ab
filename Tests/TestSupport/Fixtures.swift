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

    /// A gzip file's bytes (the shared benchmark pages are gzipped), through `gzip -dc`; nil when
    /// it cannot be read.
    public static func gunzip(_ url: URL) -> [UInt8]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return nil }
        let bytes = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? Array(bytes) : nil
    }
}
