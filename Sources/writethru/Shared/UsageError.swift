import ArgumentParser
import Foundation

/// Usage errors as one line on stderr, `writethru: error: ...`, exit 64, like every other error.
enum UsageError {
    static func fail(_ message: String) -> Never {
        writeError(message, code: ExitCode.validationFailure.rawValue)
        exit(ExitCode.validationFailure.rawValue)
    }

    /// The message for a first argument that names no command ("recrod"), with the closest
    /// command name when one is near; nil when the first argument is an option, `help` or a
    /// command.
    static func unknownCommand(in arguments: [String], known: [String]) -> String? {
        guard let first = arguments.dropFirst().first, !first.hasPrefix("-"), first != "help",
              !known.contains(first) else { return nil }
        let nearest = known.map { ($0, distance(first, $0)) }.min { $0.1 < $1.1 }
        let suggestion = nearest.flatMap { $0.1 <= 2 ? " (did you mean '\($0.0)'?)" : nil } ?? ""
        return "unknown command '\(first)'\(suggestion); `writethru --help` lists the commands"
    }

    /// Levenshtein distance between two short words.
    /// - Complexity: O(n x m) in their lengths.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
