#ifndef CSQLITE_SEARCH_H
#define CSQLITE_SEARCH_H
/* The derived index's search functions (docs/search.md, decision 0047), in C because FTS5's
 * extension API is one: a word counter that is FTS5's own tokenizer, and two functions of a
 * full-text match that read the table `sentence_block` instead of one row per match:
 *
 * - `writethru_bm25(sentence_text)`: FTS5's bm25 with each sentence's length in words;
 * - `writethru_story(sentence_text)`: the id of the story the sentence belongs to.
 *
 * `sentence_block(block, words, stories)` holds, for the 1,024 sentence rowids from
 * `block << 10`, each one's length in words (one byte: 255 for that many or more, or for a
 * rowid with no sentence; the length is then read from `sentence_length(id, words)`, which
 * holds the sentences of 255 words or more, and FTS5 is asked for a rowid it does not list)
 * and its story (four bytes, big-endian). The table is contentless (decision 0050): FTS5 has
 * no text to count a length from, so every length must come from these two tables. bm25 needs each matching row's length: FTS5 reads it with one lookup in
 * `_docsize` per row, 200 of the 300 ms of a phrase found in 275,000 sentences at 100,000
 * stories; rows come in rowid order, so here one lookup serves a block of rows (the table is
 * created with columnsize=0: no `_docsize`, 34 MB there).
 *
 * The score is FTS5's bm25 (ext/fts5/fts5_aux.c of SQLite 3.40, k1 = 1.2, b = 0.75, every
 * column weighted 1), computed with the same operations in the same order: for the same index
 * it is the same double, bit for bit (a test compares the two). */
#include <math.h>
#include <sqlite3.h>
#include <string.h>


/* The tokenizer of the index's full-text table (IndexSchema.swift says the same). */
#define WRITETHRU_TOKENIZER "unicode61"
#define WRITETHRU_TOKENIZER_ARG0 "remove_diacritics"
#define WRITETHRU_TOKENIZER_ARG1 "2"

static inline fts5_api *writethru_fts5_api(sqlite3 *db) {
    fts5_api *api = 0;
    sqlite3_stmt *statement = 0;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, 0) != SQLITE_OK) return 0;
    sqlite3_bind_pointer(statement, 1, (void *)&api, "fts5_api_ptr", 0);
    sqlite3_step(statement);
    sqlite3_finalize(statement);
    return api;
}

#define WRITETHRU_BLOCK_BITS 10
#define WRITETHRU_BLOCK_ROWS (1 << WRITETHRU_BLOCK_BITS)
#define WRITETHRU_WORDS_UNKNOWN 255

/* The block of `sentence_block` a query's rows are in, read once per block. */
typedef struct {
    sqlite3_stmt *statement;
    sqlite3_int64 block;
    int found;
    unsigned char words[WRITETHRU_BLOCK_ROWS];
    unsigned char stories[4 * WRITETHRU_BLOCK_ROWS];
} writethru_block;

static inline void writethru_block_free(void *pointer) {
    writethru_block *block = (writethru_block *)pointer;
    if (!block) return;
    sqlite3_finalize(block->statement);
    sqlite3_free(block);
}

static inline int writethru_block_new(sqlite3 *db, writethru_block **out) {
    writethru_block *block = (writethru_block *)sqlite3_malloc(sizeof(writethru_block));
    if (!block) return SQLITE_NOMEM;
    memset(block, 0, sizeof(writethru_block));
    block->block = -1;
    int rc = sqlite3_prepare_v2(db, "SELECT words, stories FROM sentence_block WHERE block = ?", -1,
                                &block->statement, 0);
    if (rc != SQLITE_OK) {
        writethru_block_free(block);
        return rc;
    }
    *out = block;
    return SQLITE_OK;
}

