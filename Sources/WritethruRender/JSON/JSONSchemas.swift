import Foundation

/// The JSON schemas of docs/schema/, compiled into the binary by scripts/embed-schemas.sh
/// (`JSONSchemas+Files.swift`), for `writethru schema`.
public enum JSONSchemas {
    /// One schema: `timeline`, `writethru.timeline/1`, `timeline.schema.json`.
    public struct Schema: Sendable, Equatable {
        /// The file name without `.schema.json`: `timeline`.
        public let name: String
        /// The file name: `timeline.schema.json`.
        public let file: String
        /// Its `$id`, the `schema` value of the output it describes: `writethru.timeline/1`.
        public let id: String
        /// Its `title`.
        public let title: String
        /// The file, byte for byte.
        public let text: String
    }

    static let suffix = ".schema.json"

    /// Every schema, sorted by name (`watch` before `watch-change`, which file names would swap).
    public static let all: [Schema] = files.keys.sorted { $0.dropLast(suffix.count) < $1.dropLast(suffix.count) }.map { file in
        let text = files[file] ?? ""
        let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
        return Schema(name: String(file.dropLast(suffix.count)), file: file, id: object["$id"] as? String ?? "",
                      title: object["title"] as? String ?? "", text: text)
    }

    /// The schema a name asks for, given as its name (`timeline`), its `$id`
    /// (`writethru.timeline/1`) or its file name (`timeline.schema.json`); nil when none is.
    /// - Complexity: O(s) in the number of schemas.
    public static func named(_ query: String) -> Schema? {
        all.first { $0.name == query || $0.id == query || $0.file == query }
    }
}
