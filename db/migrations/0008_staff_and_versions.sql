-- Team mode on either engine: who did what, and a version on every row a
-- person edits so a save over someone else's newer change is refused instead
-- of lost. Portable SQL only (runs unchanged on PostgreSQL).

-- version: bumped by every save through core; updated_by: the staff name of
-- the seat that saved last.
ALTER TABLE customer ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE customer ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE address ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE address ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE tag_category ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tag_category ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE tag ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tag ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE shop_order ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE shop_order ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE aftersales_case ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE aftersales_case ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE deadline_rule ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE deadline_rule ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE note ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE note ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE followup ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE followup ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE reply_group ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reply_group ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE reply ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reply ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE saved_view ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE saved_view ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE import_preset ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE import_preset ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';

-- staff: who wrote the case event, the note or the follow-up; done_by: who
-- marked a follow-up done (the Review counts them per staff).
ALTER TABLE case_event ADD COLUMN staff TEXT NOT NULL DEFAULT '';
ALTER TABLE note ADD COLUMN staff TEXT NOT NULL DEFAULT '';
ALTER TABLE followup ADD COLUMN staff TEXT NOT NULL DEFAULT '';
ALTER TABLE followup ADD COLUMN done_by TEXT NOT NULL DEFAULT '';

-- The Review's per-staff figures read events, notes and follow-ups by time:
-- covering indexes, so a month of a busy shop is counted from the index alone.
CREATE INDEX case_event_staff ON case_event(at, staff, case_id, kind, new_status);
CREATE INDEX note_staff ON note(created_at, staff, customer_id, deleted_at);
CREATE INDEX followup_done_by ON followup(done_at, done_by, customer_id);
