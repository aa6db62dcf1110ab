import Foundation
@testable import TestSupport
import Testing

/// The loopback server's own promises: gzip any reader decodes, the loopback address only,
/// the request log, a stop that does not wait out a delayed response.
@Suite struct LoopbackServerTests {
    @Test func gzipIsReadableByGzip() throws {
        let text = Array(String(repeating: "The committee met on Tuesday. ", count: 5_000).utf8)  // 150 KB: three blocks
        for data in [[], Array("x".utf8), text] {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("loopback-\(getpid())-\(data.count).gz")
            defer { try? FileManager.default.removeItem(at: file) }
            try Data(LoopbackGzip.encode(data)).write(to: file)
            #expect(Fixtures.gunzip(file) == data)
        }
        #expect(LoopbackGzip.crc32(Array("123456789".utf8)) == 0xCBF4_3926)  // the CRC-32 check value
    }

    @Test func servesOnLoopbackAndLogsRequests() throws {
        let server = try LoopbackServer { request in .html("<p>\(request.method) \(request.path)</p>") }
        defer { server.stop() }
        #expect(server.port > 0)
        #expect(server.url("/x") == "http://127.0.0.1:\(server.port)/x")
        let reply = try Self.exchange(port: server.port, "GET /a?b=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Probe: one\r\nX-Probe: two\r\n\r\n")
        #expect(reply.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(reply.contains("Content-Length: 17\r\n"))
        #expect(reply.contains("Connection: close\r\n"))
        #expect(reply.hasSuffix("\r\n\r\n<p>GET /a?b=1</p>"))
        let logged = try #require(server.requests.first)
        #expect(logged.path == "/a?b=1" && logged.pathWithoutQuery == "/a")
        #expect(logged.headers["x-probe"] == "one, two")
        #expect(try Self.exchange(port: server.port, "nonsense\r\n\r\n").hasPrefix("HTTP/1.1 400 "))
    }

    @Test func stopDoesNotWaitForADelayedResponse() throws {
        let server = try LoopbackServer { _ in LoopbackResponse.status(200).delayed(30) }
        let port = server.port
        let client = Thread {
            _ = try? Self.exchange(port: port, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        }
        client.start()
        while server.requests.isEmpty { Thread.sleep(forTimeInterval: 0.01) }
        let start = Date()
        server.stop()
        #expect(Date().timeIntervalSince(start) < 2)
    }

    /// Sends `text` on a new connection to 127.0.0.1:port and reads the reply to its end.
    static func exchange(port: Int, _ text: String) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(fd >= 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        try #require(connected == 0)
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var reply: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            reply += chunk[0..<count]
        }
        return String(decoding: reply, as: UTF8.self)
    }
}
