-- The Customers list opens sorted by last order, newest first: an index over
-- the live customers in that order lets it read ids without scanning the
-- table (and without filling the page cache with customer rows).
CREATE INDEX customer_list_last_order ON customer(last_order_at) WHERE deleted_at IS NULL;

-- Statistics for the query planner. Without them SQLite may sort the list by
-- walking an unrelated index and looking every row up; with them it scans.
-- Kept fresh by PRAGMA optimize when the database is closed.
ANALYZE;
