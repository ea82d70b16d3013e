-- A reason can stand for a 7-day no-reason return (the shorter answer
-- deadline applies to its cases); the seeded "no_reason" one does.
ALTER TABLE aftersales_reason ADD COLUMN no_reason INTEGER NOT NULL DEFAULT 0;
UPDATE aftersales_reason SET no_reason = 1 WHERE code = 'no_reason';
