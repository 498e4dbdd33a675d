-- PostgreSQL: the schema of ../sqlite/0011_analytics.sql in PostgreSQL's types.
-- What the reports (docs/analytics.md) need that the conversation did not record, and a
-- cache of each conversation's computed figures so a report over a large store reads one
-- row per conversation instead of every message.

-- On a bot message: the bot's own line it said (`clarify`, `order_not_found`, …; NULL for
-- a plugin's or an FAQ's text), whether the turn did not help the shopper, and why it
-- handed off when it did (the conversation keeps only the latest reason).
ALTER TABLE messages ADD COLUMN line TEXT;
ALTER TABLE messages ADD COLUMN failed BIGINT NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN handoff_reason TEXT;
-- On a shopper message: the frustration signal heard in it.
ALTER TABLE messages ADD COLUMN upset BIGINT NOT NULL DEFAULT 0;

-- Where the conversation happens; `widget` is the only channel today.
ALTER TABLE conversations ADD COLUMN channel TEXT NOT NULL DEFAULT 'widget';
CREATE INDEX conversations_by_time ON conversations (merchant_id, created_at);

-- One conversation's figures (JSON, `analytics::ConversationFacts`), valid while the
-- conversation's `last_seq` is `last_seq` and, when a 24-hour window is still open, until
-- `valid_until` (Unix ms; NULL: until the next message).
CREATE TABLE conversation_facts (
    conversation_id  TEXT PRIMARY KEY REFERENCES conversations(id),
    merchant_id      TEXT NOT NULL,
    created_at       BIGINT NOT NULL,
    last_seq         BIGINT NOT NULL,
    valid_until      BIGINT,
    facts            TEXT NOT NULL
);
