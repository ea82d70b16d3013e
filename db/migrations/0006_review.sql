-- Review (复盘): the period figures read orders by payment time, cases by
-- closing time, buyers by their first order and follow-ups by due time.
CREATE INDEX shop_order_paid ON shop_order(paid_at, customer_id, amount_fen)
    WHERE paid_at IS NOT NULL AND status <> 'closed';
CREATE INDEX shop_order_customer_paid ON shop_order(customer_id, paid_at)
    WHERE paid_at IS NOT NULL AND status <> 'closed';
CREATE INDEX aftersales_case_closed ON aftersales_case(closed_at) WHERE closed_at IS NOT NULL;
CREATE INDEX customer_first_order ON customer(first_order_at) WHERE deleted_at IS NULL;
CREATE INDEX followup_due ON followup(due_at);
ANALYZE;
