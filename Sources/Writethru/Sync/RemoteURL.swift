import Foundation

/// Which remote URLs Writethru accepts (docs/sync.md, "Remote URLs"): a local path, a URL whose
/// scheme is https, http, ssh, git or file, or scp-like `[user@]host:path`. Everything else is
/// refused before it is stored, in particular what would make libgit2 or git run a command or
/// read an option: `ext::` and other `<transport>::` helper forms, a leading `-`, control
/// characters and line breaks (a URL with a newline would add lines to the config file).
enum RemoteURL {
    static let schemes: Set<String> = ["https", "http", "ssh", "git", "file"]

    /// Why `url` cannot name a remote, or nil when it can.
    /// - Complexity: O(n) in the URL's length.
    static func problem(_ url: String) -> String? {
        if url.trimmingCharacters(in: .whitespaces).isEmpty { return "the remote's URL is empty" }
        if url.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            return "a remote's URL cannot hold control characters or line breaks"
        }
        if url.hasPrefix("-") { return "'\(url)' looks like an option, not a remote's URL" }
        if let transport = helperTransport(url) {
            return "'\(transport)::' URLs (remote helpers, which can run commands) are refused; "
                + "use a path or an https, http, ssh, git or file URL"
        }
        if let separator = url.range(of: "://") {
            let scheme = url[..<separator.lowerBound].lowercased()
            guard schemes.contains(scheme) else {
                return "'\(scheme)://' is not a remote Writethru can use; use a path or an https, http, ssh, git or file URL"
            }
            let authority = url[separator.upperBound...].prefix { $0 != "/" }
            if authority.split(separator: "@", omittingEmptySubsequences: false).last?.hasPrefix("-") == true {
                return "a remote's host cannot start with '-'"
            }
            return nil
        }
        if let host = scpHost(url) {
            guard !host.hasPrefix("-"), isHostName(host) else {
                return "'\(url)' is neither a path nor a URL (https, http, ssh, git, file) nor user@host:path"
            }
        }
        return nil
    }

    /// `ext` for `ext::sh -c ...`: the `<transport>::` prefix git hands to a remote helper.
    static func helperTransport(_ url: String) -> String? {
        guard let separator = url.range(of: "::") else { return nil }
        let transport = url[..<separator.lowerBound]
        guard !transport.isEmpty,
              transport.unicodeScalars.allSatisfy(isSchemeCharacter) else {
            return nil
        }
        return String(transport)
    }

    /// The host of scp-like `[user@]host:path` or `[user@][::1]:path` (a colon before any
    /// slash), or nil for a local path.
    static func scpHost(_ url: String) -> Substring? {
        var rest = Substring(url)
        if let at = rest.firstIndex(of: "@"), !rest[..<at].contains(where: { $0 == "/" || $0 == ":" }) {
            rest = rest[rest.index(after: at)...]
        }
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            let after = rest.index(after: close)
            return after < rest.endIndex && rest[after] == ":" ? rest[...close] : nil
        }
        guard let colon = rest.firstIndex(of: ":"), rest.firstIndex(of: "/").map({ colon < $0 }) ?? true else {
            return nil
        }
        return rest[..<colon]
    }

    /// A host name or address: letters, digits, `-`, `.` and `_`, or an address in brackets.
    static func isHostName(_ host: Substring) -> Bool {
        let bracketed = host.hasPrefix("[") && host.hasSuffix("]")
        let name = bracketed ? host.dropFirst().dropLast() : host
        return !name.isEmpty && name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || "-._".unicodeScalars.contains($0) || (bracketed && $0 == ":")
        }
    }

    static func isSchemeCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || "+-.".unicodeScalars.contains(scalar)
    }
}
