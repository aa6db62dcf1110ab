import Foundation
internal import GitStore

extension Archive {
    /// Writes what `index` queued in one transaction, story by story: the queued versions
    /// when they lead from the indexed tip to the branch's tip, else what git holds (another
    /// writer moved the branch in between, or a staged revision lost a race). Then tells the
    /// writer's journal, and notes the references as seen when no other tool moved one since
    /// this index was opened.
    /// - Complexity: O(q) for q queued versions, plus O(v) reads for a story learned from git.
    func flush(_ index: DerivedIndex) throws(WritethruError) {
        let queued = index.takeQueued()
        if !queued.isEmpty {
            try index.write { writer throws(WritethruError) in
                for (name, versions) in queued {
                    guard let story = try? StoryID(validating: name) else { continue }
                    try apply(versions, of: story, in: writer)
                }
                try noteReferences(index, in: writer)
            }
        }
        index.journal?.markIndexed()
    }

    /// `flush`, for the end of a command whose record already stands: a failure is left to the
    /// writer's journal, whose story the next command learns again.
    func flushAfterRecording(_ index: DerivedIndex) {
        do {
            try flush(index)
        } catch {
            index.discardUnwritten()
        }
    }

    private func apply(_ versions: [IndexedVersion], of story: StoryID, in writer: IndexWriter) throws(WritethruError) {
        let state = try writer.state(of: story.value)
        let base = state?.versions ?? 0
        let fresh = versions.filter { $0.number > base }
        guard let tip = try tip(of: story) else { return }
        if state?.tip == tip.hex { return }
        let consecutive = fresh.enumerated().allSatisfy { $0.element.number == base + 1 + $0.offset }
        if let first = fresh.first, consecutive, fresh.last?.commit == tip.hex,
           try parent(of: first.commit) == state?.tip {
            try writer.apply(story.value, fresh, after: state)
        } else {
            try catchUp(story, to: tip, in: writer)
        }
    }

    /// The first parent of a commit given by its hex id (nil for a root commit).
    private func parent(of commit: String) throws(WritethruError) -> String? {
        guard let id = ObjectID(hex: commit) else { return nil }
        return try inStorage("revision \(id.short())") { try repository.commit(id).parents.first?.hex }
    }
}
