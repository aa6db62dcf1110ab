internal import CLibGit2
import Glibc

/// One reference a push tried to update, and why the remote refused it (nil: it took it).
public struct PushedReference: Sendable, Equatable {
    public let name: String
    public let rejection: String?
}

/// Credentials for remotes: an ssh key from the running ssh-agent for ssh URLs; for https, a
/// user name and token from `WRITETHRU_GIT_USERNAME` and `WRITETHRU_GIT_TOKEN` (docs/sync.md).
/// Each kind is offered once per operation, so a refused key ends the operation with
/// libgit2's authentication error instead of asking again for ever.
private final class CredentialState {
    var triedAgent = false
    var triedToken = false
}

private let acquireCredentials: git_credential_acquire_cb = { out, _, usernameFromURL, allowedTypes, payload in
    guard let out, let payload else { return GIT_PASSTHROUGH.rawValue }
    let state = Unmanaged<CredentialState>.fromOpaque(payload).takeUnretainedValue()
    if allowedTypes & GIT_CREDENTIAL_SSH_KEY.rawValue != 0, !state.triedAgent {
        state.triedAgent = true
        if let usernameFromURL { return git_credential_ssh_key_from_agent(out, usernameFromURL) }
        return "git".withCString { git_credential_ssh_key_from_agent(out, $0) }
    }
    if allowedTypes & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0, !state.triedToken,
       let user = getenv("WRITETHRU_GIT_USERNAME"), let token = getenv("WRITETHRU_GIT_TOKEN") {
        state.triedToken = true
        return git_credential_userpass_plaintext_new(out, user, token)
    }
    return GIT_PASSTHROUGH.rawValue
}

/// Collects what the remote said of each reference of a push.
private final class PushState {
    let credentials = CredentialState()
    var references: [PushedReference] = []
}

private let pushUpdateReference: git_push_update_reference_cb = { name, status, payload in
    guard let name, let payload else { return 0 }
    let state = Unmanaged<PushState>.fromOpaque(payload).takeUnretainedValue()
    state.references.append(PushedReference(name: String(cString: name), rejection: status.map { String(cString: $0) }))
    return 0
}

private let pushCredentials: git_credential_acquire_cb = { out, url, usernameFromURL, allowedTypes, payload in
    guard let payload else { return GIT_PASSTHROUGH.rawValue }
    let state = Unmanaged<PushState>.fromOpaque(payload).takeUnretainedValue()
    return acquireCredentials(out, url, usernameFromURL, allowedTypes,
                              Unmanaged.passUnretained(state.credentials).toOpaque())
}

extension Repository {
    // MARK: Remotes

    /// Whether `name` can name a remote (`origin`, `backup-1`; not `a b`, not `..`).
    public static func isValidRemoteName(_ name: String) -> Bool {
        LibGit2.ensureInitialized()
        var valid: Int32 = 0
        guard git_remote_name_is_valid(&valid, name) == 0 else { return false }
        return valid == 1
    }

    /// Adds a remote named `name` fetching every branch into `refs/remotes/<name>/*`.
    public func addRemote(name: String, url: String) throws {
        var remote: OpaquePointer?
        try check(git_remote_create(&remote, raw, name, url), "git_remote_create")
        git_remote_free(remote)
    }

    /// The remotes of the repository, by name, with their URLs.
    public func remotes() throws -> [(name: String, url: String)] {
        var names = git_strarray()
        try check(git_remote_list(&names, raw), "git_remote_list")
        defer { git_strarray_dispose(&names) }
        var result: [(name: String, url: String)] = []
        for index in 0..<names.count {
            guard let pointer = names.strings[index] else { continue }
            let name = String(cString: pointer)
            var remote: OpaquePointer?
            try check(git_remote_lookup(&remote, raw, name), "git_remote_lookup")
            defer { git_remote_free(remote) }
            result.append((name, git_remote_url(remote).map { String(cString: $0) } ?? ""))
        }
        return result.sorted { $0.name < $1.name }
    }

