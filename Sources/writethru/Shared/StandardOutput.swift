import Foundation

/// Writes text to standard output as it is, with no newline added.
func emit(_ text: String) {
    var text = text
    text.withUTF8 { StandardStream.output.write($0) }
}

/// Writes bytes to standard output as they are (`show --source`).
func emit(bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { StandardStream.output.write($0) }
}

/// Writes text to standard error as it is (a message's line ends with its own newline).
func emitError(_ text: String) {
    var text = text
    text.withUTF8 { StandardStream.error.write($0) }
}

/// Standard output as a stream, for the renderings that write as they go (`stories`).
struct StandardOutput: TextOutputStream {
    mutating func write(_ text: String) { emit(text) }
}

/// Standard output or error written with write(2), unbuffered, as each call asks: what a
/// command prints is on its way when the call returns, whatever follows.
///
/// When the reader of standard output has gone (`writethru stories | head -1`), the command ends
/// as a filter does, by SIGPIPE (exit status 141 in a shell), even when it inherited SIGPIPE
/// ignored: Foundation's `FileHandle.write` would stop it with a fatal error and a backtrace
/// there. Any other failure to write standard output (a full disk) is one line on standard
/// error and exit code 74. A failure to write standard error is ignored: there is nowhere
/// left to say it.
enum StandardStream {
    case output
    case error

    private var descriptor: Int32 { self == .output ? STDOUT_FILENO : STDERR_FILENO }

    /// - Complexity: O(n) bytes, in as few write(2) calls as the descriptor takes.
    func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard var next = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let written = Glibc.write(descriptor, next, left)
            if written > 0 {
                next += written
                left -= written
            } else if written < 0, errno == EINTR {
                continue
            } else {
                failed(errno: written < 0 ? errno : EIO)
                return
            }
        }
    }

    private func failed(errno code: Int32) {
        guard self == .output else { return }
        if code == EPIPE {
            signal(SIGPIPE, SIG_DFL)
            raise(SIGPIPE)
            exit(141)
        }
        StandardStream.error.writeLine("writethru: error: cannot write standard output: \(String(cString: strerror(code)))")
        exit(74)
    }

    private func writeLine(_ line: String) {
        var line = line + "\n"
        line.withUTF8 { write($0) }
    }
}
