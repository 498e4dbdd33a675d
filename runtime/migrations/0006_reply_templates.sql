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
