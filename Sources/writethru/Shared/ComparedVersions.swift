import ArgumentParser
import Writethru

/// What `diff` and `claims` compare: STORY [FROM] [TO], or two files with --files.
struct ComparedVersions: ParsableArguments {
    @Flag(name: .long, help: "Compare two files instead of two versions of a story.")
    var files = false

    @Argument(help: ArgumentHelp("STORY [FROM] [TO], or OLD NEW with --files.", valueName: "argument"))
    var arguments: [String] = []

    func validate() throws {
        if files, arguments.count != 2 { throw ValidationError("--files takes two files: OLD NEW") }
        if !files, !(1...3).contains(arguments.count) { throw ValidationError("give STORY [FROM] [TO]") }
    }

    /// The two versions (by default the one before the latest and the latest), or the two files.
    func comparison(archive: ArchiveOption, reparse: Bool) throws(WritethruError) -> Comparison {
        if files {
            // Read as `parse` reads: with the settings of the archive named, if any.
            let old = try InputFile.load(arguments[0])
            let new = try InputFile.load(arguments[1])
            if let named = try Archive.named(option: archive.archive) { return try named.compare(files: old, new) }
            return try Archive.compare(files: old, new, config: .standard)
        }
        return try archive.open().compare(story: try StoryID(validating: arguments[0]),
                                          from: arguments.count == 3 ? arguments[1] : nil,
                                          to: arguments.count >= 2 ? arguments.last : nil, reparse: reparse)
    }
}
