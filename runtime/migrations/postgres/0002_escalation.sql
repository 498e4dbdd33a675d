-- PostgreSQL: the schema of ../sqlite/0002_escalation.sql in PostgreSQL's types.
-- What the engine needs to notice loops and escalate: consecutive turns the bot could not
-- help with, how urgently a human is needed, and why one was asked for.
ALTER TABLE conversations ADD COLUMN failed_turns BIGINT NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN priority BIGINT NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN handoff_reason TEXT;