    /// Downloads what `refspecs` name from the remote and updates the local references they
    /// map to (for Writethru, remote-tracking references only; story branches are moved by the
    /// caller, by compare-and-swap).
    public func fetch(remote name: String, refspecs: [String]) throws {
        var options = git_fetch_options()
        try check(git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)), "git_fetch_options_init")
        let credentials = CredentialState()
        options.callbacks.credentials = acquireCredentials
        options.callbacks.payload = Unmanaged.passUnretained(credentials).toOpaque()
        options.prune = GIT_FETCH_NO_PRUNE
        options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE
        try withRemote(name) { remote in
            try withStringArray(refspecs) { array in
                _ = try check(git_remote_fetch(remote, &array, &options, "writethru: fetch"), "git_remote_fetch")
            }
        }
        withExtendedLifetime(credentials) {}
    }

    /// Pushes `refspecs` (`src:dst`, never forced unless prefixed with `+`) and returns what
    /// the remote said of each reference; a refused one carries the reason.
    public func push(remote name: String, refspecs: [String]) throws -> [PushedReference] {
        guard !refspecs.isEmpty else { return [] }
        var options = git_push_options()
        try check(git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION)), "git_push_options_init")
        let state = PushState()
        options.callbacks.credentials = pushCredentials
        options.callbacks.push_update_reference = pushUpdateReference
        options.callbacks.payload = Unmanaged.passUnretained(state).toOpaque()
        try withRemote(name) { remote in
            try withStringArray(refspecs) { array in
                _ = try check(git_remote_push(remote, &array, &options), "git_remote_push")
            }
        }
        return withExtendedLifetime(state) { state.references.sorted { $0.name < $1.name } }
    }

    /// Runs `body` with the remote named `name`, freed afterwards.
    private func withRemote(_ name: String, _ body: (OpaquePointer?) throws -> Void) throws {
        LibGit2.prepareNetwork()
        var remote: OpaquePointer?
        try check(git_remote_lookup(&remote, raw, name), "git_remote_lookup")
        defer { git_remote_free(remote) }
        try body(remote)
    }

    // MARK: Graph and objects

    /// True when `ancestor` is `descendant` or one of its ancestors.
    public func isAncestor(_ ancestor: ObjectID, of descendant: ObjectID) throws -> Bool {
        if ancestor == descendant { return true }
        var child = descendant.raw
        var parent = ancestor.raw
        return try check(git_graph_descendant_of(raw, &child, &parent), "git_graph_descendant_of") == 1
    }

    /// Reads an object whole, checking that its content hashes to its id; the error names
    /// what is wrong (missing, unreadable, corrupt).
    public func readObject(_ id: ObjectID) throws {
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, raw), "git_repository_odb")
        defer { git_odb_free(odb) }
        var object: OpaquePointer?
        var oid = id.raw
        try check(git_odb_read(&object, odb, &oid), "git_odb_read")
        defer { git_odb_object_free(object) }
        var computed = git_oid()
        try check(git_odb_hash(&computed, git_odb_object_data(object), git_odb_object_size(object),
                               git_odb_object_type(object)),
                  "git_odb_hash")
        guard ObjectID(computed) == id else {
            throw GitError(rawCode: -1,
                           message: "object \(id.short()) is corrupt: "
                               + "its content hashes to \(ObjectID(computed).short())",
                           function: "git_odb_hash")
        }
    }
}

/// Runs `body` with a `git_strarray` of `strings`, valid only during the call.
@discardableResult
private func withStringArray<Result>(_ strings: [String],
                                     _ body: (inout git_strarray) throws -> Result) throws -> Result {
    let duplicates = strings.map { strdup($0) }
    defer { duplicates.forEach { free($0) } }
    var pointers = duplicates.map { UnsafeMutablePointer<CChar>($0) }
    return try pointers.withUnsafeMutableBufferPointer { buffer in
        var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
        return try body(&array)
    }
}
