import ArgumentParser
import Writethru

/// `--archive PATH`: the archive a command reads or writes.
struct ArchiveOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The archive (a bare git repository).", valueName: "path"))
    var archive: String?

    var path: String { Archive.location(option: archive) }

    func open() throws(WritethruError) -> Archive { try Archive.open(at: path) }
}
