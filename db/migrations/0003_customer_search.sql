-- Indexes for the customer search box (desk/core/customers/search.py).
--
-- Every part is kept current by triggers, so any writer (the services, the
-- demo generator's executemany, a future import, the sqlite3 shell) keeps
-- search in step without knowing about it.

-- Nickname and real-name substrings of 3+ characters: an FTS5 trigram index
-- over the customer table itself (external content: the text is not stored
-- twice).
CREATE VIRTUAL TABLE customer_fts USING fts5(
    nickname, real_name,
    content = 'customer', content_rowid = 'id',
    tokenize = 'trigram'
);

-- Substrings of 1 or 2 characters, which a trigram index cannot answer: every
-- two-character piece of the lower-cased nickname and real name, plus the
-- last character alone. A two-character query is one key lookup; a
-- one-character query is a range over the pieces that start with it.
CREATE TABLE customer_gram (
    gram        TEXT NOT NULL,
    customer_id INTEGER NOT NULL,
    PRIMARY KEY (gram, customer_id)
) WITHOUT ROWID;

-- Positions 1..512 to cut names into pieces inside triggers (which allow no
-- WITH clause). Names longer than that are still found by the trigram index
-- for queries of 3+ characters.
CREATE TABLE search_position (n INTEGER PRIMARY KEY);
WITH RECURSIVE p(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM p WHERE n < 512)
INSERT INTO search_position(n) SELECT n FROM p;

CREATE TRIGGER customer_search_insert AFTER INSERT ON customer BEGIN
    INSERT INTO customer_fts(rowid, nickname, real_name) VALUES (new.id, new.nickname, new.real_name);
    INSERT OR IGNORE INTO customer_gram(gram, customer_id)
        SELECT lower(substr(new.nickname, n, 2)), new.id FROM search_position WHERE n <= length(new.nickname)
        UNION
        SELECT lower(substr(new.real_name, n, 2)), new.id FROM search_position WHERE n <= length(new.real_name);
END;

CREATE TRIGGER customer_search_delete AFTER DELETE ON customer BEGIN
    INSERT INTO customer_fts(customer_fts, rowid, nickname, real_name)
        VALUES ('delete', old.id, old.nickname, old.real_name);
    DELETE FROM customer_gram WHERE customer_id = old.id AND gram IN (
        SELECT lower(substr(old.nickname, n, 2)) FROM search_position WHERE n <= length(old.nickname)
        UNION
        SELECT lower(substr(old.real_name, n, 2)) FROM search_position WHERE n <= length(old.real_name));
END;

CREATE TRIGGER customer_search_update AFTER UPDATE OF nickname, real_name ON customer BEGIN
    INSERT INTO customer_fts(customer_fts, rowid, nickname, real_name)
        VALUES ('delete', old.id, old.nickname, old.real_name);
    DELETE FROM customer_gram WHERE customer_id = old.id AND gram IN (
        SELECT lower(substr(old.nickname, n, 2)) FROM search_position WHERE n <= length(old.nickname)
        UNION
        SELECT lower(substr(old.real_name, n, 2)) FROM search_position WHERE n <= length(old.real_name));
    INSERT INTO customer_fts(rowid, nickname, real_name) VALUES (new.id, new.nickname, new.real_name);
    INSERT OR IGNORE INTO customer_gram(gram, customer_id)
        SELECT lower(substr(new.nickname, n, 2)), new.id FROM search_position WHERE n <= length(new.nickname)
        UNION
        SELECT lower(substr(new.real_name, n, 2)), new.id FROM search_position WHERE n <= length(new.real_name);
END;

-- Backfill what the customer table already holds.
INSERT INTO customer_fts(customer_fts) VALUES ('rebuild');
INSERT OR IGNORE INTO customer_gram(gram, customer_id)
    SELECT lower(substr(c.nickname, p.n, 2)), c.id FROM customer c JOIN search_position p ON p.n <= length(c.nickname)
    UNION
    SELECT lower(substr(c.real_name, p.n, 2)), c.id FROM customer c JOIN search_position p ON p.n <= length(c.real_name);

-- Pinyin (full and initials) as prefixes, and the last four phone digits.
-- Queries use ranges (col >= ? AND col < ?), which these plain indexes serve.
CREATE INDEX customer_nickname_py ON customer(nickname_py);
CREATE INDEX customer_nickname_abbr ON customer(nickname_abbr);
CREATE INDEX customer_real_name_py ON customer(real_name_py) WHERE real_name_py <> '';
CREATE INDEX customer_real_name_abbr ON customer(real_name_abbr) WHERE real_name_abbr <> '';
CREATE INDEX customer_phone_tail ON customer(substr(phone, -4)) WHERE phone <> '';
