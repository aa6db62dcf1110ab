import Foundation

/// Writes text to standard output as it is, with no newline added.
func emit(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

/// Standard output as a stream, for the renderings that write as they go (`stories`).
struct StandardOutput: TextOutputStream {
    mutating func write(_ text: String) { emit(text) }
}
