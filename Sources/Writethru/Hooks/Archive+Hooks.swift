import Foundation

extension Archive {
    /// The name of the hook run after each recorded revision, and of its file in `hooks/`.
    public static let postRecordHookName = "post-record"

    /// The program to run after each recorded revision, or nil when there is none: the path in
    /// writethru.json's `hooks.postRecord` (relative to the archive's folder unless absolute),
    /// else `hooks/post-record` in the archive's folder when a file is there. A named program
    /// that is missing or not executable is still returned, so that running it reports why it
    /// did not run; a missing `hooks/post-record` is no hook at all.
    ///
    /// - Complexity: one `stat` of the archive's `hooks/post-record`; nothing is read.
    public var postRecordHook: Hook? {
        let timeout = config.hooks.timeoutSeconds
        let named = config.hooks.postRecord
        if !named.isEmpty {
            let path = named.hasPrefix("/") ? named : absolutePath + "/" + named
            return Hook(name: Self.postRecordHookName, path: path, source: .settings, timeout: timeout)
        }
        let path = absolutePath + "/hooks/" + Self.postRecordHookName
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return nil
        }
        return Hook(name: Self.postRecordHookName, path: path, source: .archiveFolder, timeout: timeout)
    }

    /// The archive's path made absolute against the current directory, `.` and `..` resolved
    /// (what a hook is told in `WRITETHRU_ARCHIVE`), without a trailing slash; symbolic links
    /// are left as they are.
    public var absolutePath: String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
