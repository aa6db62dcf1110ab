internal import CLibGit2

/// libgit2 must be initialised once per process before any other call; a lazily initialised
/// global runs `git_libgit2_init` exactly once and thread-safely.
private let libgit2InitCount: Int32 = git_libgit2_init()

enum LibGit2 {
    static func ensureInitialized() {
        _ = libgit2InitCount
    }
}

/// Process-wide libgit2 settings.
public enum GitSettings {
    /// Makes libgit2 fsync objects, packs and refs as it writes them: slower, but a commit
    /// survives a power cut the moment it is reported.
    public static func setFsync(_ enabled: Bool) {
        LibGit2.ensureInitialized()
        _ = cgit2_set_fsync_gitdir(enabled ? 1 : 0)
    }
}
