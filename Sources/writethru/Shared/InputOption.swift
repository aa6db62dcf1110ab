import ArgumentParser
import StoryText

/// `--input text|html|json`: how to read an input, when detecting it is not enough.
struct InputOption: ParsableArguments {
    @Option(name: .long, help: "Input format: text, html or json (default: detected from the content).")
    var input: InputFormat?
}
