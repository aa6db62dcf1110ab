internal import CLibCrypto

/// SHA-1 and SHA-256 from the system's libcrypto (OpenSSL), which libgit2 already loads:
/// git object ids and pack checksums are SHA-1, content and input hashes SHA-256
/// (docs/decisions/0015). Thread-safe: many objects are hashed at once on every core.
public enum Digest {
    /// The 20-byte SHA-1 of `bytes`.
    /// - Complexity: O(n) in the number of bytes.
    public static func sha1(_ bytes: [UInt8]) -> [UInt8] {
        digest(bytes, length: Int(SHA_DIGEST_LENGTH)) { SHA1($0, $1, $2) }
    }

    /// The 32-byte SHA-256 of `bytes`.
    /// - Complexity: O(n) in the number of bytes.
    public static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        digest(bytes, length: Int(SHA256_DIGEST_LENGTH)) { SHA256($0, $1, $2) }
    }

    /// Runs libcrypto's one-shot `function` over `bytes` into a digest of `length` bytes.
    private static func digest(_ bytes: [UInt8], length: Int,
                               _ function: (UnsafePointer<UInt8>?, Int, UnsafeMutablePointer<UInt8>?)
                                   -> UnsafeMutablePointer<UInt8>?) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: length)
        bytes.withUnsafeBufferPointer { input in
            digest.withUnsafeMutableBufferPointer { output in
                _ = function(input.baseAddress, input.count, output.baseAddress)
            }
        }
        return digest
    }

    /// The SHA-256 of `bytes` in lower-case hexadecimal, as meta.json holds it.
    public static func sha256Hex(_ bytes: [UInt8]) -> String { Hex.encode(sha256(bytes)) }
}
