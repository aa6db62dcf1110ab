import Glibc

/// Legacy encodings decoded through glibc's iconv (part of libc: nothing to install, nothing
/// shelled out to): an invalid byte becomes U+FFFD and decoding goes on after it; an incomplete
/// sequence at the end is one U+FFFD. docs/decisions/0020-html-decoding.md.
enum IconvDecoder {
    /// UTF-8 bytes of `bytes` decoded from the iconv encoding `name`, with the count of
    /// replacements; nil when this system's iconv does not have the encoding.
    ///
    /// - Complexity: O(n) in the number of bytes.
    static func decode(_ bytes: ArraySlice<UInt8>, from name: String) -> (utf8: [UInt8], replaced: Int)? {
        let descriptor = iconv_open("UTF-8", name)
        guard let descriptor, Int(bitPattern: descriptor) != -1 else { return nil }
        defer { iconv_close(descriptor) }
        var input = Array(bytes)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count * 2)
        var replaced = 0
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        input.withUnsafeMutableBufferPointer { inputBuffer in
            var inputPointer = inputBuffer.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
            var inputLeft = inputBuffer.count
            while true {
                let flushing = inputLeft == 0
                let (status, error, produced) = chunk.withUnsafeMutableBufferPointer { outputBuffer -> (Int, Int32, Int) in
                    var outputPointer = outputBuffer.baseAddress.map {
                        UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self)
                    }
                    var outputLeft = outputBuffer.count
                    let status = flushing
                        ? iconv(descriptor, nil, nil, &outputPointer, &outputLeft)
                        : iconv(descriptor, &inputPointer, &inputLeft, &outputPointer, &outputLeft)
                    return (status, status == -1 ? errno : 0, outputBuffer.count - outputLeft)
                }
                result += chunk[..<produced]
                if status != -1 {
                    if flushing { break }
                    continue
                }
                switch error {
                case E2BIG:
                    continue
                case EILSEQ where inputLeft > 0:
                    result += ReplacingDecoders.replacement
                    replaced += 1
                    inputPointer = inputPointer.map { $0 + 1 }
                    inputLeft -= 1
                default:
                    // EINVAL: the input ends inside a sequence; anything else: give up on the rest.
                    result += ReplacingDecoders.replacement
                    replaced += 1
                    inputLeft = 0
                    if flushing { return }
                }
            }
        }
        return (result, replaced)
    }
}
