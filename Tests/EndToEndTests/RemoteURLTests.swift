import Foundation
import Testing

/// `remote add` (and `clone`) refuse URLs that would run commands or pass options to a
/// transport, and anything that is not a path or a git URL Writethru knows (docs/sync.md).
@Suite struct RemoteURLTests {
    @Test(arguments: [
        "ext::sh -c touch% /tmp/writethru-pwned",
        "EXT::git-upload-pack %S",
        "fd::17",
        "transport::https://example.org/news.git",
        "-uhelp",
        "--upload-pack=touch /tmp/writethru-pwned",
        "https://example.org/news.git\nfetch = +refs/*:refs/*",
        "/srv/news.git\r",
        "/srv/news\u{7F}.git",
        "ssh://example.org/news\u{1B}[31m.git",
        "ftp://example.org/news.git",
        "javascript://example.org/news.git",
        "ssh://-oProxyCommand=touch%20x/news.git",
        "desk@-oProxyCommand=x:news.git",
    ])
    func remoteAddRefusesDangerousOrUnknownURLs(url: String) throws {
        let rooms = try SyncCommandTests.Newsrooms()
        let result = try SyncCommandTests.Newsrooms.run(rooms.first, ["remote", "add", "bad", "--", url])
        #expect(result.status == 64, "\(url): \(result.stderr)")
        #expect(result.stderr.hasPrefix("writethru: error: "))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1, "\(result.stderr)")
        #expect(!(try SyncCommandTests.Newsrooms.run(rooms.first, ["remote"]).stdout.contains("bad")))
    }

    @Test(arguments: [
        "/srv/news.git",
        "relative/news.git",
        "../news archive.git",
        "file:///srv/news.git",
        "ssh://desk@git.example.org/desk/news.git",
        "ssh://git.example.org:2222/news.git",
        "git@git.example.org:desk/news-archive.git",
        "git.example.org:news.git",
        "https://git.example.org/desk/news-archive.git",
        "HTTPS://git.example.org/news.git",
        "http://localhost:8080/news.git",
        "git://git.example.org/news.git",
        "git@[2001:db8::1]:news.git",
    ])
    func remoteAddAcceptsPathsAndGitURLs(url: String) throws {
        let rooms = try SyncCommandTests.Newsrooms()
        let result = try SyncCommandTests.Newsrooms.run(rooms.first, ["remote", "add", "other", url])
        #expect(result.status == 0, "\(url): \(result.stderr)")
        #expect(try SyncCommandTests.Newsrooms.run(rooms.first, ["remote"]).stdout.contains("other  \(url)\n"))
    }

    @Test func cloneRefusesTheSameURLs() throws {
        let workspace = try Workspace()
        let result = try CommandRunner.writethru(["clone", "ext::sh -c touch% /tmp/writethru-pwned", workspace.directory + "/copy.git"])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
        #expect(!FileManager.default.fileExists(atPath: workspace.directory + "/copy.git"))
    }
}
