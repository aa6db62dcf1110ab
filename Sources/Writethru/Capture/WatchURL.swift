import Foundation

/// The one spelling of a watched URL, so that the same page is never watched twice: scheme and
/// host in lower case, no default port, no fragment, `/` for an empty path. Only `http` and
/// `https` are watched, and never a URL with a user name or password in it (the watch list is
/// kept in the archive, which travels).
public enum WatchURL {
    /// The normalized URL, or a one-line reason it cannot be watched (without the URL, which
    /// the caller names).
    public static func normalized(_ text: String) -> Result<String, SettingsProblem> {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return .failure(SettingsProblem("it is empty")) }
        guard trimmed.utf8.count <= 2_048 else { return .failure(SettingsProblem("it is longer than 2048 bytes")) }
        guard var parts = URLComponents(string: trimmed), let scheme = parts.scheme?.lowercased() else {
            return .failure(SettingsProblem("not a URL (give it with http:// or https://)"))
        }
        guard scheme == "http" || scheme == "https" else {
            return .failure(SettingsProblem("not an http or https URL"))
        }
        guard let host = parts.host?.lowercased(), !host.isEmpty else {
            return .failure(SettingsProblem("it names no host"))
        }
        guard parts.user == nil, parts.password == nil else {
            return .failure(SettingsProblem("it holds a user name or password, which the watch list would keep"))
        }
        if let port = parts.port, !(1...65_535).contains(port) {
            return .failure(SettingsProblem("its port \(port) is not 1-65535"))
        }
        parts.scheme = scheme
        parts.host = host
        parts.percentEncodedPath = removingDotSegments(parts.percentEncodedPath)
        if (scheme == "http" && parts.port == 80) || (scheme == "https" && parts.port == 443) { parts.port = nil }
        parts.fragment = nil
        if parts.percentEncodedPath.isEmpty { parts.percentEncodedPath = "/" }
        guard let url = parts.string else {
            return .failure(SettingsProblem("not a URL"))
        }
        return .success(url)
    }

    /// `path` without `.` and `..` segments (RFC 3986 5.2.4), so `/world/../world/a` and
    /// `/world/a` are one URL. O(n) in the path.
    static func removingDotSegments(_ path: String) -> String {
        guard path.contains("/.") || path.hasPrefix(".") else { return path }
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            let last = index == segments.count - 1
            switch segment {
            case ".":
                if last { output.append("") }
            case "..":
                if output.count > 1 { output.removeLast() }
                if last { output.append("") }
            default:
                output.append(segment)
            }
        }
        let joined = output.joined(separator: "/")
        return joined.hasPrefix("/") ? joined : "/" + joined
    }

    /// The host (with its port when not the default) requests are paced by.
    public static func hostKey(_ url: String) -> String {
        guard let parts = URLComponents(string: url), let host = parts.host else { return url }
        return parts.port.map { "\(host):\($0)" } ?? host
    }
}
