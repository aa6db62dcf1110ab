import Foundation
import WritethruSupport

/// A writing process's note beside the archive, in `<archive>/writethru-writers/`: who it is
/// (process, host, command, start) and, a line each, the stories whose branches it is about to
/// move, written before it moves them; a `-` line once what it moved is in the derived index.
/// A run that ends well deletes its journal. A journal whose writer is no longer running names
/// the stories whose latest revisions the derived index may lack (the writer was killed between
/// moving a branch and writing the index), and which writer a leftover lock file belongs to.
///
/// Appends are whole lines with O_APPEND, one `write` each; nothing is ever rewritten.
/// Thread-safe (one lock).
final class WriterJournal: @unchecked Sendable {
    /// The journal file's first line.
    struct Header: Codable, Equatable {
        var writer: ProcessIdentity
        var command: String
        var started: String
    }

    static let folderName = "writethru-writers"
    static func directory(of archivePath: String) -> String { archivePath + "/" + folderName }

    private let lock = NSLock()
    private let archivePath: String
    private var file: String?
    /// Stories named since the last `-`.
    private var pending: Set<String> = []
    /// Set when index lines were dropped: the journal stays for the next command to catch up.
    private var keep = false
    nonisolated(unsafe) private static var created = 0

    private let command: String
    private let started: Date

    /// Cheap: who the writer is is worked out on its first move.
    init(archivePath: String, command: String = WriterJournal.commandLine(), started: Date = Date()) {
        self.archivePath = archivePath
        self.command = command
        // Whole seconds: the fast path of `Timestamp.format`.
        self.started = Date(timeIntervalSince1970: started.timeIntervalSince1970.rounded(.down))
    }

    /// `writethru` and its subcommand, the way the process was started.
    static func commandLine() -> String {
        let arguments = CommandLine.arguments
        let program = arguments.first.map { ($0 as NSString).lastPathComponent } ?? "writethru"
        return ([program] + arguments.dropFirst().prefix(1)).joined(separator: " ")
    }

    /// Notes, before they move, the branches of `stories`.
    func willMove(_ stories: [StoryID]) {
        lock.withLock {
            let new = stories.map(\.value).filter { !pending.contains($0) }
            guard !new.isEmpty else { return }
            var text = ""
            if file == nil {
                let header = Header(writer: .current, command: command, started: Timestamp.format(started))
                file = open(header.writer)
                text = header.line + "\n"
            }
            text += new.joined(separator: "\n") + "\n"
            append(text)
            pending.formUnion(new)
        }
    }

    /// Notes that the derived index holds what the branches named so far point at.
    func markIndexed() {
        lock.withLock {
            guard !pending.isEmpty, !keep else { return }
            append("-\n")
            pending = []
        }
    }

    /// Notes that index lines for moved branches were dropped: the journal is left for the
    /// next command, which catches the index up.
    func dropIndexLines() {
        lock.withLock { keep = true }
    }

    /// Deletes the journal when everything it named is in the index.
    func close() {
        lock.withLock {
            guard let file, pending.isEmpty, !keep else { return }
            unlink(file)
            self.file = nil
        }
    }

    private func open(_ writer: ProcessIdentity) -> String {
        let directory = Self.directory(of: archivePath)
        if mkdir(directory, 0o755) != 0, errno != EEXIST {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        Self.created += 1
        return directory + "/\(writer.pid)-\(writer.start ?? 0)-\(Self.created).journal"
    }

    private func append(_ text: String) {
        guard let file else { return }
        let fd = Foundation.open(file, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        defer { Foundation.close(fd) }
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }
}

extension WriterJournal.Header {
    /// The header as one line of JSON with sorted keys, written by hand: `JSONEncoder` costs a
    /// writer's start-up more than the rest of its journal. Read back with `JSONDecoder`.
    var line: String {
        let quoted = JSONString.quoted
        let boot = writer.boot.map(quoted) ?? "null"
        let start = writer.start.map(String.init) ?? "null"
        return "{\"command\":\(quoted(command)),\"started\":\(quoted(started)),\"writer\":{\"boot\":\(boot),"
            + "\"host\":\(quoted(writer.host)),\"pid\":\(writer.pid),\"start\":\(start)}}"
    }
}

/// A journal as another process finds it.
struct WriterRecord {
    let path: String
    /// nil when the first line cannot be read (the writer died writing it).
    let header: WriterJournal.Header?
    /// Every story the journal names.
    let stories: Set<StoryID>
    /// The stories named after its last `-`: moved, perhaps not yet in the index.
    let unindexed: Set<StoryID>
    let modified: Date

    /// Whether its writer still runs (nil: it cannot be told, a process of another host). A
    /// journal without a readable header is taken as abandoned once a minute old.
    var isRunning: Bool? {
        guard let header else { return Date().timeIntervalSince(modified) < 60 }
        return header.writer.isRunning
    }

    /// Every journal of the archive at `archivePath`, by file name.
    static func all(in archivePath: String) -> [WriterRecord] {
        let directory = WriterJournal.directory(of: archivePath)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.filter { $0.hasSuffix(".journal") }.sorted().compactMap { read(directory + "/" + $0) }
    }

    static func read(_ path: String) -> WriterRecord? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let modified = ((try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date)
            ?? Date.distantPast
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: true)
        let header = lines.first.flatMap { try? JSONDecoder().decode(WriterJournal.Header.self, from: Data($0)) }
        var stories = Set<StoryID>()
        var unindexed = Set<StoryID>()
        for line in lines.dropFirst(header == nil ? 0 : 1) {
            let text = String(decoding: line, as: UTF8.self)
            if text == "-" {
                unindexed = []
            } else if let story = try? StoryID(validating: text) {
                stories.insert(story)
                unindexed.insert(story)
            }
        }
        return WriterRecord(path: path, header: header, stories: stories, unindexed: unindexed, modified: modified)
    }

    /// Marks everything the journal names as indexed (another process caught the index up).
    func markIndexed() {
        let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        _ = write(fd, "-\n", 2)
    }
}
