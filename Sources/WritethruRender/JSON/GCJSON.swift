import StoryText
import Writethru

/// `gc --format json`, schema `writethru.gc/1`.
struct GCJSON: Encodable {
    let schema = "writethru.gc/1"
    @Nullable var pack: String?
    let objects: Int, looseRemoved: Int, packsRemoved: Int, temporaryFiles: Int, temporaryBytes: Int

    init(_ result: PackedObjects) {
        pack = result.pack
        (objects, looseRemoved, packsRemoved) = (result.objects, result.looseRemoved, result.packsRemoved)
        (temporaryFiles, temporaryBytes) = (result.temporaryFiles, result.temporaryBytes)
    }
}
