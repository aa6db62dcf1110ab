import Foundation

/// One input to record: its name as the user gave it, and its bytes exactly as received.
public struct InputFile: Sendable {
    /// The path given on the command line, or `-` for standard input.
    public let name: String
    public let bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    /// The largest input `record` and `parse` take. A news revision, even a page with its
    /// scripts, is far smaller; anything larger is a wrong file, and reading it whole would
    /// only exhaust memory.
    public static let maximumSize = 64 << 20

    /// Reads a file, or standard input when `path` is `-`. Pipes, FIFOs and process
    /// substitution (`<(...)`, `/dev/fd/N`) are read to their end, at most `maximumSize` bytes.
    public static func load(_ path: String) throws(WritethruError) -> InputFile {
        if path == "-" { return InputFile(name: path, bytes: try read(FileHandle.standardInput, path: path)) }
        // One stat (following links, as opening does) for existence, kind and size: Foundation's
        // attribute dictionary costs a tenth of a millisecond a file in a short command.
        var status = stat()
        guard stat(path, &status) == 0 else { throw .unreadableInput(file: path, reason: "no such file") }
        guard status.st_mode & S_IFMT != S_IFDIR else {
            throw .unreadableInput(file: path, reason: "is a directory, not a file")
        }
        guard Int(status.st_size) <= maximumSize else { throw tooLarge(path) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadableInput(file: path, reason: "cannot be read (permission denied?)")
        }
        defer { try? handle.close() }
        return InputFile(name: path, bytes: try read(handle, path: path))
    }

    /// Everything `handle` gives until its end, refusing more than `maximumSize` bytes.
    private static func read(_ handle: FileHandle, path: String) throws(WritethruError) -> [UInt8] {
        let data: Data
        do {
            data = try handle.read(upToCount: maximumSize + 1) ?? Data()
        } catch {
            throw .unreadableInput(file: path, reason: "cannot be read (\(error.localizedDescription))")
        }
        guard data.count <= maximumSize else { throw tooLarge(path) }
        return Array(data)
    }

    private static func tooLarge(_ path: String) -> WritethruError {
        .badInput(file: path, reason: "the input is larger than \(maximumSize >> 20) MB, too large for one revision")
    }

    /// The paths listed in a file, one a line (blank lines skipped); `-` reads standard input.
    public static func list(_ path: String) throws(WritethruError) -> [String] {
        let listing = try load(path)
        guard let text = String(validating: listing.bytes, as: UTF8.self) else {
            throw .badInput(file: path, reason: "the file list is not valid UTF-8")
        }
        return text.split(separator: "\n").map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
            .filter { !$0.isEmpty }
    }

    /// The name the input is kept under in a revision's `source/` folder: the file's base
    /// name with anything but ASCII letters, digits, `.`, `_` and `-` replaced by `_`.
    var sourceName: String {
        if name == "-" { return "stdin" }
        let base = name.split(separator: "/").last.map(String.init) ?? ""
        var safe = String(base.unicodeScalars.map { scalar -> Character in
            let ok = scalar.isASCII
                && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar))
            return ok ? Character(scalar) : "_"
        })
        while safe.hasPrefix(".") { safe.removeFirst() }
        if safe.count > 100 { safe = String(safe.suffix(100)) }
        return safe.isEmpty ? "input" : safe
    }
}
