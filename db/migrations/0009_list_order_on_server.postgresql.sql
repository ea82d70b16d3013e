-- The Customers list opens sorted by last order, newest first, ties by id
-- (desk/core/customers/listing.py). SQLite reads that order from
-- customer_list_last_order (0004), whose entries end with the rowid; on the
-- server that index neither holds the id nor puts empty values where SQLite
-- does (an empty last order sorts below every date: NULLS FIRST ascending,
-- NULLS LAST descending), so the server sorted all 100,000 ids for every
-- first paint. This index is that order exactly, read forwards or backwards,
-- and carries the id: the ids query is an index-only scan with no sort.
CREATE INDEX customer_list_order ON customer(last_order_at NULLS FIRST, id NULLS FIRST)
    WHERE deleted_at IS NULL;

-- It serves whatever 0004's index served (its first column is last_order_at),
-- so that one goes: one index less for every write of a customer.
DROP INDEX customer_list_last_order;