/* Reads the block that holds `rowid`, unless it is the one read last. */
static inline int writethru_block_move(writethru_block *block, sqlite3_int64 rowid) {
    sqlite3_int64 wanted = rowid >> WRITETHRU_BLOCK_BITS;
    if (block->block == wanted) return SQLITE_OK;
    block->block = wanted;
    block->found = 0;
    sqlite3_bind_int64(block->statement, 1, wanted);
    int rc = sqlite3_step(block->statement);
    if (rc == SQLITE_ROW) {
        if (sqlite3_column_bytes(block->statement, 0) == WRITETHRU_BLOCK_ROWS &&
            sqlite3_column_bytes(block->statement, 1) == 4 * WRITETHRU_BLOCK_ROWS) {
            memcpy(block->words, sqlite3_column_blob(block->statement, 0), WRITETHRU_BLOCK_ROWS);
            memcpy(block->stories, sqlite3_column_blob(block->statement, 1), 4 * WRITETHRU_BLOCK_ROWS);
            block->found = 1;
        }
        rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
        rc = SQLITE_OK;
    }
    sqlite3_reset(block->statement);
    return rc;
}

/* The block cached for writethru_story and this query (made on first use), moved to `rowid`'s. */
static inline int writethru_block_at(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context,
                                     sqlite3_int64 rowid, writethru_block **out) {
    writethru_block *block = (writethru_block *)api->xGetAuxdata(fts, 0);
    if (!block) {
        int rc = writethru_block_new(sqlite3_context_db_handle(context), &block);
        if (rc != SQLITE_OK) return rc;
        rc = api->xSetAuxdata(fts, block, writethru_block_free);
        if (rc != SQLITE_OK) return rc;
    }
    *out = block;
    return writethru_block_move(block, rowid);
}

/* writethru_story(sentence_text): the story of the row, or NULL when the blocks do not say. */
static inline void writethru_story(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context,
                                   int count, sqlite3_value **values) {
    (void)count;
    (void)values;
    writethru_block *block = 0;
    sqlite3_int64 rowid = api->xRowid(fts);
    int rc = writethru_block_at(api, fts, context, rowid, &block);
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(context, rc);
        return;
    }
    if (!block->found) {
        sqlite3_result_null(context);
        return;
    }
    const unsigned char *bytes = &block->stories[4 * (rowid & (WRITETHRU_BLOCK_ROWS - 1))];
    sqlite3_int64 story = ((sqlite3_int64)bytes[0] << 24) | ((sqlite3_int64)bytes[1] << 16) |
                          ((sqlite3_int64)bytes[2] << 8) | (sqlite3_int64)bytes[3];
    sqlite3_result_int64(context, story);
}

/* What the last query's writethru_bm25 saw, per connection (the function's user data): its
 * phrases and the table's rows, for the caller that deferred the IDF (below). */
typedef struct {
    int phrases;
    sqlite3_int64 rows;
} writethru_search_state;

/* What every row of one query shares: as fts5Bm25GetData, and the block being read. */
typedef struct {
    writethru_block *block;
    sqlite3_stmt *longLength;
    int phrases;
    double averageLength;
    double *idf;
    double *frequency;
} writethru_bm25_data;

static inline int writethru_bm25_count(const Fts5ExtensionApi *api, Fts5Context *fts, void *context) {
    (void)api;
    (void)fts;
    (*(sqlite3_int64 *)context)++;
    return SQLITE_OK;
}

static inline void writethru_bm25_free(void *pointer) {
    writethru_bm25_data *data = (writethru_bm25_data *)pointer;
    if (!data) return;
    writethru_block_free(data->block);
    sqlite3_finalize(data->longLength);
    sqlite3_free(data);
}

/* `defer`: a query of one phrase whose every match the caller reads (no other condition) has
 * that phrase's IDF from the number of rows it returns: the caller multiplies, and FTS5's second
 * pass over the phrase (xQueryPhrase, a third of the instructions of a phrase in 275,000
 * sentences) is saved. */
