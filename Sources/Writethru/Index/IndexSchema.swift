/// The tables of the derived index (docs/search.md, "The index"; decision 0036). Story names
/// are kept once, in `story`; every other table refers to a story by its integer id. Keys of
/// paragraphs, sentences, URLs and headlines are 64-bit FNV-1a hashes of their text (stored as
/// signed integers), so lookups never compare long strings.
enum IndexSchema {
    /// `PRAGMA user_version` of the current layout: an index of another layout is rebuilt.
    static let version = 6

    static let tables = """
        CREATE TABLE story(
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            tip TEXT NOT NULL,
            versions INTEGER NOT NULL,
            first_updated INTEGER NOT NULL,
            updated INTEGER NOT NULL,
            recorded INTEGER NOT NULL,
            headline TEXT NOT NULL);
        CREATE INDEX story_by_updated ON story(updated, name);
        CREATE INDEX story_by_recorded ON story(recorded, name);
        CREATE INDEX story_by_versions ON story(versions, name);
        CREATE TABLE version(
            story INTEGER NOT NULL,
            number INTEGER NOT NULL,
            tag TEXT,
            updated INTEGER NOT NULL,
            recorded INTEGER NOT NULL,
            PRIMARY KEY(story, number)) WITHOUT ROWID;
        CREATE TABLE sentence(
            id INTEGER PRIMARY KEY,
            story INTEGER NOT NULL,
            key INTEGER NOT NULL,
            first INTEGER NOT NULL,
            last INTEGER,
            paragraph INTEGER NOT NULL,
            text TEXT NOT NULL);
        CREATE INDEX sentence_by_story ON sentence(story);
        CREATE VIRTUAL TABLE sentence_text USING fts5(
            text, content='sentence', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
        CREATE TABLE identity(
            key INTEGER NOT NULL,
            story INTEGER NOT NULL,
            PRIMARY KEY(key, story)) WITHOUT ROWID;
        CREATE TABLE furniture(
            paragraph INTEGER NOT NULL,
            story INTEGER NOT NULL,
            PRIMARY KEY(paragraph, story)) WITHOUT ROWID;
        CREATE TABLE setting(
            name TEXT PRIMARY KEY,
            value TEXT NOT NULL) WITHOUT ROWID;
        """
}
