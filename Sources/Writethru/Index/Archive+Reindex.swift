import Foundation
import SQLiteStore
import StoryText

extension Archive {
    /// Rebuilds the derived index from the story branches into a new file beside it, then
    /// copies that into the live index in one step (SQLite's online backup: a search running
    /// meanwhile sees the old index or the new one, and writers wait), and finally learns what
    /// writers recorded while it was being rebuilt. Returns the number of stories and
    /// revisions read.
    /// - Complexity: O(r) revisions read back from git.
    public func reindex() throws(WritethruError) -> (stories: Int, revisions: Int) {
        let live = IndexLocation.path(ofArchive: path)
        let fresh = live + ".rebuilding-\(getpid())"
        func removeFresh() { for suffix in ["", "-wal", "-shm", "-journal"] { unlink(fresh + suffix) } }
        removeFresh()
        defer { removeFresh() }
        let counts: (stories: Int, revisions: Int)
        do {
            let index = try DerivedIndex(path: fresh)
            index.learnAfterStories = config.reading.boilerplate.learnAfterStories
            counts = try fill(index)
            try index.markBuilt()
        }
        let target = try derivedIndexFile(at: live)
        do {
            let source = try Database(path: fresh, readOnly: true, create: false)
            try target.read { (database: Database) throws(SQLiteError) in try database.replaceContents(from: source) }
        } catch let error as WritethruError {
            throw error
        } catch {
            throw .storage("cannot replace the derived index \(live): \(error)")
        }
        // What writers recorded while the copy was built: compare every branch again.
        _ = try catchUpIndex(target)
        try? FileManager.default.removeItem(atPath: path + "/" + IndexLocation.legacyFolder)
        return counts
    }

    /// The live index file, opened without building it.
    private func derivedIndexFile(at location: String) throws(WritethruError) -> DerivedIndex {
        let index = try DerivedIndex(path: location)
        index.learnAfterStories = config.reading.boilerplate.learnAfterStories
        index.journal = journal
        return index
    }
}
