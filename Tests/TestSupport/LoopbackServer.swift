import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An HTTP/1.1 server on 127.0.0.1 for tests and benchmarks: it binds an ephemeral port on the
/// loopback address only, reads each request on a thread of its own, answers through `handler`
/// with Content-Length and `Connection: close`, and logs every request. `stop()` (also run on
/// deinit) closes the listener, wakes delayed responses and waits for every connection to end.
/// Serves a few thousand requests a second (docs/decisions/0043-http-client.md).
public final class LoopbackServer: Sendable {
    /// The port chosen by the kernel.
    public let port: Int
    private let listener: Int32
    private let state = LoopbackServerState()
    private let acceptEnded = DispatchSemaphore(value: 0)

    public struct StartError: Error, CustomStringConvertible {
        public let description: String
    }

    public init(handler: @escaping @Sendable (LoopbackRequest) -> LoopbackResponse) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw StartError(description: "socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian  // 127.0.0.1, never another address
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 1024) == 0 else {
            let why = String(cString: strerror(errno))
            close(fd)
            throw StartError(description: "bind/listen on 127.0.0.1: \(why)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        let state = state, acceptEnded = acceptEnded
        let thread = Thread {
            LoopbackConnection.acceptLoop(listener: fd, handler: handler, state: state)
            acceptEnded.signal()
        }
        thread.name = "LoopbackServer.accept"
        thread.start()
    }

    deinit {
        stop()
    }

    /// "http://127.0.0.1:PORT" + path.
    public func url(_ path: String) -> String {
        "http://127.0.0.1:\(port)" + path
    }

    /// Every request read so far, in arrival order.
    public var requests: [LoopbackRequest] {
        state.withLock { $0.requests }
    }

    /// Stops accepting, wakes delayed responses (they are dropped) and waits for every open
    /// connection to close. Idempotent.
    public func stop() {
        // Connections are shut down with the lock held: a connection closes its descriptor
        // only with the lock held, so none is reused by another socket meanwhile.
        let first: Bool = state.withLock { shared in
            guard !shared.stopped else { return false }
            shared.stopped = true
            for fd in shared.open { shutdown(fd, Int32(SHUT_RDWR)) }
            return true
        }
        guard first else { return }
        state.condition.broadcast()
        shutdown(listener, Int32(SHUT_RDWR))
        acceptEnded.wait()
        close(listener)
        state.condition.lock()
        while !state.shared.open.isEmpty { state.condition.wait() }
        state.condition.unlock()
    }
}

/// What a LoopbackServer's threads share, read and written only with `condition` locked.
final class LoopbackServerState: @unchecked Sendable {
    struct Shared {
        var requests: [LoopbackRequest] = []
        var open: Set<Int32> = []
        var stopped = false
    }
    let condition = NSCondition()
    var shared = Shared()

    func withLock<T>(_ body: (inout Shared) -> T) -> T {
        condition.lock()
        defer { condition.unlock() }
        return body(&shared)
    }
}
