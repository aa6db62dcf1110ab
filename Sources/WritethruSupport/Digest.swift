internal import CLazyCrypto

/// SHA-1 and SHA-256 from the system's libcrypto (OpenSSL), opened on the first hash
/// (docs/decisions/0045), through its low-level functions, which need no provider (docs/decisions/0021):
/// git object ids and pack checksums are SHA-1, content and input hashes SHA-256
/// (docs/decisions/0015). Thread-safe: many objects are hashed at once on every core.
public enum Digest {
    /// The 20-byte SHA-1 of `bytes`.
    /// - Complexity: O(n) in the number of bytes.
    public static func sha1(_ bytes: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 20)
        bytes.withUnsafeBufferPointer { input in
            digest.withUnsafeMutableBufferPointer { output in wt_sha1(input.baseAddress, input.count, output.baseAddress) }
        }
        return digest
    }

    /// The 32-byte SHA-256 of `bytes`.
    /// - Complexity: O(n) in the number of bytes.
    public static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        bytes.withUnsafeBufferPointer { input in
            digest.withUnsafeMutableBufferPointer { output in wt_sha256(input.baseAddress, input.count, output.baseAddress) }
        }
        return digest
    }

    /// The SHA-256 of `bytes` in lower-case hexadecimal, as meta.json holds it.
    public static func sha256Hex(_ bytes: [UInt8]) -> String { Hex.encode(sha256(bytes)) }
}