static inline int writethru_bm25_prepare(const Fts5ExtensionApi *api, Fts5Context *fts, int defer,
                                         writethru_search_state *state, writethru_bm25_data **out) {
    writethru_bm25_data *data = (writethru_bm25_data *)api->xGetAuxdata(fts, 0);
    if (data) {
        *out = data;
        return SQLITE_OK;
    }
    int phrases = api->xPhraseCount(fts);
    int deferred = defer && phrases == 1;
    sqlite3_int64 bytes = sizeof(writethru_bm25_data) + (sqlite3_int64)phrases * 2 * sizeof(double);
    data = (writethru_bm25_data *)sqlite3_malloc64(bytes);
    if (!data) return SQLITE_NOMEM;
    memset(data, 0, (size_t)bytes);
    data->phrases = phrases;
    data->idf = (double *)&data[1];
    data->frequency = &data->idf[phrases];
    sqlite3_int64 rows = 0, tokens = 0;
    int rc = api->xRowCount(fts, &rows);
    if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
    if (rc == SQLITE_OK) data->averageLength = (double)tokens / (double)rows;
    if (state) {
        state->phrases = phrases;
        state->rows = rows;
    }
    /* Deferred: the score is the phrase's term without the IDF factor (the caller's, exactly as
     * below: IDF * term, negated). */
    if (deferred) data->idf[0] = 1.0;
    for (int i = 0; rc == SQLITE_OK && !deferred && i < phrases; i++) {
        sqlite3_int64 hits = 0;
        rc = api->xQueryPhrase(fts, i, (void *)&hits, writethru_bm25_count);
        if (rc == SQLITE_OK) {
            double idf = log((rows - hits + 0.5) / (hits + 0.5));
            if (idf <= 0.0) idf = 1e-6;
            data->idf[i] = idf;
        }
    }
    if (rc == SQLITE_OK) rc = api->xSetAuxdata(fts, data, writethru_bm25_free);
    else writethru_bm25_free(data);
    if (rc == SQLITE_OK) *out = data;
    return rc;
}

/* The length of a sentence whose block says 255: from `sentence_length`, else FTS5's own. */
static inline int writethru_long_length(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3 *db,
                                        writethru_bm25_data *data, sqlite3_int64 rowid, int *words) {
    if (!data->longLength) {
        int rc = sqlite3_prepare_v2(db, "SELECT words FROM sentence_length WHERE id = ?", -1, &data->longLength, 0);
        if (rc != SQLITE_OK) return rc;
    }
    sqlite3_bind_int64(data->longLength, 1, rowid);
    int rc = sqlite3_step(data->longLength);
    int found = rc == SQLITE_ROW;
    if (found) *words = sqlite3_column_int(data->longLength, 0);
    sqlite3_reset(data->longLength);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return rc;
    return found ? SQLITE_OK : api->xColumnSize(fts, -1, words);
}

/* writethru_bm25(sentence_text[, defer]): lower is a better match, as bm25(). With `defer` 1, a
 * query of one phrase gets the score without its IDF factor (writethru_search_last says). */
static inline void writethru_bm25(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context,
                                  int count, sqlite3_value **values) {
    const double k1 = 1.2;
    const double b = 0.75;
    writethru_bm25_data *data = 0;
    int defer = count > 0 && sqlite3_value_int(values[0]) == 1;
    int rc = writethru_bm25_prepare(api, fts, defer, (writethru_search_state *)api->xUserData(fts), &data);
    int instances = 0;
    double score = 0.0;
    if (rc == SQLITE_OK) {
        memset(data->frequency, 0, sizeof(double) * (size_t)data->phrases);
        rc = api->xInstCount(fts, &instances);
    }
    for (int i = 0; rc == SQLITE_OK && i < instances; i++) {
        int phrase, column, offset;
        rc = api->xInst(fts, i, &phrase, &column, &offset);
        if (rc == SQLITE_OK) data->frequency[phrase] += 1.0;
    }
    double length = 0;
    if (rc == SQLITE_OK) {
        sqlite3_int64 rowid = api->xRowid(fts);
        if (!data->block) rc = writethru_block_new(sqlite3_context_db_handle(context), &data->block);
        if (rc == SQLITE_OK) rc = writethru_block_move(data->block, rowid);
        int words = rc == SQLITE_OK && data->block->found ? data->block->words[rowid & (WRITETHRU_BLOCK_ROWS - 1)]
                                                          : WRITETHRU_WORDS_UNKNOWN;
        if (rc == SQLITE_OK && words == WRITETHRU_WORDS_UNKNOWN)
            rc = writethru_long_length(api, fts, sqlite3_context_db_handle(context), data, rowid, &words);
        length = (double)words;
    }
    for (int i = 0; rc == SQLITE_OK && i < data->phrases; i++) {
        score += data->idf[i] * ((data->frequency[i] * (k1 + 1.0)) /
                                 (data->frequency[i] + k1 * (1 - b + b * length / data->averageLength)));
    }
    if (rc == SQLITE_OK) sqlite3_result_double(context, -1.0 * score);
    else sqlite3_result_error_code(context, rc);
}

