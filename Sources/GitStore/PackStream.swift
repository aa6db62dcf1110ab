internal import CLibGit2
import Crypto
import Dispatch
import Synchronization

/// Writes objects as one pack through libgit2's indexer, which checks every object, writes
/// the `.idx` and renames both files into objects/pack complete.
///
/// Objects are stored whole (zlib level 1), never as deltas: libgit2's packbuilder spends most
/// of a bulk record searching for deltas. A later repack (`git gc`) can delta them.
struct PackStream {
    /// git's pack object types.
    static func packType(_ type: git_object_t) -> UInt8? {
        switch type {
        case GIT_OBJECT_COMMIT: 1
        case GIT_OBJECT_TREE: 2
        case GIT_OBJECT_BLOB: 3
        case GIT_OBJECT_TAG: 4
        default: nil
        }
    }

    /// The pack: header, each object (type and size, then its deflated content), SHA-1 trailer.
    static func build(_ objects: [(type: UInt8, data: [UInt8])]) throws -> [UInt8] {
        // Compression is most of the work, and each object's is independent: all cores.
        let compressed = Mutex<[Int: [UInt8]]>([:])
        let failed = Mutex<Int32>(Z_OK)
        DispatchQueue.concurrentPerform(iterations: objects.count) { index in
            do {
                let bytes = try objects[index].data.withUnsafeBytes { try deflate($0) }
                compressed.withLock { $0[index] = bytes }
            } catch {
                failed.withLock { $0 = Z_DATA_ERROR }
            }
        }
        let rc = failed.withLock { $0 }
        guard rc == Z_OK else { throw GitError(rawCode: -1, message: "zlib error \(rc)", function: "compress2") }
        var pack: [UInt8] = Array("PACK".utf8) + bigEndian(2) + bigEndian(UInt32(objects.count))
        for (index, object) in objects.enumerated() {
            pack += header(type: object.type, size: object.data.count)
            pack += compressed.withLock { $0[index] } ?? []
        }
        pack += Array(Insecure.SHA1.hash(data: pack))
        return pack
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xff), UInt8((value >> 8) & 0xff), UInt8(value & 0xff)]
    }

    /// Type in bits 4-6 of the first byte, size in 4 bits then 7 bits a byte, high bit = more.
    private static func header(type: UInt8, size: Int) -> [UInt8] {
        var rest = size >> 4
        var byte = (type << 4) | UInt8(size & 0x0f)
        var out: [UInt8] = []
        while rest > 0 {
            out.append(byte | 0x80)
            byte = UInt8(rest & 0x7f)
            rest >>= 7
        }
        out.append(byte)
        return out
    }

    private static func deflate(_ data: UnsafeRawBufferPointer) throws -> [UInt8] {
        var bound = compressBound(uLong(data.count))
        var out = [UInt8](repeating: 0, count: Int(bound))
        let rc = out.withUnsafeMutableBufferPointer { buffer in
            compress2(buffer.baseAddress, &bound, data.baseAddress?.assumingMemoryBound(to: Bytef.self),
                      uLong(data.count), Z_BEST_SPEED)
        }
        guard rc == Z_OK else { throw GitError(rawCode: -1, message: "zlib error \(rc)", function: "compress2") }
        out.removeSubrange(Int(bound)...)
        return out
    }
}

extension Repository {
    /// Packs `ids` (read from the object database, where the in-memory store holds them) into
    /// objects/pack.
    func writePack(of ids: [ObjectID]) throws {
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, raw), "git_repository_odb")
        defer { git_odb_free(odb) }
        var objects: [(type: UInt8, data: [UInt8])] = []
        objects.reserveCapacity(ids.count)
        for id in ids {
            var oid = id.raw
            var object: OpaquePointer?
            try check(git_odb_read(&object, odb, &oid), "git_odb_read")
            guard let object else { continue }
            defer { git_odb_object_free(object) }
            guard let type = PackStream.packType(git_odb_object_type(object)) else { continue }
            let data = UnsafeRawBufferPointer(start: git_odb_object_data(object), count: git_odb_object_size(object))
            objects.append((type, Array(data)))
        }
        let pack = try PackStream.build(objects)
        var options = git_indexer_options()
        try check(git_indexer_options_init(&options, UInt32(GIT_INDEXER_OPTIONS_VERSION)), "git_indexer_options_init")
        var indexer: OpaquePointer?
        try check(git_indexer_new(&indexer, path + "objects/pack", 0, odb, &options), "git_indexer_new")
        defer { git_indexer_free(indexer) }
        var stats = git_indexer_progress()
        try pack.withUnsafeBytes { buffer in
            _ = try check(git_indexer_append(indexer, buffer.baseAddress, buffer.count, &stats), "git_indexer_append")
        }
        try check(git_indexer_commit(indexer, &stats), "git_indexer_commit")
    }
}
