import Foundation
import TestSupport
import Testing

/// `timeline`, `blame`, `history`, `report` and `site` on the seed chain, every format,
/// compared byte for byte with Expected/.
@Suite struct TimelineCommandTests {
    static let story = "us-china-alaska-talks"

    @Test(arguments: [
        (["timeline", story], "timeline.txt"),
        (["timeline", story, "--format", "json"], "timeline.json"),
        (["timeline", story, "--format", "markdown"], "timeline.md"),
        (["timeline", story, "--format", "html"], "timeline.html"),
        (["blame", story], "blame.txt"),
        (["blame", story, "UPDATE 3", "--sentences"], "blame-4-sentences.txt"),
        (["blame", story, "--format", "json"], "blame.json"),
        (["blame", story, "2", "--format", "markdown"], "blame-2.md"),
        (["history", story, "--claim", "million Uighurs"], "history-uighurs.txt"),
        (["history", story, "--claim", "did not immediately respond", "--format", "json"], "history-removed.json"),
        (["history", story, "--claim", "foreign ministry on Thursday", "--format", "markdown"], "history-confirmed.md"),
        (["report", story, "-o", "-"], "report.html"),
    ])
    func formatsMatchExpected(arguments: [String], expected: String) throws {
        let workspace = try Workspace.withSeedChain()
        let result = try CommandRunner.writethru(arguments + ["--archive", workspace.archive], environment: ["COLUMNS": "100"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        try expectMatches(result.stdout, expected: expected)
    }

    @Test func colourOnlyWhenAskedOrOnATerminal() throws {
        let workspace = try Workspace.withSeedChain()
        let plain = try workspace.writethru(["timeline", Self.story])
        #expect(!plain.stdout.contains("\u{1B}["))
        let coloured = try workspace.writethru(["timeline", Self.story, "--color", "always"])
        #expect(coloured.stdout.contains("\u{1B}[1mv5 UPDATE 4\u{1B}[0m"))
        #expect(coloured.stdout.contains("\u{1B}[31mUNDECLARED ¶1 date-changed: date changed (March 19 -> March 18)\u{1B}[0m"))
    }

    @Test func timelineWrapsToTheTerminalWidth() throws {
        let workspace = try Workspace.withSeedChain()
        var counts: [Int] = []
        for width in [60, 140] {
            let result = try CommandRunner.writethru(["timeline", Self.story, "--archive", workspace.archive], environment: ["COLUMNS": "\(width)"])
            let lines = result.stdout.split(separator: "\n")
            #expect(lines.allSatisfy { $0.count <= width }, "a line is wider than \(width)")
            counts.append(lines.count)
        }
        #expect(counts[0] > counts[1] + 10, "narrower terminals should get more, shorter lines: \(counts)")
    }

    @Test func reportShowsEveryPairAndTheBlameOfTheLatestVersion() throws {
        let workspace = try Workspace.withSeedChain()
        let path = workspace.directory + "/story.html"
        let result = try workspace.writethru(["report", Self.story, "-o", path])
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("wrote \(path) ("))
        let html = try String(contentsOfFile: path, encoding: .utf8)
        for old in 1...4 {
            for new in (old + 1)...5 { #expect(html.contains("id=\"pair-\(old)-\(new)\"")) }
        }
        // Only the latest update is shown until another pair is chosen.
        #expect(html.contains("<article class=\"pair step\" id=\"pair-4-5\">"))
        #expect(html.contains("<article class=\"pair step\" id=\"pair-3-4\" hidden>"))
        // Nothing is fetched: no external scripts, styles, images or fonts.
        for fetch in ["src=", "<link", "@import", "url("] { #expect(!html.contains(fetch), "report fetches with \(fetch)") }
        // The page's script and its table of pair fragments (JSON, which runs nothing).
        #expect(html.components(separatedBy: "<script").count == 3)
        #expect(html.contains("<script id=\"fragments\" type=\"application/json\">"))
        #expect(html.contains("<span class=\"b1 re\" title=\"introduced in v1, last changed in v3\">U.S. Secretary of State Antony Blinken"))
    }

    @Test func aLongStoryHoldsEveryPair() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        var files: [String] = []
        var paragraphs = ["Officials from both countries will meet in Anchorage on Thursday."]
        for version in 1...32 {
            paragraphs.append("Update \(version): the delegation added \(version * 3) advisers to the talks.")
            files.append(workspace.write("v\(version).txt", Array(("Anchorage talks\n\n" + paragraphs.joined(separator: "\n\n") + "\n").utf8)))
        }
        let recorded = try workspace.writethru(["record", "--story", "long", "--at", "2021-03-11T10:00:00Z"] + files)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let html = try workspace.writethru(["report", "long", "-o", "-"]).stdout
        let pairs = html.components(separatedBy: "<article class=\"pair").count - 1
        // Every pair of 32 versions (docs/decisions/0037-report-pairs.md).
        #expect(pairs == 32 * 31 / 2)
        for id in ["pair-1-2", "pair-31-32", "pair-1-17", "pair-17-32", "pair-2-4"] { #expect(html.contains("id=\"\(id)\"")) }
        let timeline = try workspace.writethru(["timeline", "long", "--format", "json"]).stdout
        #expect(timeline.components(separatedBy: "\"number\": ").count - 1 == 32)
    }

    @Test func reportEscapesEveryPieceOfArticleText() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let versions = [
            "Officials <b>meet</b> in Anchorage\n\nOfficials from both countries will meet in Anchorage on Thursday.\n",
            "Officials <script>alert(1)</script> meet\n\n(Adds comment)\n\nOfficials from both countries will meet in Anchorage on Thursday, "
                + "a spokesman said.\n\n\"We expect <script>alert(1)</script> & more,\" he said.\n",
        ]
        for (index, text) in versions.enumerated() {
            let file = workspace.write("v\(index + 1).txt", Array(text.utf8))
            let recorded = try workspace.writethru(["record", "--story", "escaping", "--at", "2021-03-1\(index + 1)T10:00:00Z", file])
            #expect(recorded.status == 0, "\(recorded.stderr)")
        }
        for arguments in [["report", "escaping", "-o", "-"], ["timeline", "escaping", "--format", "html"],
                          ["blame", "escaping", "--format", "html"], ["history", "escaping", "--claim", "expect", "--format", "html"]] {
            let html = try workspace.writethru(arguments).stdout
            #expect(!html.contains("<script>alert"), "\(arguments[0]) lets a script through")
            #expect(!html.contains("<b>meet"), "\(arguments[0]) lets markup through")
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(arguments[0]) hides the text")
        }
    }

    @Test func siteWritesAnIndexAndOneReportPerStory() throws {
        let workspace = try Workspace.withSeedChain()
        let other = workspace.write("other.txt", Array("Quad leaders to hold first summit\n\nLeaders of the Quad will meet online on Friday.\n".utf8))
        #expect(try workspace.writethru(["record", "--story", "quad-summit", "--at", "2021-03-12T08:00:00Z", other]).status == 0)
        let site = workspace.directory + "/site"
        let result = try workspace.writethru(["site", site])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("wrote \(site)/index.html and 2 story pages, "))
        let index = try String(contentsOfFile: site + "/index.html", encoding: .utf8)
        try expectMatches(index, expected: "site-index.html")
        let page = try String(contentsOfFile: site + "/stories/\(Self.story).html", encoding: .utf8)
        let report = try workspace.writethru(["report", Self.story, "-o", "-"]).stdout
        // The site's page is the report with a link up to the index and the story's feed, beside it.
        let feedLink = "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Updates to \(Self.story)\" "
            + "href=\"\(Self.story).xml\">\n"
        let feedAnchor = "<a class=\"feed\" href=\"\(Self.story).xml\" type=\"application/atom+xml\" "
            + "title=\"Updates to \(Self.story)\">Feed</a>"
        #expect(page == report
            .replacingOccurrences(of: "<header>", with: "<header><p class=\"up\"><a href=\"../index.html\">All stories</a> "
                                  + feedAnchor + "</p>")
            .replacingOccurrences(of: "</title>\n<style>", with: "</title>\n" + feedLink + "<style>"))
        #expect(FileManager.default.fileExists(atPath: site + "/stories/\(Self.story).xml"))
        #expect(FileManager.default.fileExists(atPath: site + "/stories/quad-summit.html"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site + "/stories").filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func aSentenceThatComesBackIsReintroduced() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let lead = "Officials from both countries will meet in Anchorage on Thursday."
        let quote = "\"We have no illusions about the talks,\" a senior official said."
        let versions = [
            [lead, quote], [lead, "The talks will last two days."], [lead, "The talks will last two days.", quote],
        ]
        for (index, paragraphs) in versions.enumerated() {
            let file = workspace.write("v\(index + 1).txt", Array(("Anchorage talks\n\n" + paragraphs.joined(separator: "\n\n") + "\n").utf8))
            #expect(try workspace.writethru(["record", "--story", "anchorage", "--at", "2021-03-1\(index + 1)T10:00:00Z", file]).status == 0)
        }
        let blame = try workspace.writethru(["blame", "anchorage"]).stdout
        #expect(blame.contains("v1     v3     v3     ¶3  \"We have no illusions"))
        let history = try workspace.writethru(["history", "anchorage", "--claim", "no illusions"]).stdout
        let gap = String(repeating: " ", count: 12)
        #expect(history.contains("  v2" + gap + "removed from ¶2\n"))
        #expect(history.contains("  v3" + gap + "reintroduced in ¶3 (it had been removed)\n"))
        let json = try workspace.writethru(["history", "anchorage", "--claim", "no illusions", "--format", "json"]).stdout
        struct History: Decodable {
            struct Sentence: Decodable { struct Event: Decodable { let kind: String }; let events: [Event]; let inLatest: Bool }
            let sentences: [Sentence]
        }
        let decoded = try JSONDecoder().decode(History.self, from: Data(json.utf8))
        #expect(decoded.sentences.map { $0.events.map(\.kind) } == [["introduced", "removed", "reintroduced"]])
        #expect(decoded.sentences.first?.inLatest == true)
    }

