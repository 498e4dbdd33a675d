-- When the conversation's verified email stops counting as proof: the `expires` (Unix
-- seconds) of the signed identity that vouched for it; NULL when the shopper proved it in
-- the conversation (the order's email), which does not expire.
ALTER TABLE conversations ADD COLUMN verified_until INTEGER;

-- Failed proofs of ownership (an email that is not the order's) in this conversation:
-- past a few, a person takes over instead of the bot checking more guesses.
ALTER TABLE conversations ADD COLUMN proof_failures INTEGER NOT NULL DEFAULT 0;
