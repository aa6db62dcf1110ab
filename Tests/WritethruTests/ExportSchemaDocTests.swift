import Foundation
import TestSupport
import Testing
@testable import Writethru

/// docs/schema/export.md against a real export of the seed chain: every table the database
/// holds is documented and every documented table is there, with the same columns in the same
/// order, the same types, NULL allowed where the page says so, the same primary, unique and
/// foreign keys; and the full-text tables are the ones the page lists.
@Suite struct ExportSchemaDocTests {
    /// One column row of the page: `| `name` | TYPE | yes/no | keys | meaning |`.
    struct DocumentedColumn {
        let name: String
        let type: String
        let nullable: Bool
        let key: String
    }

    /// The page's tables: each `### `name`` heading and the column rows of the table under it.
    static func documentedTables(_ page: String) throws -> [(name: String, columns: [DocumentedColumn])] {
        var tables: [(name: String, columns: [DocumentedColumn])] = []
        for line in page.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("### `"), line.hasSuffix("`") {
                tables.append((String(line.dropFirst(5).dropLast()), []))
                continue
            }
            guard line.hasPrefix("| `"), !tables.isEmpty else { continue }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst()
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 5 else { continue }
            let name = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            try #require(["yes", "no"].contains(cells[2]), "column \(name): null must be yes or no, not \(cells[2])")
            tables[tables.count - 1].columns.append(
                DocumentedColumn(name: name, type: cells[1], nullable: cells[2] == "yes", key: cells[3]))
        }
        return tables
    }

    /// The full-text rows of the page: `| `x_fts` | `x` | columns |`.
    static func documentedFullText(_ page: String) -> [(fts: String, content: String)] {
        page.split(separator: "\n").filter { $0.hasPrefix("| `") && $0.contains("_fts`") }.map { line in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            return (cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`")),
                    cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`")))
        }
    }

    static func export() throws -> (db: ExportedDatabase, directory: String, archive: TemporaryArchive) {
        let temp = try TemporaryArchive()
        for (index, path) in Fixtures.chain.enumerated() {
            _ = try temp.archive.record([try temp.input(path)], options: RecordOptions(
                story: talks, revisionTime: nil, recordedAt: recordedAt.addingTimeInterval(Double(index) * 60)))
        }
        let directory = NSTemporaryDirectory() + "writethru-export-doc-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        _ = try Archive.export([temp.archive], request: ExportRequest(sqlite: directory + "/x.sqlite"))
        return (try ExportedDatabase(path: directory + "/x.sqlite"), directory, temp)
    }

    @Test func everyTableAndColumnOfARealExportIsTheOneThePageDescribes() throws {
        let page = String(decoding: try Fixtures.bytes("docs/schema/export.md"), as: UTF8.self)
        let documented = try Self.documentedTables(page)
        let (db, directory, _) = try Self.export()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let tables = try db.tables()
        let fullText = Self.documentedFullText(page)
        let plain = tables.filter { !$0.sql.uppercased().hasPrefix("CREATE VIRTUAL TABLE") }

        #expect(documented.map(\.name).sorted() == plain.map(\.name).sorted(), "documented tables")
        #expect(documented.map(\.name) == ExportSchema.tables.map(\.name), "the page lists the tables in write order")
        #expect(documented.count == 8)
        for table in plain {
            guard let doc = documented.first(where: { $0.name == table.name }) else { continue }
            #expect(doc.columns.map(\.name) == table.columns.map(\.name), "columns of \(table.name)")
            for (column, described) in zip(table.columns, doc.columns) where column.name == described.name {
                let label = "\(table.name).\(column.name)"
                #expect(column.type == described.type, "type of \(label)")
                // An INTEGER PRIMARY KEY is the rowid: never NULL, though SQLite reports notnull 0 for it.
                #expect(!(column.notNull || column.primaryKey > 0) == described.nullable, "NULL in \(label)")
                #expect((column.primaryKey > 0) == described.key.contains("primary key"), "primary key \(label)")
                #expect(column.references.map { described.key.contains("→ `\($0)`") } ?? !described.key.contains("→"),
                        "foreign key of \(label): \(column.references ?? "none") vs \(described.key)")
                if described.key.contains("unique") {
                    #expect(table.sql.contains("UNIQUE ([\(column.name)])"), "\(label) is unique")
                }
            }
        }
        // The full-text tables: the ones documented, external content of the table named.
        let virtual = tables.filter { $0.sql.uppercased().hasPrefix("CREATE VIRTUAL TABLE") }
        #expect(virtual.map(\.name).sorted() == fullText.map(\.fts).sorted())
        for (fts, content) in fullText {
            let table = try #require(virtual.first { $0.name == fts })
            #expect(table.sql.contains("content=\"\(content)\""), "\(fts) is the full-text index of \(content)")
            let rows = try db.integer("SELECT count(*) FROM [\(content)]") ?? 0
            #expect(rows > 0, "\(content) has rows")
            #expect(try db.integer("SELECT count(*) FROM [\(fts)]") == rows, "\(fts) indexes every row of \(content)")
        }
        // Every table has rows in the seed chain's export, so no column above went unchecked by a value.
        for table in ExportSchema.tables {
            #expect(try db.integer("SELECT count(*) FROM [\(table.name)]") ?? 0 > 0, "\(table.name) has rows")
        }
    }
}
