internal import CLibGit2

extension Repository {
    /// A string from the repository's own config file (`<repository>/config`), never from the
    /// user's or the system's: nil when the key is not set. Nothing in that file travels with
    /// a clone or a fetch, so it may name programs to run (docs/hooks.md).
    ///
    /// - Complexity: one read and parse of the config file.
    public func localConfigString(_ key: String) throws -> String? {
        var config: OpaquePointer?
        try check(git_config_open_ondisk(&config, path + "config"), "git_config_open_ondisk")
        defer { git_config_free(config) }
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        let rc = git_config_get_string_buf(&buffer, config, key)
        if rc == GIT_ENOTFOUND.rawValue { return nil }
        try check(rc, "git_config_get_string_buf")
        return buffer.ptr.map { String(cString: $0) }
    }
}
