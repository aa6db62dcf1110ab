import Foundation

/// One revision an import will record: where it comes from, and how to read its bytes when
/// its turn comes (so a large import never holds every input in memory).
///
/// A file of a tree names its folder and its own name apart: the files of one folder share the
/// folder's path, and a short name is kept inline, so an item of a tree costs tens of bytes
/// (the plan of 100,000 story folders held 30 MB of paths and closures when each item kept
/// its whole path and a closure to read it).
public struct ImportItem: Sendable {
    /// Where an item's bytes come from.
    enum Source: Sendable {
        /// A file, inside `folder` (nil: the path as given).
        case file(folder: String?, name: String)
        /// Anything else (a blob of a git history, an object of a JSON file): read by `load`.
        case loaded(name: String, load: @Sendable () throws(WritethruError) -> InputFile)
    }

    let source: Source
    public let story: StoryID?
    public let fallbackTime: Date?

    /// An item read by `load` when its turn comes.
    init(name: String, story: StoryID?, fallbackTime: Date?,
         load: @escaping @Sendable () throws(WritethruError) -> InputFile) {
        source = .loaded(name: name, load: load)
        self.story = story
        self.fallbackTime = fallbackTime
    }

    /// The file `name` inside `folder` (nil: `name` is the path), read from disk when its turn comes.
    init(file name: String, in folder: String?, story: StoryID?) {
        source = .file(folder: folder, name: name)
        self.story = story
        fallbackTime = nil
    }

    /// The input's name as reports give it: a file's path.
    public var name: String {
        switch source {
        case .file(let folder, let name): folder.map { $0 + "/" + name } ?? name
        case .loaded(let name, _): name
        }
    }

    /// Reads the input.
    func load() throws(WritethruError) -> InputFile {
        switch source {
        case .file: try InputFile.load(name)
        case .loaded(_, let load): try load()
        }
    }
}
