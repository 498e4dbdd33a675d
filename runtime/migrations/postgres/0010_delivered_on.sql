-- The day the carrier marked an order delivered (ISO 8601), for plugins that decide on it
-- (`orders.delivered-on`, kefu:plugin@0.2.1).
ALTER TABLE orders ADD COLUMN delivered_on TEXT;
