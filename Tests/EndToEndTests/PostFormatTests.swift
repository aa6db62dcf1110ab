import Foundation
import TestSupport
import Testing

/// `timeline --format post` and `audit --format post` (and `post-json`): the seed chain's posts
/// byte for byte, and on stories whose headlines and quotes hold emoji with skin tones and ZWJ
/// sequences, flags, combining accents and CJK: no post longer than the limit counted in
/// graphemes, nothing lost or repeated across a thread, the numbering right.
@Suite struct PostFormatTests {
    static let story = "us-china-alaska-talks"

    @Test(arguments: [
        (["timeline", story, "--format", "post"], "posts-latest.txt", Int32(0)),
        (["timeline", story, "--format", "post", "--version", "UPDATE 2", "--link-base", "https://news.example.org/"],
         "posts-update-2.txt", Int32(0)),
        (["timeline", story, "--format", "post", "--version", "1", "--limit", "500"], "posts-first.txt", Int32(0)),
        (["timeline", story, "--format", "post-json", "--since", "2021-03-11T12:00:00Z", "--limit", "500"],
         "posts-since.json", Int32(0)),
        (["audit", story, "--format", "post", "--version", "3", "--link-base", "https://news.example.org"],
         "posts-audit-3.txt", Int32(2)),
        (["audit", story, "--format", "post"], "posts-audit-latest.txt", Int32(0)),
    ])
    func seedChainPostsMatchExpected(arguments: [String], expected: String, status: Int32) throws {
        let workspace = try Workspace.withSeedChain()
        let result = try workspace.writethru(arguments)
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        try expectMatches(result.stdout, expected: expected)
    }

    struct Posts: Decodable {
        struct Thread: Decodable {
            struct Post: Decodable { let text: String; let graphemes: Int }
            let version: Int
            let tag: String?
            let title: String
            let posts: [Post]
        }
        let schema: String
        let story: String
        let limit: Int
        let link: String?
        let threads: [Thread]
    }

    static func posts(_ workspace: Workspace, _ arguments: [String]) throws -> Posts {
        let result = try workspace.writethru(arguments)
        #expect(result.status == 0 || result.status == 2, "\(result.stderr)")
        return try JSONDecoder().decode(Posts.self, from: Data(result.stdout.utf8))
    }

    /// A story whose every update's text is hard to cut: emoji sequences, combining accents,
    /// CJK without spaces, a long unbroken run, written by the recording desk as three versions.
    static func unicodeStory(_ workspace: Workspace) throws {
        #expect(try workspace.writethru(["init"]).status == 0)
        let family = "👩‍👩‍👧‍👦", thumbs = "👍🏽", flag = "🇯🇵", cafe = "cafe\u{301}", kiss = "🧑🏾‍❤️‍💋‍🧑🏻"
        let v1 = """
            Tokyo summit 東京で首脳会談 opens \(flag)

            TOKYO, May 3 (Reuters) - Leaders met at the Ginza \(cafe) on Friday, officials said, with 12 delegations attending.

            "We welcome every family \(family) to the talks," the mayor said.

            """
        let v2 = """
            UPDATE 1-Tokyo summit 東京で首脳会談 draws \(thumbs) crowds \(flag)

            (Adds mayor's quote, delegation count)

            TOKYO, May 3 (Reuters) - Leaders met at the Ginza \(cafe) on Friday, officials said, with 15 delegations attending.

            "We welcome every family \(family)\(family) to the talks \(kiss), and we thank the volunteers of Shinjuku \(thumbs)," the mayor said.

            首脳会談は金曜日に始まり、十五の代表団が出席したと当局者が述べた。参加者は平和と協力について話し合った。

            \(String(repeating: family, count: 40))

            """
        let v3 = """
            UPDATE 2-Tokyo summit 東京で首脳会談 ends early, Renée Zoë says \(family)

            (Adds closing statement)

            TOKYO, May 4 (Reuters) - Leaders left the Ginza \(cafe) on Saturday, officials said, with 9 delegations remaining.

            "We thank every family \(family)\(thumbs)\(kiss) that came," Renée Zoë, the mayor's spokeswoman, said. "Merci à tous, même à l'équipe de sécurité \(flag)."

            首脳会談は土曜日に早めに終わった。参加者は平和と協力について話し合った。

            \(String(repeating: kiss, count: 30))

            """
        for (index, text) in [v1, v2, v3].enumerated() {
            let file = workspace.write("tokyo-\(index).txt", Array(text.utf8))
            let at = ["2024-05-03T08:00:00Z", "2024-05-03T12:30:00Z", "2024-05-04T09:15:00Z"][index]
            let result = try workspace.writethru(["record", "--story", "tokyo-summit", "--at", at, file])
            #expect(result.status == 0, "\(result.stderr)")
        }
    }

