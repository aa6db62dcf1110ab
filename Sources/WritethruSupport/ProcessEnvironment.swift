#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's environment variables, read by name (`getenv`). Foundation's
/// `ProcessInfo.processInfo.environment` builds a dictionary of every variable each time it is
/// read, about 0.1 ms a read in a short command; a command reads only the few it names.
public enum ProcessEnvironment {
    /// The value of `name`, nil when it is not set.
    /// - Complexity: O(v) in the size of the environment.
    public static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// The variables of `names` that are set, by name: what a function that takes an environment
    /// dictionary (so that tests can give it one) is given by default.
    public static func values(_ names: [String]) -> [String: String] {
        var found: [String: String] = [:]
        for name in names { found[name] = value(name) }
        return found
    }
}
