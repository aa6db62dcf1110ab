import ArgumentParser
import StoryText
import Writethru

/// How `parse` and `sentences` read a file: as `record` would, with the same reader (format
/// detected or `--input`, the HTML reader, the boilerplate rules, wire metadata), using the
/// settings and learned furniture of the archive named by `--archive` or `$WRITETHRU_ARCHIVE`;
/// with neither, the settings a new archive starts with. Nothing is recorded.
struct ReadingInputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Read settings from this archive.", valueName: "path"))
    var archive: String?

    @OptionGroup var inputFormat: InputOption

    func read(_ file: String) throws(WritethruError) -> [ReadRevision] {
        let input = try InputFile.load(file)
        if let named = try Archive.named(option: archive) {
            return try named.parse(input, format: inputFormat.input)
        }
        return try Archive.parse(input, format: inputFormat.input, config: .standard)
    }
}
