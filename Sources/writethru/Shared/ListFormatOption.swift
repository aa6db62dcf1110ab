import ArgumentParser
import WritethruRender

extension ListFormat: NamedArgument {}
extension TimelineFormat: NamedArgument {}

/// `--format text|json|jsonl`, for the commands that list things (`stories`, `log`, `search`,
/// `changes`); the other commands do not take `jsonl`.
struct ListFormatOption: ParsableArguments {
    @Option(name: .long, help: "Output format: text, json or jsonl (JSON Lines: one object a line).")
    var format: ListFormat = .text
}
