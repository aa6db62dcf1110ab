import Foundation
internal import GitStore

extension Archive {
    /// The name of the hook run after each recorded revision, and of its file in `hooks/`.
    public static let postRecordHookName = "post-record"

    /// The git config key of the archive's own config file that names the post-record hook.
    public static let postRecordHookKey = "writethru.postRecordHook"

    /// The program to run after each recorded revision, or nil when there is none: the path
    /// `writethru.postRecordHook` in the archive's own git config file (`<archive>/config`;
    /// relative to the archive's folder unless absolute), else `hooks/post-record` in the
    /// archive's folder when a file is there. Neither travels with `clone` or `pull` (as git's
    /// own hooks do not), so an archive taken from elsewhere never names a program to run; the
    /// shared settings (writethru.json) hold only the time limit. A named program that is
    /// missing or not executable is still returned, so that running it reports why it did not
    /// run; a missing `hooks/post-record` is no hook at all.
    ///
    /// - Complexity: one read of the archive's config file and one `stat`.
    public var postRecordHook: Hook? {
        let timeout = config.hooks.timeoutSeconds
        let named = (try? repository.localConfigString(Self.postRecordHookKey)) ?? nil
        if let named, !named.isEmpty {
            let path = named.hasPrefix("/") ? named : absolutePath + "/" + named
            return Hook(name: Self.postRecordHookName, path: path, source: .archiveConfig, timeout: timeout)
        }
        // Looked for where the archive is opened from; made absolute only when it is there (most
        // archives have none, and `absolutePath` costs Foundation's URL set-up).
        var status = stat()
        guard stat(path + "/hooks/" + Self.postRecordHookName, &status) == 0,
              status.st_mode & S_IFMT != S_IFDIR else { return nil }
        return Hook(name: Self.postRecordHookName, path: absolutePath + "/hooks/" + Self.postRecordHookName,
                    source: .archiveFolder, timeout: timeout)
    }

    /// The archive's path made absolute against the current directory, `.` and `..` resolved
    /// (what a hook is told in `WRITETHRU_ARCHIVE`), without a trailing slash; symbolic links
    /// are left as they are.
    public var absolutePath: String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