    /// What a thread says, numbering taken off: its graphemes other than whitespace, in order.
    static func content(_ posts: [String]) -> [Character] {
        let numbered = posts.count > 1
        return posts.enumerated().flatMap { offset, post -> [Character] in
            let prefix = "\(offset + 1)/\(posts.count) "
            let body = numbered && post.hasPrefix(prefix) ? post.dropFirst(prefix.count) : Substring(post)
            return Array(body).filter { !$0.isWhitespace }
        }
    }

    @Test(arguments: [60, 61, 79, 100, 140, 300, 500])
    func noPostPassesTheLimitAndTheThreadHoldsEverythingOnce(limit: Int) throws {
        let workspace = try Workspace()
        try Self.unicodeStory(workspace)
        for focus in ["timeline", "audit"] {
            for version in ["1", "2", "3"] {
                let whole = try Self.posts(workspace, [focus, "tokyo-summit", "--format", "post-json", "--version", version,
                                                       "--limit", "100000", "--link-base", "https://news.example.org"])
                let text = try #require(whole.threads.first?.posts.first?.text)
                #expect(whole.threads.first?.posts.count == 1)
                let thread = try Self.posts(workspace, [focus, "tokyo-summit", "--format", "post-json", "--version", version,
                                                        "--limit", "\(limit)", "--link-base", "https://news.example.org"])
                let posts = try #require(thread.threads.first).posts
                #expect(thread.limit == limit)
                for (offset, post) in posts.enumerated() {
                    #expect(post.text.count <= limit, "\(focus) v\(version) post \(offset + 1) has \(post.text.count)")
                    #expect(post.graphemes == post.text.count)
                    #expect(!post.text.isEmpty && post.text.first?.isWhitespace == false && post.text.last?.isWhitespace == false)
                    if posts.count > 1 { #expect(post.text.hasPrefix("\(offset + 1)/\(posts.count) ")) }
                }
                // Every grapheme of the text, once and in order: no cluster cut in two (a cut
                // one would not be a grapheme of the text), none lost, none repeated.
                #expect(Self.content(posts.map(\.text)) == Array(text).filter { !$0.isWhitespace },
                        "\(focus) v\(version) at \(limit)")
                #expect(posts.count > 1 || text.count <= limit)
            }
        }
    }

    @Test func aThreadOfTenOrMoreCountsTwoDigitsInTheLimit() throws {
        let workspace = try Workspace.withSeedChain()
        let whole = try Self.posts(workspace, ["timeline", Self.story, "--format", "post-json", "--version", "3", "--limit", "100000"])
        let text = try #require(whole.threads.first?.posts.first?.text)
        let thread = try Self.posts(workspace, ["timeline", Self.story, "--format", "post-json", "--version", "3", "--limit", "60"])
        let posts = try #require(thread.threads.first).posts.map(\.text)
        #expect(posts.count == 16)
        #expect(posts.allSatisfy { $0.count <= 60 })
        #expect(posts[0].hasPrefix("1/16 UPDATE 2: "))
        #expect(posts[15].hasPrefix("16/16 "))
        #expect(Self.content(posts) == Array(text).filter { !$0.isWhitespace })
        // Words are not cut when a space is in reach: every post ends at a word's end.
        let words = Set(text.split(whereSeparator: \.isWhitespace).map(String.init))
        #expect(posts.allSatisfy { post in post.split(separator: " ").last.map { words.contains(String($0)) } ?? false })
    }