    @Test func aStoryWithOneVersionHasATimelineABlameAndAReport() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let file = workspace.write("only.txt", Array("Quad leaders to hold first summit\n\nLeaders of the Quad will meet online on Friday.\n".utf8))
        #expect(try workspace.writethru(["record", "--story", "quad", "--at", "2021-03-12T08:00:00Z", file]).status == 0)
        let timeline = try workspace.writethru(["timeline", "quad"])
        #expect(timeline.stdout == """
            quad: 1 version, 2021-03-12T08:00:00Z to 2021-03-12T08:00:00Z

            v1  2021-03-12T08:00:00Z
                Quad leaders to hold first summit
                1 paragraph, first version

            """)
        let blame = try workspace.writethru(["blame", "quad", "--sentences"])
        #expect(blame.stdout.hasSuffix("v1     v1     ·      ¶1.1  Leaders of the Quad will meet online on Friday.\n"))
        let report = try workspace.writethru(["report", "quad", "-o", "-"])
        #expect(report.stdout.contains("Only one version: nothing to compare yet."))
        #expect(!report.stdout.contains("<article class=\"pair"))
    }

    @Test func historyFallsBackToTheClosestSentence() throws {
        let workspace = try Workspace.withSeedChain()
        let result = try workspace.writethru(["history", Self.story, "--claim", "China foreign ministry confirmed the talks on Thursday", "--format", "json"])
        #expect(result.status == 0)
        struct History: Decodable { struct Sentence: Decodable { let origin: Int }; let approximate: Bool; let sentences: [Sentence] }
        let decoded = try JSONDecoder().decode(History.self, from: Data(result.stdout.utf8))
        #expect(decoded.approximate)
        #expect(decoded.sentences.map(\.origin) == [4])
    }

    static let badRequests: [([String], Int32)] = [
        (["timeline", "no-such-story"], 67),
        (["timeline", "../etc"], 64),
        (["blame", story, "9"], 67),
        (["blame", story, "UPDATE 9"], 67),
        (["history", story, "--claim", "zebra crossing quartet"], 67),
        (["history", story, "--claim", "  "], 64),
        (["report", story, "-o", "/nonexistent-dir/report.html"], 73),
        (["report", story], 64),
        ]

    @Test(arguments: badRequests)
    func badRequestsFailWithOneLine(arguments: [String], status: Int32) throws {
        let workspace = try Workspace.withSeedChain()
        let before = workspace.snapshot()
        let result = try workspace.writethru(arguments)
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("writethru: error: ") || result.stderr.hasPrefix("Error: "), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
        #expect(workspace.snapshot() == before)
    }

    @Test func siteRefusesAFileWhereTheDirectoryShouldBe() throws {
        let workspace = try Workspace.withSeedChain()
        let file = workspace.write("not-a-directory", Array("x".utf8))
        let result = try workspace.writethru(["site", file])
        #expect(result.status == 73)
        #expect(result.stderr.hasPrefix("writethru: error: cannot write \(file)/stories: "))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
    }
}

@Suite struct TimelineSchemaTests {
    @Test(arguments: [
        (["timeline", "us-china-alaska-talks", "--format", "json"], "timeline"),
        (["blame", "us-china-alaska-talks", "--format", "json"], "blame"),
        (["history", "us-china-alaska-talks", "--claim", "said", "--format", "json"], "history"),
    ])
    func outputFollowsTheSchema(arguments: [String], schema name: String) throws {
        let workspace = try Workspace.withSeedChain()
        let problems = try SchemaCheck.problems(in: try workspace.writethru(arguments).stdout, schema: name)
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }
}

/// A JSON document as JSONDecoder reads it, so that booleans and numbers stay apart.
indirect enum JSONValue: Decodable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null
        } else if let value = try? container.decode(Bool.self) { self = .bool(value)
        } else if let value = try? container.decode(Double.self) { self = .number(value)
        } else if let value = try? container.decode(String.self) { self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) { self = .array(value)
        } else { self = .object(try container.decode([String: JSONValue].self)) }
    }
}

/// The part of JSON Schema our schemas use: objects with exactly their listed keys, arrays,
/// `$ref`, `oneOf`, `const`, `enum` and the basic types (nullable as `["string", "null"]`).
struct SchemaCheck {
    let root: [String: Any]

    /// What in `output` (a JSON document) breaks docs/schema/NAME.schema.json, including a
    /// `schema` key other than the schema's `$id` (`writethru.NAME/N`).
    static func problems(in output: String, schema name: String) throws -> [String] {
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(Fixtures.bytes("docs/schema/\(name).schema.json"))) as? [String: Any])
        let document = try JSONDecoder().decode(JSONValue.self, from: Data(output.utf8))
        var problems = SchemaCheck(root: schema).problems(document, schema, at: "$")
        let id = schema["$id"] as? String ?? "writethru.\(name)/1"
        if !id.hasPrefix("writethru.\(name)/") { problems.append("$id \(id) does not name writethru.\(name)") }
        if case .object(let top) = document, case .string(let tag)? = top["schema"], tag == id {
            return problems
        }
        problems.append("$.schema: not \(id)")
        return problems
    }

    func problems(_ value: JSONValue, _ schema: [String: Any], at path: String) -> [String] {
        if let reference = schema["$ref"] as? String {
            let name = String(reference.dropFirst("#/$defs/".count))
            guard let target = (root["$defs"] as? [String: Any])?[name] as? [String: Any] else { return ["\(path): unknown \(reference)"] }
            return problems(value, target, at: path)
        }
        if let options = schema["oneOf"] as? [[String: Any]] {
            return options.contains { problems(value, $0, at: path).isEmpty } ? [] : ["\(path): matches no option"]
        }
        if let constant = schema["const"] as? String {
            if case .string(constant) = value { return [] }
            return ["\(path): not \(constant)"]
        }
        if let choices = schema["enum"] as? [String] {
            if case .string(let text) = value, choices.contains(text) { return [] }
            return ["\(path): \(value) not in enum"]
        }
        let types = (schema["type"] as? [String]) ?? [(schema["type"] as? String) ?? "any"]
        switch value {
        case .null: return types.contains("null") ? [] : ["\(path): null"]
        case .bool: return types.contains("boolean") ? [] : ["\(path): unexpected boolean"]
        case .number(let number):
            if types.contains("number") || (types.contains("integer") && number == number.rounded()) { return [] }
            return ["\(path): unexpected number"]
        case .string: return types.contains("string") ? [] : ["\(path): unexpected string"]
        case .array(let array):
            guard types.contains("array"), let items = schema["items"] as? [String: Any] else { return ["\(path): unexpected array"] }
            return array.enumerated().flatMap { problems($0.element, items, at: path + "[\($0.offset)]") }
        case .object(let object):
            guard types.contains("object") else { return ["\(path): unexpected object"] }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            var found = Set(object.keys) == Set(properties.keys) ? [] : ["\(path): keys \(object.keys.sorted()) vs \(properties.keys.sorted())"]
            for (key, item) in object.sorted(by: { $0.key < $1.key }) {
                if let property = properties[key] as? [String: Any] { found += problems(item, property, at: path + "." + key) }
            }
            return found
        }
    }
}
