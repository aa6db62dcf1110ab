import Foundation
internal import GitStore
import StoryText
import WritethruSupport

/// A Writethru archive: one bare git repository, a branch per story (docs/storage.md).
///
/// Not `Sendable`, like the repository it wraps: open one per thread or process.
public final class Archive {
    public static let mainBranch = "refs/heads/main"
    public static let storyBranchPrefix = "refs/heads/stories/"

    public let path: String
    public let config: ArchiveConfig
    let repository: Repository
    /// This process's note of the branches it moves (docs/reliability.md), made on first use.
    private(set) lazy var journal = WriterJournal(archivePath: path)

    private init(path: String, repository: Repository, config: ArchiveConfig) {
        self.path = path
        self.repository = repository
        self.config = config
        GitSettings.setFsync(config.fsync)
    }

    /// The environment variables `location` and `named` read.
    public static let locationVariables = ["WRITETHRU_ARCHIVE", "XDG_DATA_HOME", "HOME"]

    /// The archive path a command uses: the `--archive` option, else `WRITETHRU_ARCHIVE`,
    /// else `$XDG_DATA_HOME/writethru/archive.git` (`~/.local/share/writethru/archive.git`).
    public static func location(option: String?,
                                environment: [String: String] = ProcessEnvironment.values(locationVariables)) -> String {
        if let option, !option.isEmpty { return option }
        if let fromEnvironment = environment["WRITETHRU_ARCHIVE"], !fromEnvironment.isEmpty { return fromEnvironment }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return dataHome + "/writethru/archive.git"
    }

    /// The archive a command that can work without one reads settings from: the one `--archive`
    /// or `WRITETHRU_ARCHIVE` names, opened; nil when neither names one (the command then uses
    /// `ArchiveConfig.standard`, the settings a new archive starts with).
    public static func named(option: String?,
                             environment: [String: String] = ProcessEnvironment.values(locationVariables))
        throws(WritethruError) -> Archive? {
        let named = [option, environment["WRITETHRU_ARCHIVE"]].compactMap { $0 }.first { !$0.isEmpty }
        return try named.map { path throws(WritethruError) in try open(at: path) }
    }

