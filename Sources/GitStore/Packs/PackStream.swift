internal import CLibGit2
import WritethruSupport
import Glibc

/// Writes objects as one pack and its version-2 index: git's pack format, which every git and
/// libgit2 reads (docs/decisions/0014).
///
/// Objects are stored whole (zlib level 1), never as deltas: libgit2's packbuilder spends most
/// of a bulk record searching for deltas. A later repack (`writethru gc`) deltas them.
enum PackStream {
    /// A pack's bytes, with where each object starts and the CRC-32 of its entry (for the index).
    struct Pack {
        var bytes: [UInt8] = []
        var offsets: [Int] = []
        var checksums: [UInt32] = []
    }

    /// The pack: header, each object (type and size, then its deflated content), SHA-1 trailer.
    static func assemble(_ objects: [GitObject]) -> Pack {
        var pack = Pack()
        pack.bytes = Array("PACK".utf8) + bigEndian(2) + bigEndian(UInt32(objects.count))
        pack.bytes.reserveCapacity(objects.reduce(pack.bytes.count + 20) { $0 + $1.deflated.count + 10 })
        for object in objects {
            let start = pack.bytes.count
            pack.bytes += header(type: object.kind.rawValue, size: object.size)
            pack.bytes += object.deflated
            pack.offsets.append(start)
            pack.checksums.append(pack.bytes[start...].withUnsafeBufferPointer { entry in
                UInt32(crc32(0, entry.baseAddress, uInt(entry.count)))
            })
        }
        pack.bytes += Digest.sha1(pack.bytes)
        return pack
    }

    /// The version-2 index of `pack` holding `objects`: magic and version, a 256-entry fan-out
    /// table, the sorted ids, their entries' CRC-32s, their offsets (31 bits, or a pointer into
    /// a table of 64-bit offsets), the pack's checksum, and the index's own SHA-1.
    static func index(of objects: [GitObject], in pack: Pack) -> [UInt8] {
        let order = objects.indices.sorted { objects[$0].id < objects[$1].id }
        var index: [UInt8] = [0xFF, 0x74, 0x4F, 0x63] + bigEndian(2)
        var fanout = [UInt32](repeating: 0, count: 256)
        for object in objects { fanout[Int(object.id.bytes[0])] += 1 }
        var running: UInt32 = 0
        for byte in 0..<256 {
            running += fanout[byte]
            index += bigEndian(running)
        }
        for position in order { index += objects[position].id.bytes }
        for position in order { index += bigEndian(pack.checksums[position]) }
        var large: [UInt8] = []
        for position in order {
            let offset = pack.offsets[position]
            if offset < 0x8000_0000 {
                index += bigEndian(UInt32(offset))
            } else {
                index += bigEndian(0x8000_0000 | UInt32(large.count / 8))
                large += bigEndian(UInt32(truncatingIfNeeded: offset >> 32))
                    + bigEndian(UInt32(truncatingIfNeeded: offset))
            }
        }
        index += large
        index += pack.bytes.suffix(20)
        index += Digest.sha1(index)
        return index
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

    /// zlib at level 1 (the output is sized by `compressBound`: only a lack of memory fails).
    static func deflate(_ data: [UInt8]) throws -> [UInt8] {
        var bound = compressBound(uLong(data.count))
        var out = [UInt8](repeating: 0, count: Int(bound))
        let rc = data.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { buffer in
                compress2(buffer.baseAddress, &bound, input.baseAddress, uLong(data.count), Z_BEST_SPEED)
            }
        }
        guard rc == Z_OK else { throw GitError(rawCode: -1, message: "zlib error \(rc)", function: "compress2") }
        out.removeSubrange(Int(bound)...)
        return out
    }
}

extension Repository {
    /// Writes `objects` (each once) as one pack with its index into objects/pack: each file
    /// is written under a temporary name and renamed into place complete, the pack first, so a
    /// reader that finds the index finds the whole pack. Then libgit2 is asked for every
    /// object, which proves it reads the new pack. Until this returns, no reference may point
    /// at the objects.
    /// - Complexity: O(total deflated size) written, O(n log n) to sort n ids for the index, then
    ///  libgit2 reads every object back once.
    public func writePack(_ objects: [GitObject]) throws {
        var seen = Set<ObjectID>()
        let unique = objects.filter { seen.insert($0.id).inserted }
        guard !unique.isEmpty else { return }
        let pack = PackStream.assemble(unique)
        let index = PackStream.index(of: unique, in: pack)
        let directory = objectsDirectory + "/pack"
        let name = directory + "/pack-" + (ObjectID(bytes: Array(pack.bytes.suffix(20)))?.hex ?? "")
        try writeWhole(pack.bytes, to: name + ".pack", temporaryIn: directory)
        try writeWhole(index, to: name + ".idx", temporaryIn: directory)
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, raw), "git_repository_odb")
        defer { git_odb_free(odb) }
        // The object database looks for new packs only when an object is missing; tell it now.
        try check(git_odb_refresh(odb), "git_odb_refresh")
        for object in unique {
            var oid = object.id.raw
            guard git_odb_exists(odb, &oid) == 1 else {
                throw GitError(rawCode: -1,
                               message: "object \(object.id) is not readable from the new pack \(name).pack",
                               function: "git_odb_exists")
            }
        }
    }

    /// Writes `bytes` to a temporary file in `directory`, then renames it to `path`.
    private func writeWhole(_ bytes: [UInt8], to path: String, temporaryIn directory: String) throws {
        var template = Array((directory + "/tmp_pack_XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else {
            throw GitError(rawCode: -1, message: "cannot create a file in \(directory): errno \(errno)",
                           function: "mkstemp")
        }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard count > 0 else {
                let error = errno
                close(fd)
                unlink(temporary)
                throw GitError(rawCode: -1, message: "cannot write \(temporary): errno \(error)", function: "write")
            }
            written += count
        }
        fchmod(fd, 0o444)
        close(fd)
        guard rename(temporary, path) == 0 else {
            let error = errno
            unlink(temporary)
            throw GitError(rawCode: -1, message: "cannot rename \(temporary) to \(path): errno \(error)",
                           function: "rename")
        }
    }
}
