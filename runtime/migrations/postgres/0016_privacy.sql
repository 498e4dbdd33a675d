-- Forgetting conversations: at the shopper's request, or once the merchant's retention
-- period has passed since the conversation's last message.

-- Days a conversation is kept after its last activity; NULL keeps conversations until a
-- shopper deletes theirs.
ALTER TABLE merchants ADD COLUMN retention_days INTEGER;

-- Set when the conversation was deleted but records the merchant must keep (a refund
-- issued, an order cancelled) still point to it: the row stays, emptied, as their anchor.
ALTER TABLE conversations ADD COLUMN deleted_at BIGINT;

CREATE INDEX conversations_by_activity ON conversations (merchant_id, updated_at);
