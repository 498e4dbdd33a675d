-- The merchant's own wording of the bot's lines (`greeting`, `out_of_scope`, …), per
-- language; a line without a row is said in kefu's default wording.
CREATE TABLE reply_templates (
    merchant_id  TEXT NOT NULL REFERENCES merchants(id),
    key          TEXT NOT NULL,
    lang         TEXT NOT NULL,
    text         TEXT NOT NULL,
    updated_at   INTEGER NOT NULL,
    PRIMARY KEY (merchant_id, key, lang)
);

-- Phrases that, in this merchant's shop, always go to a person (on top of kefu's own
-- policy topics: account security, legal threats, payment disputes). JSON array of strings.
ALTER TABLE merchants ADD COLUMN handoff_phrases TEXT NOT NULL DEFAULT '[]';