    /// Opens an existing archive, checking that it is one and that its format is readable.
    public static func open(at path: String) throws(WritethruError) -> Archive {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .notAnArchive(path: path, reason: "nothing is there (create one with `writethru init`)")
        }
        guard isDirectory.boolValue else { throw .notAnArchive(path: path, reason: "it is a file") }
        let repository: Repository
        do {
            repository = try Repository.open(at: path)
        } catch {
            throw .notAnArchive(path: path, reason: "it is not a git repository")
        }
        guard repository.isBare else {
            throw .notAnArchive(path: path, reason: "it is a git work tree, not a bare repository")
        }
        let configBytes: [UInt8]
        do {
            guard let main = try repository.reference(mainBranch),
                  let blob = try repository.entry(at: ArchiveConfig.fileName, inCommit: main) else {
                throw WritethruError.notAnArchive(path: path,
                                                  reason: "its main branch has no \(ArchiveConfig.fileName)")
            }
            configBytes = try repository.blob(blob)
        } catch let error as WritethruError {
            throw error
        } catch {
            throw .notAnArchive(path: path, reason: "its main branch cannot be read (\(error))")
        }
        let config: ArchiveConfig
        do {
            config = try ArchiveConfig.parse(configBytes)
        } catch {
            // The settings' own errors name the file; here the archive is what the user gave.
            guard case .notAnArchive(_, let reason) = error else { throw error }
            throw .notAnArchive(path: path, reason: reason)
        }
        guard config.format <= ArchiveConfig.currentFormat else {
            throw .notAnArchive(path: path, reason: "its storage format \(config.format) is newer than this writethru "
                                    + "reads (\(ArchiveConfig.currentFormat))")
        }
        return Archive(path: path, repository: repository, config: config)
    }

    /// Creates a new archive: a bare repository whose `main` branch holds the template files.
    /// Refuses a path that exists and is not an empty directory. On failure, removes what it
    /// created, so no half-made archive is left behind.
    @discardableResult
    public static func create(at path: String, now: Date = Date()) throws(WritethruError) -> Archive {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        let existed = fileManager.fileExists(atPath: path, isDirectory: &isDirectory)
        if existed {
            guard isDirectory.boolValue else { throw .cannotCreate(path: path, reason: "a file is there") }
            let contents = (try? fileManager.contentsOfDirectory(atPath: path)) ?? []
            guard contents.isEmpty else {
                let reason = (try? Repository.open(at: path)) != nil ? "an archive or git repository is already there"
                    : "the directory is not empty"
                throw .cannotCreate(path: path, reason: reason)
            }
        }
        do {
            let repository = try Repository.createBare(at: path, initialBranch: "main")
            let defaults = ArchiveConfig.standard
            var blobs: [String: ObjectID] = [:]
            for (name, text) in ArchiveTemplate.files {
                blobs[name] = try repository.writeBlob(Array(text.utf8))
            }
            let tree = try repository.writeTree(files: blobs)
            let signature = Signature(name: defaults.recorderName, email: defaults.recorderEmail,
                                      time: Int64(now.timeIntervalSince1970.rounded(.down)), offsetMinutes: 0)
            let commit = try repository.createCommit(tree: tree, parents: [], author: signature, committer: signature,
                                                     message: "Create Writethru archive "
                                                         + "(storage format \(ArchiveConfig.currentFormat))\n")
            try repository.updateReference(mainBranch, to: commit, expecting: nil, logMessage: "writethru init")
            try DerivedIndex(path: IndexLocation.path(ofArchive: path)).markBuilt()
        } catch {
            if existed {
                for item in (try? fileManager.contentsOfDirectory(atPath: path)) ?? [] {
                    try? fileManager.removeItem(atPath: path + "/" + item)
                }
            } else {
                try? fileManager.removeItem(atPath: path)
            }
            throw (error as? WritethruError) ?? .storage("\(error)")
        }
        return try open(at: path)
    }

    /// The tip of a story's branch, or nil when the story has no revision yet.
    func tip(of story: StoryID) throws(WritethruError) -> ObjectID? {
        return try inStorage { try repository.reference(story.referenceName) }
    }

    /// The revision's own time: the author time of its commit.
    func revisionTime(of commit: ObjectID) throws(WritethruError) -> Date {
        return try inStorage("revision \(commit.short())") {
            return Date(timeIntervalSince1970: TimeInterval(try repository.commit(commit).author.time))
        }
    }

    /// Every story and the tip of its branch, by id.
    func storyTips(under prefix: String = storyBranchPrefix) throws(WritethruError) -> [(StoryID, ObjectID)] {
        return try inStorage {
            return try repository.references(matching: prefix + "*").compactMap { ref in
                (try? StoryID(validating: String(ref.name.dropFirst(prefix.count)))).map { ($0, ref.target) }
            }
        }
    }

    /// The `article.md` of a revision commit.
    func article(at commit: ObjectID) throws(WritethruError) -> String {
        return try inStorage("revision \(commit.short())") {
            guard let blob = try repository.entry(at: RevisionTree.articlePath, inCommit: commit) else {
                throw WritethruError.storage("revision \(commit.short()) has no \(RevisionTree.articlePath)")
            }
            return String(decoding: try repository.blob(blob), as: UTF8.self)
        }
    }

    /// A story's commits from `tip` (default: its branch's), oldest first, so that the commit
    /// at offset n is version n + 1; empty for a story with no branch.
    /// - Complexity: O(v) commits walked.
    func history(of story: StoryID, from tip: ObjectID? = nil) throws(WritethruError) -> [ObjectID] {
        let branchTip: ObjectID? = if let tip { tip } else { try self.tip(of: story) }
        guard let start = branchTip else { return [] }
        return try inStorage("story \(story)") { try repository.firstParentHistory(from: start) }
    }

    /// Reads and decodes `meta.json` of a revision commit.
    func meta(of commit: ObjectID) throws(WritethruError) -> RevisionMeta {
        do {
            guard let blob = try repository.entry(at: RevisionTree.metaPath, inCommit: commit) else {
                throw WritethruError.storage("revision \(commit.short()) has no \(RevisionTree.metaPath)")
            }
            return try RevisionMeta.decode(try repository.blob(blob))
        } catch let error as WritethruError {
            throw error
        } catch {
            throw .storage("revision \(commit.short()): cannot read meta.json (\(error))")
        }
    }
}
