-- Indexes for the customer search box on a PostgreSQL server: the twin of
-- 0003_customer_search.sql, with the same answers for the same data
-- (tests/core/team/test_search_engines.py feeds both).
--
-- - Substrings of 3+ characters: pg_trgm GIN indexes on nickname and real
--   name answer `ILIKE '%...%'` (SQLite: the FTS5 trigram table).
-- - Substrings of 1 or 2 characters: the same customer_gram table, kept by
--   triggers as SQLite's is: every two-character piece of the nickname and the
--   real name (ASCII letters lower-cased, as SQLite's lower() does), plus the
--   last character alone, from the first 512 positions.
-- - The last four phone digits: right(phone, 4) (SQLite: substr(phone, -4)).

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- SQLite's lower(): ASCII letters only, whatever the server's locale.
CREATE FUNCTION ascii_lower(text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT translate($1, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')
$$;

-- The short pieces of a customer's names, as SQLite's triggers cut them.
CREATE FUNCTION customer_grams(nickname text, real_name text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ascii_lower(substr($1, n, 2)) FROM generate_series(1, least(length($1), 512)) AS n
    UNION
    SELECT ascii_lower(substr($2, n, 2)) FROM generate_series(1, least(length($2), 512)) AS n
$$;

CREATE TABLE customer_gram (
    gram        TEXT COLLATE "C" NOT NULL,
    customer_id BIGINT NOT NULL,
    PRIMARY KEY (gram, customer_id)
);

CREATE FUNCTION customer_search_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM customer_gram WHERE customer_id = OLD.id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO customer_gram(gram, customer_id)
            SELECT g, NEW.id FROM customer_grams(NEW.nickname, NEW.real_name) AS g
            ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER customer_search_insert AFTER INSERT ON customer
    FOR EACH ROW EXECUTE FUNCTION customer_search_sync();
CREATE TRIGGER customer_search_delete AFTER DELETE ON customer
    FOR EACH ROW EXECUTE FUNCTION customer_search_sync();
CREATE TRIGGER customer_search_update AFTER UPDATE OF nickname, real_name ON customer
    FOR EACH ROW EXECUTE FUNCTION customer_search_sync();

-- Backfill what the customer table already holds.
INSERT INTO customer_gram(gram, customer_id)
    SELECT g, c.id FROM customer c, customer_grams(c.nickname, c.real_name) AS g
    ON CONFLICT DO NOTHING;

CREATE INDEX customer_nickname_trgm ON customer USING gin (nickname gin_trgm_ops);
CREATE INDEX customer_real_name_trgm ON customer USING gin (real_name gin_trgm_ops);

-- Pinyin (full and initials) as prefixes, and the last four phone digits.
-- INCLUDE (id): the search wants only the ids, which SQLite's indexes hold
-- anyway (the rowid); here it makes an index-only scan instead of a visit to
-- a table page per match (the search's p95 at 100,000 customers).
CREATE INDEX customer_nickname_py ON customer(nickname_py) INCLUDE (id);
CREATE INDEX customer_nickname_abbr ON customer(nickname_abbr) INCLUDE (id);
CREATE INDEX customer_real_name_py ON customer(real_name_py) INCLUDE (id) WHERE real_name_py <> '';
CREATE INDEX customer_real_name_abbr ON customer(real_name_abbr) INCLUDE (id) WHERE real_name_abbr <> '';
CREATE INDEX customer_phone_tail ON customer(right(phone, 4)) WHERE phone <> '';

ANALYZE;
