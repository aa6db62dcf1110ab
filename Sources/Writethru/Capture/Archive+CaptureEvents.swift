import Foundation
internal import GitStore

extension Archive {
    /// The notes reference capture events are kept on (git's notes layout: a commit whose tree
    /// names each annotated commit by its id), read by `git log --notes=capture`.
    static let captureNotesReference = "refs/notes/capture"

    /// Adds `event` to the note on `commit` (a story's latest version), by compare-and-swap on
    /// the notes reference. The story's branch and every version stay as they are.
    /// - Complexity: O(n) in the number of notes (the notes tree is rewritten whole).
    func note(_ event: CaptureEvent, on commit: ObjectID) throws(WritethruError) {
        for attempt in 1...Self.maximumAttempts {
            let moved = try inStorage("the capture notes") { () throws -> Bool in
                let tip = try repository.reference(Self.captureNotesReference)
                var files = try tip.map { try repository.files(inCommit: $0) } ?? [:]
                let old = try files[commit.hex].map { try repository.blob($0) } ?? []
                var text = String(decoding: old, as: UTF8.self)
                if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
                text += event.line + "\n"
                files[commit.hex] = try repository.writeBlob(Array(text.utf8))
                let tree = try repository.writeTree(files: files)
                let settings = CommitSettings(config: config)
                let signature = Signature(name: settings.recorderName, email: settings.recorderEmail,
                                          time: Int64(event.at.timeIntervalSince1970.rounded(.down)),
                                          offsetMinutes: settings.offsetMinutes(at: event.at))
                let note = try repository.createCommit(tree: tree, parents: tip.map { [$0] } ?? [],
                                                       author: signature, committer: signature,
                                                       message: "Notes added by 'writethru capture'\n")
                do {
                    try repository.updateReference(Self.captureNotesReference, to: note, expecting: tip,
                                                   logMessage: "writethru capture: \(event.kind.rawValue)")
                    return true
                } catch let error as GitError where error.isReferenceRace {
                    return false
                }
            }
            if moved { return }
            usleep(UInt32.random(in: 0...UInt32(min(attempt, 20) * 250)))
        }
        throw .contention("the capture notes kept changing under this writer; run the command again")
    }

    /// The capture events noted on each of `commits`, by commit, oldest first within each.
    public func captureEvents(on commits: [CommitID]) throws(WritethruError) -> [CommitID: [CaptureEvent]] {
        try inStorage("the capture notes") { () throws -> [CommitID: [CaptureEvent]] in
            guard let tip = try repository.reference(Self.captureNotesReference) else { return [:] }
            let files = try repository.files(inCommit: tip)
            var events: [CommitID: [CaptureEvent]] = [:]
            for commit in commits {
                // git may keep notes flat (`<id>`) or fanned out (`ab/cdef...`).
                let hex = commit.hex
                guard let blob = files[hex] ?? files[String(hex.prefix(2)) + "/" + hex.dropFirst(2)] else { continue }
                let lines = String(decoding: try repository.blob(blob), as: UTF8.self).split(separator: "\n")
                let found = lines.compactMap(CaptureEvent.init(line:))
                if !found.isEmpty { events[commit] = found }
            }
            return events
        }
    }
}