/* Registers writethru_bm25 and writethru_story on the connection: SQLITE_OK, or SQLite's error.
 * `*state` is the connection's writethru_search_state, freed with it. */
static inline int writethru_register_search_functions(sqlite3 *db, writethru_search_state **state) {
    fts5_api *api = writethru_fts5_api(db);
    if (!api) return SQLITE_ERROR;
    writethru_search_state *made = (writethru_search_state *)sqlite3_malloc(sizeof(writethru_search_state));
    if (!made) return SQLITE_NOMEM;
    memset(made, 0, sizeof(writethru_search_state));
    int rc = api->xCreateFunction(api, "writethru_bm25", made, writethru_bm25, sqlite3_free);
    if (rc != SQLITE_OK) return rc;
    *state = made;
    if (rc == SQLITE_OK) rc = api->xCreateFunction(api, "writethru_story", 0, writethru_story, 0);
    return rc;
}

/* A sentence's length in tokens, as FTS5 counts it for `_docsize` (fts5StorageInsertCallback). */
typedef struct {
    fts5_tokenizer methods;
    Fts5Tokenizer *tokenizer;
} writethru_word_counter;

static inline int writethru_count_token(void *context, int flags, const char *token, int size, int start, int end) {
    (void)token;
    (void)size;
    (void)start;
    (void)end;
    int *words = (int *)context;
    if ((flags & FTS5_TOKEN_COLOCATED) == 0 || *words == 0) (*words)++;
    return SQLITE_OK;
}

/* The table's tokenizer, for `writethru_count_words`; NULL when FTS5 is missing. */
static inline writethru_word_counter *writethru_word_counter_open(sqlite3 *db) {
    fts5_api *api = writethru_fts5_api(db);
    if (!api) return 0;
    writethru_word_counter *counter = (writethru_word_counter *)sqlite3_malloc(sizeof(writethru_word_counter));
    if (!counter) return 0;
    void *user = 0;
    const char *arguments[] = {WRITETHRU_TOKENIZER_ARG0, WRITETHRU_TOKENIZER_ARG1};
    if (api->xFindTokenizer(api, WRITETHRU_TOKENIZER, &user, &counter->methods) != SQLITE_OK ||
        counter->methods.xCreate(user, arguments, 2, &counter->tokenizer) != SQLITE_OK) {
        sqlite3_free(counter);
        return 0;
    }
    return counter;
}

static inline void writethru_word_counter_close(writethru_word_counter *counter) {
    if (!counter) return;
    counter->methods.xDelete(counter->tokenizer);
    sqlite3_free(counter);
}

/* The number of tokens in `text` (`size` bytes of UTF-8), or -1 on an error. */
static inline int writethru_count_words(writethru_word_counter *counter, const char *text, int size) {
    int words = 0;
    if (counter->methods.xTokenize(counter->tokenizer, &words, FTS5_TOKENIZE_DOCUMENT, text, size,
                                   writethru_count_token) != SQLITE_OK) return -1;
    return words;
}
#endif
