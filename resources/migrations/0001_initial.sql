-- Entente schema, version 1. Applied in one transaction by the migration runner.
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    url TEXT
);

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
    title TEXT NOT NULL DEFAULT '',
    url TEXT,
    file_path TEXT,
    published_start TEXT,
    published_end TEXT,
    published_precision INTEGER NOT NULL DEFAULT 0,
    published_interval INTEGER NOT NULL DEFAULT 0,
    raw_text TEXT,
    clean_text TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    simhash INTEGER NOT NULL DEFAULT 0,
    story_cluster INTEGER,
    language TEXT,
    imported_at TEXT NOT NULL,
    extracted_at TEXT
);
CREATE UNIQUE INDEX articles_content_hash ON articles(content_hash);
CREATE UNIQUE INDEX articles_url ON articles(url) WHERE url IS NOT NULL AND url <> '';
CREATE INDEX articles_published ON articles(published_start);
CREATE INDEX articles_cluster ON articles(story_cluster);
CREATE INDEX articles_source ON articles(source_id);

-- Near-duplicate lookup: the 64-bit SimHash cut into six bands of 10-11 bits. Two fingerprints within
-- Hamming distance 5 share at least one band exactly (pigeonhole), so candidates come from an index.
CREATE TABLE simhash_bands (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    band INTEGER NOT NULL,
    value INTEGER NOT NULL,
    PRIMARY KEY (band, value, article_id)
) WITHOUT ROWID;

CREATE TABLE actors (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'state',
    origin TEXT NOT NULL DEFAULT 'user',
    merged_into TEXT
);

CREATE TABLE aliases (
    id INTEGER PRIMARY KEY,
    alias TEXT NOT NULL,
    actor_code TEXT NOT NULL,
    role TEXT,
    valid_from TEXT,
    valid_to TEXT,
    origin TEXT NOT NULL DEFAULT 'user',
    created_at TEXT NOT NULL
);
CREATE INDEX aliases_actor ON aliases(actor_code);
CREATE UNIQUE INDEX aliases_unique ON aliases(alias, actor_code, IFNULL(role, ''), IFNULL(valid_from, ''), IFNULL(valid_to, ''));

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    sentence TEXT NOT NULL,
    type TEXT NOT NULL,
    source_actor TEXT,
    source_role TEXT,
    target_actor TEXT,
    target_role TEXT,
    location TEXT,
    date_start TEXT,
    date_end TEXT,
    date_precision INTEGER NOT NULL DEFAULT 0,
    date_interval INTEGER NOT NULL DEFAULT 0,
    polarity TEXT NOT NULL DEFAULT 'asserted',
    modality TEXT NOT NULL DEFAULT 'actual',
    attributed_to TEXT,
    confidence REAL NOT NULL DEFAULT 0.5,
    status TEXT NOT NULL DEFAULT 'auto',
    pattern TEXT,
    dictionary_entries TEXT,
    fingerprint TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (span_start >= 0 AND span_end >= span_start),
    CHECK (confidence >= 0 AND confidence <= 1),
    CHECK (polarity IN ('asserted', 'negated')),
    CHECK (modality IN ('actual', 'possible', 'planned')),
    CHECK (status IN ('auto', 'confirmed', 'rejected', 'edited', 'manual'))
);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_date ON events(date_start);
CREATE INDEX events_source_date ON events(source_actor, date_start);
CREATE INDEX events_target_date ON events(target_actor, date_start);
CREATE INDEX events_type_date ON events(type, date_start);
CREATE INDEX events_status ON events(status, confidence);
CREATE INDEX events_fingerprint ON events(article_id, fingerprint);

CREATE TABLE tags (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    color TEXT
);

CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tags_tag ON article_tags(tag_id);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id INTEGER,
    action TEXT NOT NULL,
    before_value TEXT,
    after_value TEXT
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);

-- Full-text index over title and cleaned text; external content kept in sync by triggers.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, clean_text, content='articles', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, clean_text) VALUES (new.id, new.title, new.clean_text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, clean_text) VALUES ('delete', old.id, old.title, old.clean_text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, clean_text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, clean_text) VALUES ('delete', old.id, old.title, old.clean_text);
    INSERT INTO articles_fts(rowid, title, clean_text) VALUES (new.id, new.title, new.clean_text);
END;
