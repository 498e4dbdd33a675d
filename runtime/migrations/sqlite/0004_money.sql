-- Money, proof of ownership, plugin state and the plugin audit log.

-- What the conversation is waiting on: the order number it is about, the choices of a
-- clarifying question, the action proposed to the shopper (JSON, see engine::Pending).
ALTER TABLE conversations ADD COLUMN pending TEXT;
-- The email the shopper proved (an order's email, or a signed identity).
ALTER TABLE conversations ADD COLUMN verified_email TEXT;

-- Actions a plugin proposed; executed only once the shopper confirmed them.
CREATE TABLE actions (
    id               TEXT PRIMARY KEY,
    merchant_id      TEXT NOT NULL REFERENCES merchants(id),
    conversation_id  TEXT NOT NULL REFERENCES conversations(id),
    plugin           TEXT NOT NULL,
    plugin_version   TEXT NOT NULL,
    -- JSON of the proposal (kind, order, exact amount, currency, terms).
    proposal         TEXT NOT NULL,
    shopper          TEXT NOT NULL,
    -- proposed → committed | cancelled | failed | expired
    state            TEXT NOT NULL,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
);

-- Every refund issued, one per confirmed action at most.
CREATE TABLE refunds (
    reference     TEXT PRIMARY KEY,
    merchant_id   TEXT NOT NULL REFERENCES merchants(id),
    plugin        TEXT NOT NULL,
    action_id     TEXT NOT NULL UNIQUE,
    order_id      TEXT NOT NULL,
    amount_minor  INTEGER NOT NULL,
    currency      TEXT NOT NULL,
    reason        TEXT NOT NULL,
    shopper       TEXT NOT NULL,
    issued_at     INTEGER NOT NULL
);
CREATE INDEX refunds_by_order ON refunds (merchant_id, order_id);
CREATE INDEX refunds_by_time ON refunds (merchant_id, plugin, issued_at);

-- Plugins' own key-value stores.
CREATE TABLE plugin_kv (
    merchant_id  TEXT NOT NULL,
    plugin       TEXT NOT NULL,
    key          TEXT NOT NULL,
    value        BLOB NOT NULL,
    PRIMARY KEY (merchant_id, plugin, key)
);

-- Every plugin call: who, what, how long, what it did with money, how it ended.
CREATE TABLE plugin_calls (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    merchant_id      TEXT NOT NULL,
    plugin           TEXT NOT NULL,
    plugin_version   TEXT NOT NULL,
    conversation_id  TEXT,
    export           TEXT NOT NULL,        -- handle | commit
    intent           TEXT,
    host_calls       INTEGER NOT NULL,
    micros           INTEGER NOT NULL,
    peak_memory      INTEGER NOT NULL DEFAULT 0,
    proposed_minor   INTEGER,
    committed_minor  INTEGER,
    currency         TEXT,
    outcome          TEXT NOT NULL,        -- ok | not_found | timeout | …
    -- For `kefu plugin replay`: the input (JSON; emails and phone numbers masked), the
    -- frozen clock, every answer the host's data gave (JSON), and the outcome (JSON).
    input            TEXT,
    now_ms           INTEGER,
    host_log         TEXT,
    result           TEXT,
    created_at       INTEGER NOT NULL
);
CREATE INDEX plugin_calls_by_merchant ON plugin_calls (merchant_id, created_at);

-- The merchant's FAQ: policy answers the bot gives verbatim, per language.
CREATE TABLE IF NOT EXISTS faq (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    merchant_id  TEXT NOT NULL REFERENCES merchants(id),
    question     TEXT NOT NULL,
    answer       TEXT NOT NULL,
    lang         TEXT NOT NULL,
    created_at   INTEGER NOT NULL
);
-- The intent an entry answers (`check_refund_policy`, …); NULL: found by wording only.
ALTER TABLE faq ADD COLUMN intent TEXT;

-- Refunds above this (minor units) always go to a person, whatever plugins may do; NULL:
-- only the plugin manifests' caps apply.
ALTER TABLE merchants ADD COLUMN refund_cap_minor INTEGER;
-- Product descriptions in Chinese.
ALTER TABLE products ADD COLUMN description_zh TEXT;
-- Secret the merchant's pages sign shopper identities with (`identify` in the JS API).
ALTER TABLE merchants ADD COLUMN identity_secret TEXT;
