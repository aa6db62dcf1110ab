import ArgumentParser
import WritethruRender

/// `--format text|json|markdown|html`, for the story reports.
struct ReportFormatOption: ParsableArguments {
    @Option(name: .long, help: "Output format: text, json, markdown or html.")
    var format: ReportFormat = .text
}
