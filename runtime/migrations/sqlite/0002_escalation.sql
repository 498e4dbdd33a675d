-- What the engine needs to notice loops and escalate: consecutive turns the bot could not
-- help with, how urgently a human is needed, and why one was asked for.
ALTER TABLE conversations ADD COLUMN failed_turns INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN handoff_reason TEXT;
