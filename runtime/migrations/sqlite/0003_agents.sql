-- People: the merchant's agents, their sessions, and what they do with conversations
-- (claim, notes, resolve, satisfaction ratings, tickets when nobody is online, FAQ entries
-- and training labels taught from the console). Times are Unix milliseconds.

-- Business hours: NULL means agents may answer at any hour; otherwise JSON
-- {"days": ["mon", …], "open": "09:00", "close": "18:00", "utc_offset_minutes": 480}.
ALTER TABLE merchants ADD COLUMN business_hours TEXT;
-- What the shopper is told when nobody can answer live.
ALTER TABLE merchants ADD COLUMN reply_within_hours INTEGER NOT NULL DEFAULT 24;

CREATE TABLE agents (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    merchant_id    TEXT NOT NULL REFERENCES merchants(id),
    -- Lower-cased; an agent logs in with it, so it is unique across merchants.
    email          TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL,
    password_hash  TEXT NOT NULL,   -- argon2id PHC string
    created_at     INTEGER NOT NULL
);

-- Only a SHA-256 of the cookie's token is stored: a copy of the database opens no session.
CREATE TABLE agent_sessions (
    token_hash  TEXT PRIMARY KEY,
    agent_id    INTEGER NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL
);

-- Who owns a conversation, since when it waits for one, and how the shopper rated it.
ALTER TABLE conversations ADD COLUMN agent_id INTEGER REFERENCES agents(id);
ALTER TABLE conversations ADD COLUMN waiting_since INTEGER;
ALTER TABLE conversations ADD COLUMN csat_asked INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN csat_score INTEGER;
CREATE INDEX conversations_queue ON conversations (merchant_id, state);

-- The display name of the agent who wrote (or joined with) a message.
ALTER TABLE messages ADD COLUMN agent_name TEXT;

-- Internal notes: for agents only, never sent to the shopper.
CREATE TABLE notes (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id  TEXT NOT NULL REFERENCES conversations(id),
    agent_id         INTEGER NOT NULL REFERENCES agents(id),
    text             TEXT NOT NULL,
    created_at       INTEGER NOT NULL
);

-- A shopper's contact request when no agent could answer live.
CREATE TABLE tickets (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    merchant_id      TEXT NOT NULL REFERENCES merchants(id),
    conversation_id  TEXT NOT NULL REFERENCES conversations(id),
    email            TEXT NOT NULL,
    message          TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'open',
    created_at       INTEGER NOT NULL
);
CREATE INDEX tickets_by_merchant ON tickets (merchant_id, status);

-- Answers agents turned into FAQ entries; FAQ retrieval reads this table.
CREATE TABLE faq (
    merchant_id  TEXT NOT NULL REFERENCES merchants(id),
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    question     TEXT NOT NULL,
    answer       TEXT NOT NULL,
    lang         TEXT NOT NULL,
    created_at   INTEGER NOT NULL
);
CREATE INDEX faq_by_merchant ON faq (merchant_id, lang);

-- Shopper messages an agent labelled (one label per message); each is also appended to
-- the training file the trainer reads.
CREATE TABLE training_labels (
    conversation_id  TEXT NOT NULL REFERENCES conversations(id),
    seq              INTEGER NOT NULL,
    label            TEXT NOT NULL,
    agent_id         INTEGER NOT NULL REFERENCES agents(id),
    created_at       INTEGER NOT NULL,
    PRIMARY KEY (conversation_id, seq)
);
