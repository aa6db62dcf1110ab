/// The tables `writethru export` writes, in the order they are written, with their columns in
/// the order every format gives them (SQLite, CSV headers, JSON Lines keys). The one source of
/// the export's shape: the SQLite statements are built from it, and docs/schema/export.md
/// describes it (a test checks the document against a real export, column by column).
enum ExportSchema {
    /// A column's SQLite type: every value is an integer, a text or NULL.
    enum ColumnType: String, Sendable {
        case integer = "INTEGER"
        case text = "TEXT"
    }

    struct Column: Sendable {
        let name: String
        let type: ColumnType
        /// False for a column that may hold NULL.
        let required: Bool
        /// The table whose primary key this column holds (a foreign key).
        let references: String?

        static func integer(_ name: String, required: Bool = true, references: String? = nil) -> Column {
            Column(name: name, type: .integer, required: required, references: references)
        }

        static func text(_ name: String, required: Bool = true) -> Column {
            Column(name: name, type: .text, required: required, references: nil)
        }
    }

    struct Table: Sendable {
        let name: String
        let columns: [Column]
        /// The primary key: one INTEGER column (SQLite's rowid), or several.
        let primaryKey: [String]
        /// Column sets that are unique besides the primary key.
        var unique: [[String]] = []
        /// The text columns of the table's full-text table `<name>_fts` (FTS5, external content:
        /// it holds only the index, the text stays in the table); empty for none.
        var fullText: [String] = []

        var ftsName: String? { fullText.isEmpty ? nil : name + "_fts" }
    }

    static let archives = Table(name: "archives", columns: [
        .integer("archive_id"), .text("label"), .text("path"),
    ], primaryKey: ["archive_id"], unique: [["label"]])

    static let stories = Table(name: "stories", columns: [
        .integer("story_id"), .integer("archive_id", references: "archives"), .text("story"), .text("key"),
        .text("headline"), .integer("versions"), .text("first_updated"), .text("last_updated"),
    ], primaryKey: ["story_id"], unique: [["key"], ["archive_id", "story"]])

    static let versions = Table(name: "versions", columns: [
        .integer("version_id"), .integer("story_id", references: "stories"), .integer("number"),
        .text("tag", required: false), .text("headline"), .text("previous_headline", required: false),
        .text("advisory", required: false), .text("updated"), .text("recorded"), .integer("time_is_recorded"),
        .text("git_commit"), .integer("since_previous", required: false), .integer("paragraphs"),
        .integer("sentences"), .integer("paragraphs_added", required: false),
        .integer("paragraphs_removed", required: false), .integer("paragraphs_changed", required: false),
        .integer("paragraphs_moved", required: false), .integer("paragraphs_split", required: false),
        .integer("paragraphs_merged", required: false), .integer("claim_changes", required: false),
        .integer("in_range"),
    ], primaryKey: ["version_id"], unique: [["story_id", "number"]], fullText: ["headline", "advisory"])

    static let paragraphs = Table(name: "paragraphs", columns: [
        .integer("paragraph_id"), .integer("story_id", references: "stories"), .text("text"),
        .integer("introduced_version_id", references: "versions"),
        .integer("removed_version_id", required: false, references: "versions"), .integer("introduced"),
        .integer("removed", required: false), .integer("position"), .integer("occurrence"),
    ], primaryKey: ["paragraph_id"], fullText: ["text"])

    static let sentences = Table(name: "sentences", columns: [
        .integer("sentence_id"), .integer("story_id", references: "stories"),
        .integer("paragraph_id", references: "paragraphs"), .text("text"),
        .integer("introduced_version_id", references: "versions"),
        .integer("removed_version_id", required: false, references: "versions"), .integer("introduced"),
        .integer("removed", required: false), .integer("position"), .integer("occurrence"),
    ], primaryKey: ["sentence_id"], fullText: ["text"])

    static let claimChanges = Table(name: "claim_changes", columns: [
        .integer("claim_change_id"), .integer("story_id", references: "stories"),
        .integer("version_id", references: "versions"), .integer("from_version_id", references: "versions"),
        .integer("position"), .text("kind"), .text("significance"), .text("old", required: false),
        .text("new", required: false), .text("from_value", required: false), .text("to_value", required: false),
        .text("reason"), .integer("paragraph"),
    ], primaryKey: ["claim_change_id"])

