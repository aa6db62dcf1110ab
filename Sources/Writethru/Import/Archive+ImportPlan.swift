import Foundation
internal import GitStore
import StoryText

extension Archive {
    /// The revisions under `paths`. A file is one input (JSON Lines give one revision a line)
    /// whose story is found from its own metadata, as `record` finds it. A directory holds
    /// such files and one folder per story: the folder's name is the story id, its files are
    /// the versions in the order of their names ("v2" before "v10"). Hidden files are skipped.
    ///
    /// Inside a directory, a symbolic link is never followed (it could lead out of the tree
    /// given): it is rejected. A path given in `paths` is followed even when it is a link, since
    /// the user named it. Folders whose different names give one story id ("My Story",
    /// "my-story") would silently merge two stories: the first in natural order is taken, the
    /// files of the others are rejected.
    /// - Complexity: O(files) directory entries visited; no input is read.
    public static func importPlan(paths: [String]) -> ImportPlan {
        var plan = ImportPlan()
        var folders = StoryFolders()
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                plan.rejected.append((path, "no such file or directory"))
                continue
            }
            if isDirectory.boolValue {
                addDirectory(path, folders: &folders, to: &plan)
            } else {
                plan.items.append(ImportItem(file: path, in: nil, story: nil))
            }
        }
        return plan
    }

    /// The reason an import gives for an entry it does not follow.
    static let symbolicLinkReason = "a symbolic link (not followed)"
    /// The reason for a named pipe, socket or device inside a tree: reading a pipe would wait
    /// for a writer for ever, and none of them is a captured version.
    static let specialFileReason = "not a regular file (a named pipe, socket or device: not read)"

    private static func addDirectory(_ directory: String, folders: inout StoryFolders, to plan: inout ImportPlan) {
        for (name, kind) in entries(of: directory) {
            let path = directory + "/" + name
            switch kind {
            case .symbolicLink:
                plan.rejected.append((path, symbolicLinkReason))
                continue
            case .special:
                plan.rejected.append((path, specialFileReason))
                continue
            case .file:
                plan.items.append(ImportItem(file: name, in: directory, story: nil))
                continue
            case .folder:
                break
            }
            guard let story = (try? StoryID(validating: name)) ?? StoryID.derived(fromKey: name) else {
                plan.rejected.append((path, "no story id can be made from the folder's name"))
                continue
            }
            let collision = folders.claim(story, folder: name)
            for (file, nested) in entries(of: path) {
                let filePath = path + "/" + file
                if let collision {
                    plan.rejected.append((filePath, collision))
                } else if nested == .symbolicLink {
                    plan.rejected.append((filePath, symbolicLinkReason))
                } else if nested == .special {
                    plan.rejected.append((filePath, specialFileReason))
                } else if nested == .folder {
                    plan.rejected.append((filePath, "a folder inside a story's folder (one folder per story)"))
                } else {
                    plan.items.append(ImportItem(file: file, in: path, story: story))
                }
            }
        }
    }

    /// What a directory entry is, read without following a symbolic link.
    enum EntryKind {
        case file, folder, symbolicLink
        /// A named pipe, socket, block or character device.
        case special
    }

    /// Visible entries of a directory in natural order, with what each is.
    private static func entries(of directory: String) -> [(String, EntryKind)] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { !$0.hasPrefix(".") }
        return names.sorted(by: naturalOrder).map { name in
            // attributesOfItem reads the entry itself (lstat), not what a link points to.
            let type = (try? FileManager.default.attributesOfItem(atPath: directory + "/" + name))?[.type]
                as? FileAttributeType
            switch type {
            case .typeSymbolicLink: return (name, .symbolicLink)
            case .typeDirectory: return (name, .folder)
            case .typeRegular, nil: return (name, .file)
            default: return (name, .special)
            }
        }
    }

    /// "v2" before "v10": runs of digits compare as numbers, the rest byte by byte.
    static func naturalOrder(_ a: String, _ b: String) -> Bool {
        func parts(_ text: String) -> [(String, Int?)] {
            var result: [(String, Int?)] = []
            var current = ""
            var digits = false
            for character in text {
                let isDigit = character.isASCII && character.isNumber
                if !current.isEmpty, isDigit != digits {
                    result.append((current, digits ? Int(current) : nil))
                    current = ""
                }
                digits = isDigit
                current.append(character)
            }
            if !current.isEmpty { result.append((current, digits ? Int(current) : nil)) }
            return result
        }
        for (x, y) in zip(parts(a), parts(b)) where x.0 != y.0 {
            if let m = x.1, let n = y.1, m != n { return m < n }
            return x.0 < y.0
        }
        return parts(a).count != parts(b).count ? parts(a).count < parts(b).count : a < b
    }

    /// The revisions a "git scraping" repository's history holds: every version of every file
    /// matching `pattern` (fnmatch, `*` also crosses `/`), oldest commit first, each dated by its
    /// commit when it names no time itself. With `jsonField`, a file is JSON (an object, or an
    /// array of objects) and that field holds the text; `groupBy` names the field that tells
    /// stories apart (a URL, an id), else each file path is one story. The plan holds blob ids,
    /// not contents: each version is read again when its turn comes, so a long history is never
    /// all in memory.
    /// - Complexity: O(c x f) for c commits with f files each (tree reads); blobs are read only when
    ///  their turn comes.
    public static func importPlan(gitRepository path: String, pattern: String, jsonField: String?,
                                  groupBy: String?) throws(WritethruError) -> ImportPlan {
        let source: BlobSource
        do {
            source = BlobSource(try Repository.open(at: path))
        } catch {
            throw .unreadableInput(file: path, reason: "not a git repository (\(error))")
        }
        let history: [ObjectID]
        do {
            guard let head = try source.repository.reference("HEAD") else { return ImportPlan() }
            history = try source.repository.historyByTime(from: head)
        } catch {
            throw .unreadableInput(file: path, reason: "its history cannot be read (\(error))")
        }
        let label = URL(fileURLWithPath: path).lastPathComponent
        var plan = ImportPlan()
        var last: [String: ObjectID] = [:]
        for commit in history {
            let files: [String: ObjectID]
            let time: Date
            do {
                files = try source.repository.files(inCommit: commit)
                time = Date(timeIntervalSince1970: TimeInterval(try source.repository.commit(commit).committer.time))
            } catch {
                throw .unreadableInput(file: path, reason: "commit \(commit.short()) cannot be read (\(error))")
            }
            for (file, blob) in files.sorted(by: { $0.key < $1.key })
            where fnmatch(pattern, file, 0) == 0 && last[file] != blob {
                last[file] = blob
                let name = "\(label)@\(commit.short(10)):\(file)"
                guard let jsonField else {
                    let story = StoryID.derived(fromKey: file)
                    plan.items.append(ImportItem(name: name, story: story,
                                                 fallbackTime: time) { () throws(WritethruError) in
                        InputFile(name: name, bytes: try source.bytes(of: blob, name: name))
                    })
                    continue
                }
                let bytes: [UInt8]
                do {
                    bytes = try source.bytes(of: blob, name: name)
                } catch {
                    plan.rejected.append((name, error.description))
                    continue
                }
                addJSON(bytes, blob: blob, source: source, name: name, path: file, field: jsonField,
                        groupBy: groupBy, time: time, to: &plan)
            }
        }
        return plan
    }

    /// The objects of a JSON file: one object, or an array of objects; nil when it is neither.
    private static func jsonObjects(_ bytes: [UInt8]) -> [[String: Any]]? {
        guard let json = try? JSONSerialization.jsonObject(with: Data(bytes)) else { return nil }
        return (json as? [[String: Any]]) ?? (json as? [String: Any]).map { [$0] }
    }

    private static func addJSON(_ bytes: [UInt8], blob: ObjectID, source: BlobSource, name: String, path: String,
                                field: String, groupBy: String?, time: Date, to plan: inout ImportPlan) {
        guard let objects = jsonObjects(bytes) else {
            plan.rejected.append((name, "not JSON"))
            return
        }
        if objects.isEmpty { plan.rejected.append((name, "neither a JSON object nor an array of objects")) }
        for (offset, object) in objects.enumerated() {
            let itemName = objects.count > 1 ? name + "#\(offset + 1)" : name
            guard let text = object[field] as? String,
                  !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                plan.rejected.append((itemName, "no text in field '\(field)'"))
                continue
            }
            let key: String
            if let groupBy {
                guard let value = object[groupBy].map({ "\($0)" }), !value.isEmpty else {
                    plan.rejected.append((itemName, "no value in field '\(groupBy)' to tell its story"))
                    continue
                }
                key = value
            } else {
                key = path
            }
            guard let story = StoryID.derived(fromKey: key) else {
                plan.rejected.append((itemName, "no story id can be made from '\(key)'"))
                continue
            }
            // Read and parsed again when its turn comes (the plan keeps no texts).
            plan.items.append(ImportItem(name: itemName, story: story,
                                         fallbackTime: time) { () throws(WritethruError) in
                let objects = jsonObjects(try source.bytes(of: blob, name: itemName)) ?? []
                guard offset < objects.count, let text = objects[offset][field] as? String else {
                    throw .unreadableInput(file: itemName, reason: "changed while the import ran")
                }
                return InputFile(name: itemName, bytes: Array(text.utf8))
            })
        }
    }
}

