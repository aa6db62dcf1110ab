import ArgumentParser
import Writethru

/// `--archive PATH`, repeatable: the archives a command that reads across collections looks
/// through (`search`, `stories`, `export`). Large collections are kept as one archive per
/// source and year (docs/scale.md); with none given, the one `Archive.location` names.
struct ArchivesOption: ParsableArguments {
    @Option(name: .customLong("archive"), help: ArgumentHelp(
        "An archive (a bare git repository); repeat to read several.", valueName: "path"))
    var archives: [String] = []

    /// The paths, in the order given, each once.
    var paths: [String] {
        guard !archives.isEmpty else { return [Archive.location(option: nil)] }
        var seen = Set<String>()
        return archives.filter { seen.insert($0).inserted }
    }

    /// True when more than one archive is read: output then names each hit's archive.
    var isSeveral: Bool { paths.count > 1 }

    func open() throws(WritethruError) -> [Archive] {
        var opened: [Archive] = []
        for path in paths { opened.append(try Archive.open(at: path)) }
        return opened
    }
}
