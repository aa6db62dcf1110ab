internal import CLibCrypto

/// SHA-1 and SHA-256 from the system's libcrypto (OpenSSL), which libgit2 already loads, through
/// its low-level functions, which need no provider (docs/decisions/0021):
/// git object ids and pack checksums are SHA-1, content and input hashes SHA-256
/// (docs/decisions/0015). Thread-safe: many objects are hashed at once on every core.
public enum Digest {
    /// The 20-byte SHA-1 of `bytes`.
    /// - Complexity: O(n) in the number of bytes.
    public static func sha1(_ bytes: [UInt8]) -> [UInt8] {
        var context = SHA_CTX()
        var digest = [UInt8](repeating: 0, count: Int(SHA_DIGEST_LENGTH))
        _ = SHA1_Init(&context)
        bytes.withUnsafeBufferPointer { input in _ = SHA1_Update(&context, input.baseAddress, input.count) }
        digest.withUnsafeMutableBufferPointer { output in _ = SHA1_Final(output.baseAddress, &context) }
        return digest
    }

    /// The 32-byte SHA-256 of `bytes`.
    /// - Complexity: O(n) in the number of bytes.
    public static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        var context = SHA256_CTX()
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        _ = SHA256_Init(&context)
        bytes.withUnsafeBufferPointer { input in _ = SHA256_Update(&context, input.baseAddress, input.count) }
        digest.withUnsafeMutableBufferPointer { output in _ = SHA256_Final(output.baseAddress, &context) }
        return digest
    }

    /// The SHA-256 of `bytes` in lower-case hexadecimal, as meta.json holds it.
    public static func sha256Hex(_ bytes: [UInt8]) -> String { Hex.encode(sha256(bytes)) }
}
