-- The correction layer: phrasings a merchant's agents taught the bot, each meaning either one
-- of the intent model's labels (a relabelled shopper message) or one of the merchant's FAQ
-- entries (a question saved with its answer). The runtime keeps every merchant's in memory,
-- reads the rows added since it last looked before each turn, and answers a message close
-- to one of them as taught. The text is the shopper's, with emails and phone numbers masked.
CREATE TABLE corrections (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    merchant_id  TEXT NOT NULL REFERENCES merchants(id),
    text         TEXT NOT NULL,
    intent       TEXT,
    faq_id       INTEGER REFERENCES faq(id) ON DELETE CASCADE,
    created_at   INTEGER NOT NULL,
    CHECK ((intent IS NULL) <> (faq_id IS NULL))
);
CREATE INDEX corrections_by_merchant ON corrections (merchant_id, id);
