-- kefu's storage, first version. Times are Unix milliseconds.

CREATE TABLE merchants (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    created_at  INTEGER NOT NULL
);

-- The merchant's own order data, for merchants without a backend (and the demo).
CREATE TABLE orders (
    merchant_id      TEXT NOT NULL REFERENCES merchants(id),
    id               TEXT NOT NULL,
    email            TEXT NOT NULL,
    status           TEXT NOT NULL,
    carrier          TEXT,
    tracking_number  TEXT,
    eta              TEXT,
    total_minor      INTEGER NOT NULL,
    currency         TEXT NOT NULL,
    items            TEXT NOT NULL,   -- JSON array of {sku, name, quantity}
    shipping_address TEXT,
    PRIMARY KEY (merchant_id, id)
);

CREATE TABLE products (
    merchant_id  TEXT NOT NULL REFERENCES merchants(id),
    sku          TEXT NOT NULL,
    name         TEXT NOT NULL,
    name_zh      TEXT,
    description  TEXT NOT NULL,
    price_minor  INTEGER NOT NULL,
    currency     TEXT NOT NULL,
    stock        INTEGER NOT NULL,
    PRIMARY KEY (merchant_id, sku)
);

CREATE TABLE conversations (
    id              TEXT PRIMARY KEY,
    merchant_id     TEXT NOT NULL REFERENCES merchants(id),
    state           TEXT NOT NULL,
    locale          TEXT NOT NULL,
    -- The intent the bot is waiting on a slot for (e.g. track_order without a number).
    pending_intent  TEXT,
    last_seq        INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);

CREATE TABLE messages (
    conversation_id  TEXT NOT NULL REFERENCES conversations(id),
    seq              INTEGER NOT NULL,
    author           TEXT NOT NULL,
    text             TEXT NOT NULL,
    cards            TEXT NOT NULL DEFAULT '[]',
    client_msg_id    TEXT,
    intent           TEXT,
    confidence       REAL,
    state            TEXT NOT NULL,
    created_at       INTEGER NOT NULL,
    PRIMARY KEY (conversation_id, seq),
    UNIQUE (conversation_id, client_msg_id)
);
