/// Whether errors are printed as JSON: when the command line asks for JSON output, so that a
/// program reading a command's JSON reads its failure as JSON too (docs/decisions/0040).
///
/// Decided from the command line itself, not from a parsed option, so that a usage error (an
/// unknown option, a bad value, a missing argument), which the parser reports before any
/// command exists, is JSON too: the last `--format VALUE` or `--format=VALUE` before a `--`
/// decides, as the parser lets the last one win; `json`, `jsonl` and `post-json` ask for JSON.
enum ErrorFormat {
    static let isJSON = asksForJSON(CommandLine.arguments.dropFirst())

    /// The formats whose errors are JSON.
    static let jsonFormats: Set<String> = ["json", "jsonl", "post-json"]

    /// Whether `arguments` (without the program name) ask for JSON output.
    /// - Complexity: O(n) in the arguments.
    static func asksForJSON(_ arguments: some Sequence<String>) -> Bool {
        var format: String?
        var awaitsValue = false
        for argument in arguments {
            if awaitsValue {
                format = argument
                awaitsValue = false
            } else if argument == "--" {
                break
            } else if argument == "--format" {
                awaitsValue = true
            } else if argument.hasPrefix("--format=") {
                format = String(argument.dropFirst("--format=".count))
            }
        }
        return format.map(jsonFormats.contains) ?? false
    }
}
