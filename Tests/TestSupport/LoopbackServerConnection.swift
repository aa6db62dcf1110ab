import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A LoopbackServer's accept loop and the work on one connection: read the head (and any
/// body, discarded), log the request, ask the handler, wait out the delay, send, close.
enum LoopbackConnection {
    /// A request head larger than this is answered 431.
    static let maximumHead = 64 << 10

    static func acceptLoop(listener: Int32, handler: @escaping @Sendable (LoopbackRequest) -> LoopbackResponse,
                           state: LoopbackServerState) {
        while true {
            let fd = accept(listener, nil, nil)
            if fd < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return  // the listener was shut down
            }
            let accepted = state.withLock { shared in
                guard !shared.stopped else { return false }
                shared.open.insert(fd)
                return true
            }
            guard accepted else {
                close(fd)
                return
            }
            let thread = Thread {
                serve(fd, handler: handler, state: state)
                state.withLock { shared in
                    close(fd)
                    shared.open.remove(fd)
                }
                state.condition.broadcast()
            }
            thread.stackSize = 256 << 10
            thread.start()
        }
    }

    private static func serve(_ fd: Int32, handler: (LoopbackRequest) -> LoopbackResponse, state: LoopbackServerState) {
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        guard let (head, rest) = readHead(fd) else { return }
        guard let request = LoopbackRequest.parse(head: head, time: Date()) else {
            send(fd, LoopbackResponse.status(400).serialized(method: "GET"))
            return
        }
        if let length = request.headers["content-length"].flatMap(Int.init), length > rest {
            discard(fd, length - rest)
        }
        state.withLock { $0.requests.append(request) }
        let response = handler(request)
        if response.delay > 0 {
            let deadline = Date(timeIntervalSinceNow: response.delay)
            state.condition.lock()
            while !state.shared.stopped && state.condition.wait(until: deadline) {}
            let stopped = state.shared.stopped
            state.condition.unlock()
            if stopped { return }
        }
        send(fd, response.serialized(method: request.method))
    }

    /// The head's bytes (without the blank line) and how many body bytes came with them; nil on
    /// EOF, error, timeout or an oversized head. O(n) in the bytes read.
    private static func readHead(_ fd: Int32) -> (ArraySlice<UInt8>, Int)? {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        var searchFrom = 0
        while buffer.count < maximumHead {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            buffer += chunk[0..<count]
            var index = max(0, searchFrom - 3)
            while index + 3 < buffer.count {
                if buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
                    return (buffer[0..<index], buffer.count - index - 4)
                }
                index += 1
            }
            searchFrom = buffer.count
        }
        send(fd, LoopbackResponse(status: 431).serialized(method: "GET"))
        return nil
    }

    private static func discard(_ fd: Int32, _ count: Int) {
        var left = count
        var chunk = [UInt8](repeating: 0, count: 4096)
        while left > 0 {
            let read = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, min($0.count, left), 0) }
            if read < 0 && errno == EINTR { continue }
            guard read > 0 else { return }
            left -= read
        }
    }

    /// Sends every byte, without SIGPIPE when the client has gone.
    private static func send(_ fd: Int32, _ bytes: [UInt8]) {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            sent += count
        }
    }
}