    @Test func unicodeHeadlinesAndQuotesAreKept() throws {
        let workspace = try Workspace()
        try Self.unicodeStory(workspace)
        let result = try workspace.writethru(["timeline", "tokyo-summit", "--format", "post", "--limit", "500"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("1/3 UPDATE 2: Tokyo summit 東京で首脳会談 ends early, Renée Zoë says 👩‍👩‍👧‍👦\n"))
        // Posts are blocks separated by one blank line; a long one is cut inside the emoji run
        // between two graphemes.
        let blocks = result.stdout.dropLast().components(separatedBy: "\n\n")
        #expect(blocks.allSatisfy { $0.count <= 500 && !$0.isEmpty })
        let json = try Self.posts(workspace, ["timeline", "tokyo-summit", "--format", "post-json", "--limit", "500"])
        #expect(json.threads.first?.posts.map { $0.text + "\n" }.joined(separator: "\n") == result.stdout)
    }

    @Test func sinceGivesOneThreadPerUpdateShown() throws {
        let workspace = try Workspace.withSeedChain()
        let timeline = try Self.posts(workspace, ["timeline", Self.story, "--format", "post-json", "--since", "2021-03-11T09:00:00Z"])
        #expect(timeline.schema == "writethru.posts/1")
        let raw = try workspace.writethru(["timeline", Self.story, "--format", "post-json", "--since", "2021-03-11T09:00:00Z",
                                           "--link-base", "https://news.example.org"])
        #expect(try SchemaCheck.problems(in: raw.stdout, schema: "posts") == [])
        #expect(timeline.threads.map(\.version) == [3, 4, 5])
        #expect(timeline.threads.map(\.tag) == ["UPDATE 2", "UPDATE 3", "UPDATE 4"])
        let text = try workspace.writethru(["timeline", Self.story, "--format", "post", "--since", "2021-03-11T09:00:00Z"])
        #expect(text.stdout.components(separatedBy: "\n---\n\n").count == 3)
        // The audit of the first version has nothing to say: --since leaves it out.
        let audit = try Self.posts(workspace, ["audit", Self.story, "--format", "post-json", "--since", "2021-03-11"])
        #expect(audit.threads.map(\.version) == [2, 3, 4, 5])
        #expect(try workspace.writethru(["audit", Self.story, "--format", "post", "--since", "2021-03-11T12:00:00Z"]).status == 0)
        #expect(try workspace.writethru(["audit", Self.story, "--format", "post", "--since", "2021-03-11T10:00:00Z"]).status == 2)
    }

    @Test(arguments: [
        (["timeline", story, "--format", "post", "--limit", "59"], "--limit must be at least 60"),
        (["timeline", story, "--limit", "500"], "--version, --limit and --link-base need --format post"),
        (["audit", story, "--version", "2"], "--version, --limit and --link-base need --format post"),
        (["timeline", story, "--format", "post", "--version", "2", "--since", "2021-03-11"],
         "--version and --since cannot be used together"),
        (["timeline", story, "--format", "post", "--link-base", "https://a b"], "--link-base 'https://a b' is not a URL"),
    ])
    func badPostOptionsAreOneLineAndExit64(arguments: [String], message: String) throws {
        let workspace = try Workspace.withSeedChain()
        let result = try workspace.writethru(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("writethru: error: " + message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func anUnknownVersionIsNotFound() throws {
        let workspace = try Workspace.withSeedChain()
        let result = try workspace.writethru(["timeline", Self.story, "--format", "post", "--version", "9"])
        #expect(result.status == 67)
        #expect(result.stderr == "writethru: error: story 'us-china-alaska-talks' has no version 9 (it has 5)\n")
    }
}
