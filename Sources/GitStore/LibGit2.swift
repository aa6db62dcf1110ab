internal import CLibGit2
import Glibc

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
    /// Starts libgit2's one-time initialisation on a background thread. Debian's libgit2
    /// parses the system's CA bundle when it initialises (a few milliseconds); a command line
    /// tool can let that run while it parses its arguments. Any libgit2 call made before it
    /// finishes waits for it, so calling this is always safe.
    public static func warmUp() {
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { _ in
            LibGit2.ensureInitialized()
            return nil
        }, nil)
        if started == 0 { pthread_detach(thread) }
    }

    /// Makes libgit2 fsync objects, packs and refs as it writes them: slower, but a commit
    /// survives a power cut the moment it is reported.
    public static func setFsync(_ enabled: Bool) {
        LibGit2.ensureInitialized()
        _ = cgit2_set_fsync_gitdir(enabled ? 1 : 0)
    }
}
