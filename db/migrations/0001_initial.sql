-- The first schema: all three pillars (customer file, after-sales register,
-- quick replies) plus settings, saved views and import presets.
-- Times are UTC epoch seconds (INTEGER); money is integer fen;
-- order, phone and tracking numbers are TEXT.

PRAGMA application_id = 1397245003;  -- 'SHDK': marks a ShopDesk database

CREATE TABLE setting (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_at  INTEGER NOT NULL
);

-- Pillar 1: the customer file -------------------------------------------

CREATE TABLE customer (
    id               INTEGER PRIMARY KEY,
    platform         TEXT NOT NULL,
    nickname         TEXT NOT NULL,
    real_name        TEXT NOT NULL DEFAULT '',
    phone            TEXT NOT NULL DEFAULT '',
    region           TEXT NOT NULL DEFAULT '',
    lifecycle        TEXT NOT NULL DEFAULT 'inquiry',  -- inquiry | unpaid | shipped | customer
    lifecycle_manual INTEGER NOT NULL DEFAULT 0,       -- 1: set by hand, not moved by orders
    -- searchable pinyin forms: full pinyin and initials, lower case, no spaces
    nickname_py      TEXT NOT NULL DEFAULT '',
    nickname_abbr    TEXT NOT NULL DEFAULT '',
    real_name_py     TEXT NOT NULL DEFAULT '',
    real_name_abbr   TEXT NOT NULL DEFAULT '',
    -- figures derived from orders and cases, kept current by the services
    order_count      INTEGER NOT NULL DEFAULT 0,
    paid_order_count INTEGER NOT NULL DEFAULT 0,
    unpaid_count     INTEGER NOT NULL DEFAULT 0,  -- ordered and never paid (closed unpaid)
    total_spent_fen  INTEGER NOT NULL DEFAULT 0,
    first_order_at   INTEGER,
    last_order_at    INTEGER,
    last_contact_at  INTEGER,
    case_count       INTEGER NOT NULL DEFAULT 0,
    open_case_count  INTEGER NOT NULL DEFAULT 0,
    source           TEXT NOT NULL DEFAULT 'manual',  -- manual | import | demo
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    deleted_at       INTEGER                          -- set: in the trash
);
CREATE UNIQUE INDEX customer_platform_nickname ON customer(platform, nickname) WHERE deleted_at IS NULL;
CREATE INDEX customer_nickname ON customer(nickname);
CREATE INDEX customer_phone ON customer(phone) WHERE phone <> '';
CREATE INDEX customer_deleted ON customer(deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TABLE address (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    receiver    TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT '',
    province    TEXT NOT NULL DEFAULT '',
    city        TEXT NOT NULL DEFAULT '',
    district    TEXT NOT NULL DEFAULT '',
    detail      TEXT NOT NULL DEFAULT '',
    is_default  INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX address_customer ON address(customer_id);

CREATE TABLE tag_category (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    color       TEXT NOT NULL DEFAULT '#607d8b',
    position    INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);

CREATE TABLE tag (
    id          INTEGER PRIMARY KEY,
    category_id INTEGER NOT NULL REFERENCES tag_category(id) ON DELETE CASCADE,
    name        TEXT NOT NULL UNIQUE,
    color       TEXT,                      -- NULL: the category's colour
    description TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0,
    name_py     TEXT NOT NULL DEFAULT '',
    name_abbr   TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX tag_category_id ON tag(category_id);

CREATE TABLE customer_tag (
    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    tag_id      INTEGER NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (customer_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX customer_tag_tag ON customer_tag(tag_id, customer_id);

CREATE TABLE shop_order (
    id               INTEGER PRIMARY KEY,
    customer_id      INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    platform         TEXT NOT NULL,
    order_no         TEXT NOT NULL,
    status           TEXT NOT NULL,     -- unpaid | paid | shipped | completed | closed
    placed_at        INTEGER NOT NULL,
    paid_at          INTEGER,
    shipped_at       INTEGER,
    completed_at     INTEGER,
    amount_fen       INTEGER NOT NULL DEFAULT 0,   -- what the buyer paid, shipping included
    shipping_fen     INTEGER NOT NULL DEFAULT 0,
    items            TEXT NOT NULL DEFAULT '',     -- one-line summary of order_item rows
    carrier          TEXT NOT NULL DEFAULT '',
    tracking_no      TEXT NOT NULL DEFAULT '',
    receiver_name    TEXT NOT NULL DEFAULT '',
    receiver_phone   TEXT NOT NULL DEFAULT '',
    receiver_address TEXT NOT NULL DEFAULT '',
    buyer_message    TEXT NOT NULL DEFAULT '',
    free_shipping    INTEGER NOT NULL DEFAULT 1,
    source           TEXT NOT NULL DEFAULT 'manual',
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
);
CREATE UNIQUE INDEX shop_order_number ON shop_order(platform, order_no);
CREATE INDEX shop_order_order_no ON shop_order(order_no);
CREATE INDEX shop_order_customer ON shop_order(customer_id, placed_at);
CREATE INDEX shop_order_tracking ON shop_order(tracking_no) WHERE tracking_no <> '';
CREATE INDEX shop_order_placed ON shop_order(placed_at);

CREATE TABLE order_item (
    id          INTEGER PRIMARY KEY,
    order_id    INTEGER NOT NULL REFERENCES shop_order(id) ON DELETE CASCADE,
    title       TEXT NOT NULL,
    sku         TEXT NOT NULL DEFAULT '',
    quantity    INTEGER NOT NULL DEFAULT 1,
    price_fen   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX order_item_order ON order_item(order_id);

-- Pillar 2: the after-sales register ------------------------------------

CREATE TABLE aftersales_reason (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    is_quality  INTEGER NOT NULL DEFAULT 0,   -- the seller's fault for the shipping rules
    position    INTEGER NOT NULL DEFAULT 0,
    active      INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE aftersales_case (
    id                  INTEGER PRIMARY KEY,
    case_no             TEXT NOT NULL UNIQUE,
    customer_id         INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    order_id            INTEGER REFERENCES shop_order(id) ON DELETE SET NULL,
    platform            TEXT NOT NULL,
    kind                TEXT NOT NULL,   -- refund_only | return_refund | exchange | reissue | repair | compensation
    reason              TEXT NOT NULL,   -- aftersales_reason.code
    responsibility      TEXT NOT NULL DEFAULT 'seller',  -- seller | buyer | carrier | supplier
    status              TEXT NOT NULL DEFAULT 'new',
    handler             TEXT NOT NULL DEFAULT '',
    items               TEXT NOT NULL DEFAULT '',
    refund_fen          INTEGER NOT NULL DEFAULT 0,
    compensation_fen    INTEGER NOT NULL DEFAULT 0,
    shipping_fen        INTEGER NOT NULL DEFAULT 0,
    platform_refund_no  TEXT NOT NULL DEFAULT '',
    free_shipping       INTEGER NOT NULL DEFAULT 1,
    no_reason_return    INTEGER NOT NULL DEFAULT 0,   -- 7-day no-reason return: shorter deadline
    shipping_payer      TEXT NOT NULL DEFAULT '',     -- who pays return shipping (rule or override)
    shipping_payer_override INTEGER NOT NULL DEFAULT 0,
    description         TEXT NOT NULL DEFAULT '',
    return_carrier      TEXT NOT NULL DEFAULT '',
    return_tracking_no  TEXT NOT NULL DEFAULT '',
    return_by_surface   INTEGER NOT NULL DEFAULT 0,   -- surface mail: longer confirm deadline
    reissue_carrier     TEXT NOT NULL DEFAULT '',
    reissue_tracking_no TEXT NOT NULL DEFAULT '',
    opened_at           INTEGER NOT NULL,
    status_changed_at   INTEGER NOT NULL,
    first_response_at   INTEGER,
    closed_at           INTEGER,
    next_deadline_at    INTEGER,                      -- derived from deadline_rule, kept current
    next_deadline_key   TEXT NOT NULL DEFAULT '',
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    deleted_at          INTEGER
);
CREATE INDEX aftersales_case_customer ON aftersales_case(customer_id);
CREATE INDEX aftersales_case_order ON aftersales_case(order_id);
CREATE INDEX aftersales_case_status ON aftersales_case(status);
CREATE INDEX aftersales_case_deadline ON aftersales_case(next_deadline_at) WHERE next_deadline_at IS NOT NULL;
CREATE INDEX aftersales_case_opened ON aftersales_case(opened_at);

CREATE TABLE case_item (
    id            INTEGER PRIMARY KEY,
    case_id       INTEGER NOT NULL REFERENCES aftersales_case(id) ON DELETE CASCADE,
    order_item_id INTEGER REFERENCES order_item(id) ON DELETE SET NULL,
    title         TEXT NOT NULL,
    quantity      INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX case_item_case ON case_item(case_id);

CREATE TABLE case_event (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES aftersales_case(id) ON DELETE CASCADE,
    at          INTEGER NOT NULL,
    kind        TEXT NOT NULL DEFAULT 'status',   -- status | comment | payer_override | evidence
    old_status  TEXT NOT NULL DEFAULT '',
    new_status  TEXT NOT NULL DEFAULT '',
    handler     TEXT NOT NULL DEFAULT '',
    comment     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX case_event_case ON case_event(case_id, at);

CREATE TABLE evidence (
    id            INTEGER PRIMARY KEY,
    case_id       INTEGER NOT NULL REFERENCES aftersales_case(id) ON DELETE CASCADE,
    sha256        TEXT NOT NULL,
    ext           TEXT NOT NULL,      -- file name in photos/ is <sha256[:2]>/<sha256>.<ext>
    kind          TEXT NOT NULL DEFAULT 'other',  -- damage | package | slip | chat | other
    caption       TEXT NOT NULL DEFAULT '',
    original_name TEXT NOT NULL DEFAULT '',
    size_bytes    INTEGER NOT NULL DEFAULT 0,
    width         INTEGER NOT NULL DEFAULT 0,
    height        INTEGER NOT NULL DEFAULT 0,
    added_at      INTEGER NOT NULL,
    deleted_at    INTEGER
);
CREATE INDEX evidence_case ON evidence(case_id);
CREATE INDEX evidence_sha ON evidence(sha256);

CREATE TABLE deadline_rule (
    id          INTEGER PRIMARY KEY,
    platform    TEXT NOT NULL,
    key         TEXT NOT NULL,        -- seller_respond, buyer_ship_return, ...
    start_status TEXT NOT NULL,       -- the case status that starts this clock
    condition   TEXT NOT NULL DEFAULT '',  -- '' | no_reason | express | surface
    hours       INTEGER NOT NULL,
    active      INTEGER NOT NULL DEFAULT 1,
    position    INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    UNIQUE (platform, key)
);

-- Notes and follow-ups can point at an order or a case, so they come last.

CREATE TABLE note (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    body        TEXT NOT NULL,
    pinned      INTEGER NOT NULL DEFAULT 0,
    order_id    INTEGER REFERENCES shop_order(id) ON DELETE SET NULL,
    case_id     INTEGER REFERENCES aftersales_case(id) ON DELETE SET NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    deleted_at  INTEGER
);
CREATE INDEX note_customer ON note(customer_id, created_at);

CREATE TABLE followup (
    id            INTEGER PRIMARY KEY,
    customer_id   INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    case_id       INTEGER REFERENCES aftersales_case(id) ON DELETE SET NULL,
    title         TEXT NOT NULL,
    due_at        INTEGER NOT NULL,
    done_at       INTEGER,
    notified_at   INTEGER,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
CREATE INDEX followup_open_due ON followup(due_at) WHERE done_at IS NULL;
CREATE INDEX followup_customer ON followup(customer_id);

-- Pillar 3: quick replies ------------------------------------------------

CREATE TABLE reply_group (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    stage       TEXT NOT NULL DEFAULT '',   -- greet, ask, recommend, ... ('' for the shop's own)
    position    INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);

CREATE TABLE reply (
    id            INTEGER PRIMARY KEY,
    group_id      INTEGER NOT NULL REFERENCES reply_group(id) ON DELETE CASCADE,
    code          TEXT NOT NULL DEFAULT '',
    body          TEXT NOT NULL,
    body_abbr     TEXT NOT NULL DEFAULT '',   -- pinyin initials of the text, for the palette
    image_sha256  TEXT NOT NULL DEFAULT '',
    image_ext     TEXT NOT NULL DEFAULT '',
    position      INTEGER NOT NULL DEFAULT 0,
    use_count     INTEGER NOT NULL DEFAULT 0,
    last_used_at  INTEGER,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    deleted_at    INTEGER
);
CREATE INDEX reply_group_position ON reply(group_id, position);
CREATE INDEX reply_code ON reply(code) WHERE code <> '';

-- Shared: saved list views and import column mappings ----------------------

CREATE TABLE saved_view (
    id          INTEGER PRIMARY KEY,
    page        TEXT NOT NULL,          -- customers | aftersales | ...
    name        TEXT NOT NULL,
    state       TEXT NOT NULL,          -- JSON: filters and sort
    builtin     INTEGER NOT NULL DEFAULT 0,
    position    INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    UNIQUE (page, name)
);

CREATE TABLE import_preset (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    platform    TEXT NOT NULL,
    mapping     TEXT NOT NULL,          -- JSON: field -> column header
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
