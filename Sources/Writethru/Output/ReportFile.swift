import Foundation

/// Writes reports to disk whole or not at all: into a temporary file beside the target, then
/// renamed over it, so a reader (or a web server) never sees half a page.
public enum ReportFile {
    public static func write(_ text: String, to path: String) throws(WritethruError) {
        let target = URL(fileURLWithPath: path)
        let directory = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory),
              isDirectory.boolValue else {
            throw .cannotWrite(path: path, reason: "no directory \(directory.path)")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .cannotWrite(path: path, reason: "is a directory")
        }
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(getpid()).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            guard rename(temporary.path, target.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw WritethruError.cannotWrite(path: path, reason: reason)
            }
        } catch let error as WritethruError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .cannotWrite(path: path,
                               reason: (error as NSError).localizedFailureReason ?? error.localizedDescription)
        }
    }

    /// Creates a directory (and its parents) for a site; fails when a file stands in the way.
    public static func makeDirectory(_ path: String) throws(WritethruError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .cannotWrite(path: path, reason: "is a file, not a directory") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: path,
                               reason: (error as NSError).localizedFailureReason ?? "cannot create the directory")
        }
    }
}
