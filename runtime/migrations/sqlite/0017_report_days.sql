-- Daily roll-ups of the reports (docs/analytics.md, "How a report stays fast"): the
-- figures of the conversations one merchant started on one UTC day, per language and
-- channel, before any ratio or median (JSON, a list of `analytics::Part`).
--
-- A roll-up holds while the day's conversations are the same and unchanged: every change
-- to a conversation moves its `last_seq`, a new or re-dated conversation changes the sum
-- of `created_at`, and a deleted one leaves the count. These three are the roll-up's
-- fingerprint, compared on every report with the day's current ones, read from the index
-- below without touching a conversation's row. `valid_until` (Unix ms) is when the
-- earliest open 24-hour window of the day closes; NULL when none is open.
CREATE TABLE report_days (
    merchant_id    TEXT NOT NULL,
    day            INTEGER NOT NULL,
    conversations  INTEGER NOT NULL,
    seq_sum        INTEGER NOT NULL,
    created_sum    INTEGER NOT NULL,
    valid_until    INTEGER,
    parts          TEXT NOT NULL,
    PRIMARY KEY (merchant_id, day)
);

-- The fingerprints, read from the index alone; it replaces the narrower one of 0011.
DROP INDEX conversations_by_time;
CREATE INDEX conversations_by_time ON conversations (merchant_id, created_at, deleted_at, last_seq);
