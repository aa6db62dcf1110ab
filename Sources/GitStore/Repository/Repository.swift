internal import CLibGit2
import Glibc

/// An open git repository. Owns its libgit2 handle and frees it in `deinit`.
///
/// Not `Sendable`: a libgit2 repository must not be used by two threads at once, so each
/// thread or process opens its own.
public final class Repository {
    let raw: OpaquePointer
    /// The directory the repository lives in (for a bare repository, the repository itself).
    public let path: String

    private init(raw: OpaquePointer) {
        self.raw = raw
        self.path = git_repository_path(raw).map { String(cString: $0) } ?? ""
    }

    deinit { git_repository_free(raw) }

    /// Creates a bare repository at `path` (making missing parent directories) whose HEAD
    /// names the unborn branch `initialBranch`.
    public static func createBare(at path: String, initialBranch: String) throws -> Repository {
        LibGit2.ensureInitialized()
        var options = git_repository_init_options()
        try check(git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)),
                  "git_repository_init_options_init")
        options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue | GIT_REPOSITORY_INIT_BARE.rawValue
        var out: OpaquePointer?
        try initialBranch.withCString { head in
            options.initial_head = head
            try check(git_repository_init_ext(&out, path, &options), "git_repository_init_ext")
        }
        guard let out else {
            throw GitError(rawCode: -1, message: "no repository", function: "git_repository_init_ext")
        }
        return Repository(raw: out)
    }

    /// Opens the repository at exactly `path`, without searching parent directories.
    public static func open(at path: String) throws -> Repository {
        LibGit2.ensureInitialized()
        var out: OpaquePointer?
        try check(git_repository_open_ext(&out, path, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil),
                  "git_repository_open_ext")
        guard let out else {
            throw GitError(rawCode: -3, message: "no repository at \(path)", function: "git_repository_open_ext")
        }
        return Repository(raw: out)
    }

    public var isBare: Bool { git_repository_is_bare(raw) == 1 }
}
