import Foundation

/// A file an export writes whole or not at all: everything goes to a temporary file beside the
/// target (`.NAME.PID.tmp`, same directory so the rename stays on one filesystem), renamed over
/// the target only once complete. A killed export leaves at most that temporary file, never a
/// half-written target; an existing target is replaced only when the caller allows it.
final class StagedFile {
    let target: String
    let temporary: String

    /// Checks that `target` can be written (its directory exists; it is not a directory; it does
    /// not exist unless `replacing`) before any work starts.
    /// - Complexity: O(1): three `stat` calls.
    init(target: String, replacing: Bool) throws(WritethruError) {
        let url = URL(fileURLWithPath: target)
        let directory = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .cannotWrite(path: target, reason: "no directory \(directory)")
        }
        if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw .cannotWrite(path: target, reason: "it is a directory") }
            if !replacing { throw .cannotWrite(path: target, reason: "it exists (give --force to replace it)") }
        }
        self.target = target
        temporary = (directory as NSString).appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        unlink(temporary)
    }

    /// Renames the temporary file over the target.
    func commit() throws(WritethruError) {
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            discard()
            throw .cannotWrite(path: target, reason: reason)
        }
    }

    /// Removes the temporary file (after a failure or an interruption).
    func discard() { unlink(temporary) }

    /// The size of the target once committed, in bytes.
    var size: Int {
        ((try? FileManager.default.attributesOfItem(atPath: target))?[.size] as? NSNumber)?.intValue ?? 0
    }
}

/// Bytes written through a buffer to a file descriptor (a staged file, or standard output).
final class ByteOutput {
    private let descriptor: Int32
    private let owned: Bool
    private let name: String
    private var buffer: [UInt8] = []
    private(set) var written = 0
    static let bufferSize = 1 << 20

    /// Creates (truncating) the file at `path`.
    init(creating path: String, name: String) throws(WritethruError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .cannotWrite(path: name, reason: String(cString: strerror(errno))) }
        self.descriptor = descriptor
        owned = true
        self.name = name
        buffer.reserveCapacity(Self.bufferSize)
    }

    /// Standard output, not closed at the end.
    init(standardOutput name: String) {
        descriptor = STDOUT_FILENO
        owned = false
        self.name = name
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit { if owned { close(descriptor) } }

    func write(_ bytes: some Sequence<UInt8>) throws(WritethruError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    func write(_ text: String) throws(WritethruError) { try write(text.utf8) }

    /// Writes out the buffer, all of it (a short write is continued; EINTR retried).
    func flush() throws(WritethruError) {
        var offset = 0
        while offset < buffer.count {
            let count = buffer.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return Foundation.write(descriptor, base + offset, raw.count - offset)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .cannotWrite(path: name, reason: String(cString: strerror(errno)))
            }
            offset += count
        }
        written += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }
}
