-- What the chat panel may do on the shopper's device: answer from the shop's public FAQ
-- and suggest actions while the shopper types (1 on, 0 off; both on by default).
ALTER TABLE merchants ADD COLUMN on_device_answers INTEGER NOT NULL DEFAULT 1;
ALTER TABLE merchants ADD COLUMN typing_suggestions INTEGER NOT NULL DEFAULT 1;
-- Whether an FAQ entry is shipped to shoppers' browsers (1) or only answered by the
-- runtime (0). Entries written before this flag were the shop's published FAQ.
ALTER TABLE faq ADD COLUMN public INTEGER NOT NULL DEFAULT 1;
