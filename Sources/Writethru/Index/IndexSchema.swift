/// The tables of the derived index (docs/search.md, "The index"; decision 0036). Story names
/// are kept once, in `story`; every other table refers to a story by its integer id. Keys of
/// paragraphs, sentences, URLs and headlines are 64-bit FNV-1a hashes of their text (stored as
/// signed integers), so lookups never compare long strings.
///
/// `sentence_block` is what a search reads instead of one row per match (decision 0047): for
/// the 1,024 sentence rowids from `block << 10`, each one's length in FTS5's words (one byte;
/// 255 for that many or more) and its story (four bytes, big-endian), written by the writers
/// (`SentenceBlocks`). FTS5 keeps no lengths of its own (`columnsize=0`): `writethru_bm25`
/// (CSQLite/search.h) is its bm25 with the lengths read from these blocks, and
/// `writethru_story` the match's story. The table's tokenizer is the one search.h counts
/// words with. A sentence of 255 words or more has its length in `sentence_length`.
///
/// The sentences' text is kept only in git (decision 0050): `sentence_text` is a contentless
/// FTS5 table (`content=''`), and `sentence` holds each sentence's key, the FNV-1a hash of its
/// text, with which a search's hits find their text again in the version that first printed
/// them (`version.commit_id`), and a story's rows are taken out of the full-text table
/// (`SentenceTexts`, `IndexWriter.forget`).
enum IndexSchema {
    /// `PRAGMA user_version` of the current layout: an index of another layout is rebuilt.
    static let version = 8

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
            commit_id BLOB NOT NULL,
            PRIMARY KEY(story, number)) WITHOUT ROWID;
        CREATE TABLE sentence(
            id INTEGER PRIMARY KEY,
            story INTEGER NOT NULL,
            key INTEGER NOT NULL,
            first INTEGER NOT NULL,
            last INTEGER,
            paragraph INTEGER NOT NULL);
        CREATE INDEX sentence_by_story ON sentence(story);
        CREATE VIRTUAL TABLE sentence_text USING fts5(
            text, content='', columnsize=0, tokenize='unicode61 remove_diacritics 2');
        CREATE TABLE sentence_length(
            id INTEGER PRIMARY KEY,
            words INTEGER NOT NULL);
        CREATE TABLE sentence_block(
            block INTEGER PRIMARY KEY,
            words BLOB NOT NULL,
            stories BLOB NOT NULL);
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
