import Foundation

extension Archive {
    /// Every reference lock file in the archive (under `refs/`, and `packed-refs.lock`), by
    /// path, with the writer its story's journals name and whether it is stale.
    /// - Complexity: O(references) directory entries walked, plus one read per writer journal.
    public func locks(now: Date = Date()) -> [ReferenceLock] {
        let journals = WriterRecord.all(in: path)
        var found: [String] = []
        if FileManager.default.fileExists(atPath: path + "/packed-refs.lock") { found.append("packed-refs.lock") }
        if let walker = FileManager.default.enumerator(atPath: path + "/refs") {
            while let next = walker.nextObject() as? String {
                if next.hasSuffix(".lock") { found.append("refs/" + next) }
            }
        }
        return found.sorted().compactMap { lock(at: $0, journals: journals, now: now) }
    }

    /// The lock on a story's branch, if there is one.
    func lock(of story: StoryID, now: Date = Date()) -> ReferenceLock? {
        let relative = story.referenceName + ".lock"
        guard FileManager.default.fileExists(atPath: path + "/" + relative) else { return nil }
        return lock(at: relative, journals: WriterRecord.all(in: path), now: now)
    }

    /// Deletes the stale locks (checked again one by one just before), and the journals of
    /// dead writers that only named them; returns what was removed. Never removes a lock a
    /// running writer may hold.
    public func removeStaleLocks(now: Date = Date()) throws(WritethruError) -> [ReferenceLock] {
        var removed: [ReferenceLock] = []
        for candidate in locks(now: now) where candidate.state == .stale {
            guard let again = lock(at: candidate.path, journals: WriterRecord.all(in: path), now: Date()),
                  again.state == .stale else { continue }
            guard unlink(path + "/" + candidate.path) == 0 || errno == ENOENT else {
                throw .storage("cannot remove \(path)/\(candidate.path): \(String(cString: strerror(errno)))")
            }
            removed.append(candidate)
        }
        // Opening the index deletes the dead writers' journals whose stories are now unlocked.
        _ = try derivedIndex()
        return removed
    }

    private func lock(at relative: String, journals: [WriterRecord], now: Date) -> ReferenceLock? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path + "/" + relative) else {
            return nil
        }
        let modified = (attributes[.modificationDate] as? Date) ?? now
        let prefix = Self.storyBranchPrefix.dropFirst("refs/".count)
        var story: StoryID?
        if relative.hasPrefix("refs/" + prefix) {
            let name = relative.dropFirst(("refs/" + prefix).count).dropLast(".lock".count)
            story = try? StoryID(validating: String(name))
        }
        // The writers that may have made it: those naming its story, or any for packed-refs;
        // never this process, which asks because the lock is in its way.
        let candidates = journals.filter { journal in
            journal.header?.writer != ProcessIdentity.current && (story.map(journal.stories.contains) ?? true)
        }
        let running = candidates.first { $0.isRunning != false }
        let owner = running ?? candidates.last
        let age = now.timeIntervalSince(modified)
        let state: ReferenceLock.State
        if age >= ReferenceLock.neverHeldFor {
            state = .stale
        } else if running != nil {
            state = .held
        } else {
            state = age >= ReferenceLock.staleAfter ? .stale : .recent
        }
        let writer = owner.flatMap { owner in
            owner.header.map { header in
                ReferenceLock.Writer(pid: header.writer.pid, host: header.writer.host, command: header.command,
                                     started: header.started, running: owner.isRunning)
            }
        }
        return ReferenceLock(path: relative, story: story, modified: modified, writer: writer, state: state)
    }
}
