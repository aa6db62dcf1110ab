internal import CGitStoreSupport
internal import CLibGit2

/// libgit2 must be initialised once per process before any other call; a lazily initialised
/// global runs `git_libgit2_init` exactly once and thread-safely. The CA bundle Debian's
/// libgit2 parses while it initialises is deferred until a network remote is used
/// (`prepareNetwork()`, docs/decisions/0016).
private let libgit2InitCount: Int32 = {
    writethru_certificates_defer(1)
    writethru_tls_defer(1)
    defer {
        writethru_tls_defer(0)
        writethru_certificates_defer(0)
    }
    let count = git_libgit2_init()
    GitMemory.apply()
    return count
}()

/// Sets up TLS and loads the deferred CA bundle once, before the first network operation.
private let networkPrepared: Bool = {
    LibGit2.ensureInitialized()
    // The release defers libgit2's whole mbedTLS set-up (decision 0045): run it now, with the
    // certificates still deferred, so that it names the bundle as git_libgit2_init() would have.
    writethru_certificates_defer(1)
    _ = writethru_tls_set_up()
    writethru_certificates_defer(0)
    let file = writethru_certificates_deferred_file()
    let path = writethru_certificates_deferred_path()
    guard file != nil || path != nil else { return false }
    return cgit2_set_ssl_cert_locations(file, path) == 0
}()

enum LibGit2 {
    static func ensureInitialized() {
        _ = libgit2InitCount
    }

    /// Makes libgit2 ready to talk to a network remote: loads the certificates its
    /// initialisation would have parsed. Cheap after the first call; harmless for local and
    /// ssh remotes.
    static func prepareNetwork() {
        _ = networkPrepared
    }

    /// The CA bundle libgit2's initialisation named and this process deferred, if any.
    static var deferredCertificates: String? {
        ensureInitialized()
        return (writethru_certificates_deferred_file() ?? writethru_certificates_deferred_path())
            .map { String(cString: $0) }
    }

    /// How many certificate files or folders mbedTLS really parsed in this process.
    static var certificateLoads: Int { Int(writethru_certificates_loaded()) }
}

/// Process-wide libgit2 settings.
public enum GitSettings {
    /// Makes libgit2 fsync objects, packs and refs as it writes them: slower, but a commit
    /// survives a power cut the moment it is reported.
    public static func setFsync(_ enabled: Bool) {
        LibGit2.ensureInitialized()
        _ = cgit2_set_fsync_gitdir(enabled ? 1 : 0)
    }

    /// The most bytes of pack files libgit2 keeps mapped at once in this process.
    public static var mappedPackLimit: Int {
        LibGit2.ensureInitialized()
        return Int(cgit2_mwindow_mapped_limit())
    }

    /// The most bytes of objects libgit2's cache keeps in this process.
    public static var objectCacheLimit: Int {
        LibGit2.ensureInitialized()
        return Int(cgit2_cache_max_size())
    }
}
