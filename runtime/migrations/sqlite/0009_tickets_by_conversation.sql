-- The ticket limit counts a conversation's tickets on every contact form: without this index
-- that count scans every ticket of every shop.
CREATE INDEX tickets_by_conversation ON tickets (conversation_id);
