-- The short-gram table (migration 0003) filled once per INSERT or COPY into
-- customer instead of once per row: a statement-level trigger reading the
-- statement's new rows (a transition table). The grams are the same
-- (customer_grams of each new row), but one INSERT ... SELECT for a whole
-- statement costs far less than a PL/pgSQL call and an INSERT per row (an
-- order import's 30,000 new buyers: the buyers' part from about 7 s to 1-2 s
-- on the benchmark's machine; a shop moved up from a local one gains alike).
-- Updates and deletes keep their row triggers (they come one buyer at a time).
--
-- - The pieces go in in the table's key order (one sort, in memory: work_mem),
--   so the b-tree is filled page after page instead of at random.
-- - New rows have new ids, so none of their pieces can be in the table yet:
--   the insert goes without ON CONFLICT (its check per row costs a third of
--   the insert). Should pieces of such an id be there all the same (a row
--   put back with its old id after its pieces were left behind), the insert
--   is tried again in the slow way, which skips them, as the row trigger did.
-- - jit off: the planner guesses 1,000 pieces per name (generate_series), so
--   a statement of a few hundred rows looks costly enough to compile, and
--   compiling takes longer than the insert itself.

CREATE FUNCTION customer_search_insert_rows() RETURNS trigger
LANGUAGE plpgsql SET jit = off SET work_mem = '64MB' AS $$
BEGIN
    BEGIN
        INSERT INTO customer_gram(gram, customer_id)
            SELECT g, n.id FROM new_rows AS n, customer_grams(n.nickname, n.real_name) AS g
            ORDER BY 1, 2;
    EXCEPTION WHEN unique_violation THEN
        INSERT INTO customer_gram(gram, customer_id)
            SELECT g, n.id FROM new_rows AS n, customer_grams(n.nickname, n.real_name) AS g
            ON CONFLICT DO NOTHING;
    END;
    RETURN NULL;
END
$$;

DROP TRIGGER customer_search_insert ON customer;
CREATE TRIGGER customer_search_insert AFTER INSERT ON customer
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION customer_search_insert_rows();
