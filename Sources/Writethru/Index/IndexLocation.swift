import Foundation
import WritethruSupport

/// Where an archive's derived index is kept: `<archive>/writethru-index.sqlite` by default,
/// or, when `WRITETHRU_INDEX_DIR` names a folder, `<folder>/<archive name>-<hash>.sqlite`
/// (one file per archive, the hash of the archive's absolute path keeping two archives of the
/// same name apart). The folder must be on a local disk: SQLite's WAL mode shares memory
/// between the processes of one host (docs/search.md, "Where the index lives").
enum IndexLocation {
    static let fileName = "writethru-index.sqlite"
    /// The folder of the index files of layout 3 and before (shards of text lines).
    static let legacyFolder = "writethru"

    static func path(ofArchive archive: String,
                     environment: [String: String] = ProcessEnvironment.values(["WRITETHRU_INDEX_DIR"])) -> String {
        guard let folder = environment["WRITETHRU_INDEX_DIR"], !folder.isEmpty else {
            return archive + "/" + fileName
        }
        let absolute = URL(fileURLWithPath: archive).standardizedFileURL.path
        let name = URL(fileURLWithPath: absolute).lastPathComponent
        let hash = String(DerivedIndex.hash(absolute), radix: 16)
        return folder + "/" + (name.isEmpty ? "archive" : name) + "-" + String(hash.prefix(8)) + ".sqlite"
    }
}
