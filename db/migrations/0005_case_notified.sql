-- A case deadline is announced in the tray once: the deadline that was
-- announced is kept on the case. A different next deadline (the status moved
-- on, a rule was edited) differs from it, so it is announced again in its turn.
ALTER TABLE aftersales_case ADD COLUMN notified_deadline_at INTEGER;

-- The After-sales search finds a case by the tracking number of its return or
-- its reissue (exact match), without reading every case.
CREATE INDEX aftersales_case_return_tracking ON aftersales_case(return_tracking_no)
    WHERE return_tracking_no <> '';
CREATE INDEX aftersales_case_reissue_tracking ON aftersales_case(reissue_tracking_no)
    WHERE reissue_tracking_no <> '';