    static let auditFindings = Table(name: "audit_findings", columns: [
        .integer("finding_id"), .integer("story_id", references: "stories"),
        .integer("version_id", references: "versions"), .integer("position"), .text("kind"),
        .text("status", required: false), .text("text"),
        .integer("claim_change_id", required: false, references: "claim_changes"),
    ], primaryKey: ["finding_id"])

    static let auditItemChanges = Table(name: "audit_item_changes", columns: [
        .integer("finding_id", references: "audit_findings"),
        .integer("claim_change_id", references: "claim_changes"),
    ], primaryKey: ["finding_id", "claim_change_id"])

    /// Every table, parents before children: rows written in this order satisfy every
    /// foreign key as soon as they are written.
    static let tables = [archives, stories, versions, paragraphs, sentences, claimChanges, auditFindings,
                         auditItemChanges]

    /// The place of `table` in `tables` (where a story's rows of it are kept in `StoryRows`).
    static func position(of table: Table) -> Int {
        tables.firstIndex { $0.name == table.name } ?? 0
    }

    /// Columns that are looked up or joined on besides the primary keys, indexed once the rows
    /// are in (Datasette's facets and foreign-key links use them).
    static let indexedColumns: [(table: String, column: String)] = [
        ("stories", "archive_id"), ("versions", "story_id"), ("paragraphs", "story_id"),
        ("paragraphs", "introduced_version_id"), ("paragraphs", "removed_version_id"),
        ("sentences", "story_id"), ("sentences", "paragraph_id"), ("sentences", "introduced_version_id"),
        ("sentences", "removed_version_id"), ("claim_changes", "version_id"), ("claim_changes", "kind"),
        ("audit_findings", "version_id"), ("audit_findings", "claim_change_id"),
        ("audit_item_changes", "claim_change_id"),
    ]

    // MARK: SQL

    /// `CREATE TABLE` for one table: types, NOT NULL, primary key, unique sets and foreign keys.
    static func createTable(_ table: Table) -> String {
        var lines = table.columns.map { column in
            var line = "  [\(column.name)] \(column.type.rawValue)"
            if table.primaryKey == [column.name] { line += " PRIMARY KEY" }
            if column.required { line += " NOT NULL" }
            if let parent = column.references, let key = tables.first(where: { $0.name == parent })?.primaryKey.first {
                line += " REFERENCES [\(parent)]([\(key)])"
            }
            return line
        }
        if table.primaryKey.count > 1 {
            lines.append("  PRIMARY KEY (" + table.primaryKey.map { "[\($0)]" }.joined(separator: ", ") + ")")
        }
        for columns in table.unique {
            lines.append("  UNIQUE (" + columns.map { "[\($0)]" }.joined(separator: ", ") + ")")
        }
        return "CREATE TABLE [\(table.name)] (\n" + lines.joined(separator: ",\n") + "\n)"
    }

    /// The full-text table of `table`, or nil. `content="table"` is the form every Datasette
    /// version detects (it looks for `content="<table>"` in the statement; later versions also
    /// for sqlite-utils' `content=[<table>]`).
    static func createFullText(_ table: Table) -> String? {
        guard let fts = table.ftsName, let key = table.primaryKey.first else { return nil }
        let columns = table.fullText.map { "[\($0)]" }.joined(separator: ", ")
        return "CREATE VIRTUAL TABLE [\(fts)] USING FTS5 (\(columns), content=\"\(table.name)\", "
            + "content_rowid=\"\(key)\")"
    }

    /// `INSERT` of one row of `table`, every column bound in order.
    static func insert(_ table: Table) -> String {
        "INSERT INTO [\(table.name)] VALUES (" + Array(repeating: "?", count: table.columns.count)
            .joined(separator: ", ") + ")"
    }
}

extension ExportSchema {
    /// The schema's version, `PRAGMA user_version` of the database (docs/schema/export.md);
    /// raised when a table or column changes meaning or goes.
    static let version = 1
}
