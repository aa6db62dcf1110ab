import Foundation
import TestSupport
import Testing

/// `writethru schema`: the list of docs/schema's JSON schemas, and each one printed exactly as
/// the file holds it, so a schema changed without `make schemas` (scripts/embed-schemas.sh)
/// fails here.
@Suite struct SchemaCommandTests {
    /// docs/schema/*.schema.json, by name (`timeline`).
    static func files() throws -> [String: String] {
        let folder = Fixtures.root.appendingPathComponent("docs/schema")
        var files: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".schema.json") {
            files[String(file.dropLast(".schema.json".count))] = try String(
                contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        }
        return files
    }

    /// Parsed JSON written again with sorted keys, to compare two values.
    static func canonical(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func everyEmbeddedSchemaIsTheFile() throws {
        let files = try Self.files()
        #expect(files.count >= 13)
        #expect(files["event"] != nil && files["update"] != nil)
        for (name, text) in files {
            let printed = try CommandRunner.writethru(["schema", name])
            #expect(printed.status == 0, "\(printed.stderr)")
            #expect(printed.stderr.isEmpty)
            #expect(printed.stdout == text, "docs/schema/\(name).schema.json differs from the binary's: run make schemas")
        }
    }

    @Test func theListNamesEverySchemaWithItsIdAndTitle() throws {
        let files = try Self.files()
        let listed = try CommandRunner.writethru(["schema"])
        #expect(listed.status == 0)
        let lines = listed.stdout.split(separator: "\n")
        #expect(lines.count == files.count)
        for (line, name) in zip(lines, files.keys.sorted()) {
            let schema = try Self.object(try #require(files[name]))
            let id = try #require(schema["$id"] as? String)
            let title = try #require(schema["title"] as? String)
            #expect(line.hasPrefix(name + " ") && line.contains("  " + id + "  ") && line.hasSuffix(title), "\(line)")
        }
        #expect(listed.stdout.contains("event  ") && listed.stdout.contains("writethru.event/1"))

        let json = try CommandRunner.writethru(["schema", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: String]])
        #expect(rows.map { $0["name"] } == files.keys.sorted())
        #expect(rows.map { $0["file"] } == files.keys.sorted().map { $0 + ".schema.json" })
        #expect(rows.first { $0["name"] == "timeline" }?["id"] == "writethru.timeline/1")
    }

    @Test(arguments: ["timeline", "writethru.timeline/1", "timeline.schema.json"])
    func aSchemaIsFoundByNameIdOrFile(name: String) throws {
        let printed = try CommandRunner.writethru(["schema", name])
        #expect(printed.status == 0)
        #expect(printed.stdout == (try Self.files())["timeline"])
    }

    @Test(arguments: ["nosuch", "writethru.timeline/9", "docs/schema/timeline.schema.json", ""])
    func anUnknownSchemaIsAUsageError(name: String) throws {
        let result = try CommandRunner.writethru(["schema", name])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("writethru: error: no schema is named '\(name)'; the schemas are blame, capture, changes, claims, diff, event, "))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
        let json = try CommandRunner.writethru(["schema", name, "--format", "json"])
        #expect(json.status == 64)
        #expect(json.stderr.hasPrefix("{\"error\": {\"code\": 64, \"message\": \"no schema is named"))
    }

    /// The event's `update` is update.schema.json, repeated so that the event's file stands alone.
    @Test func theEventHoldsTheUpdateSchema() throws {
        let files = try Self.files()
        let event = try Self.object(try #require(files["event"]))
        let update = try Self.object(try #require(files["update"]))
        let definitions = try #require(event["$defs"] as? [String: Any])
        var body = update
        for key in ["$schema", "$id", "title", "description", "$defs"] { body.removeValue(forKey: key) }
        #expect(try Self.canonical(try #require(definitions["update"])) == (try Self.canonical(body)))
        for (name, definition) in try #require(update["$defs"] as? [String: Any]) {
            #expect(try Self.canonical(try #require(definitions[name])) == (try Self.canonical(definition)), "$defs.\(name)")
        }
    }
}
