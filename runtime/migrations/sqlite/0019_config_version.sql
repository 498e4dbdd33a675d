-- A merchant's configuration version: raised by every change to its FAQ, reply templates,
-- products or taught phrasings, by triggers, so that whatever writes them (the admin API,
-- the console, a catalogue import, another node) is seen. A turn reads it with the
-- conversation and rereads those tables only when it moved.
ALTER TABLE merchants ADD COLUMN config_version BIGINT NOT NULL DEFAULT 0;

CREATE TRIGGER faq_inserted AFTER INSERT ON faq BEGIN
    UPDATE merchants SET config_version = config_version + 1 WHERE id = NEW.merchant_id;
END;
CREATE TRIGGER faq_updated AFTER UPDATE ON faq BEGIN
    UPDATE merchants SET config_version = config_version + 1
    WHERE id IN (NEW.merchant_id, OLD.merchant_id);
END;
CREATE TRIGGER faq_deleted AFTER DELETE ON faq BEGIN
    UPDATE merchants SET config_version = config_version + 1 WHERE id = OLD.merchant_id;
END;

CREATE TRIGGER reply_templates_inserted AFTER INSERT ON reply_templates BEGIN
    UPDATE merchants SET config_version = config_version + 1 WHERE id = NEW.merchant_id;
END;
CREATE TRIGGER reply_templates_updated AFTER UPDATE ON reply_templates BEGIN
    UPDATE merchants SET config_version = config_version + 1
    WHERE id IN (NEW.merchant_id, OLD.merchant_id);
END;
CREATE TRIGGER reply_templates_deleted AFTER DELETE ON reply_templates BEGIN
    UPDATE merchants SET config_version = config_version + 1 WHERE id = OLD.merchant_id;
END;

CREATE TRIGGER products_inserted AFTER INSERT ON products BEGIN
    UPDATE merchants SET config_version = config_version + 1 WHERE id = NEW.merchant_id;
END;
CREATE TRIGGER products_updated AFTER UPDATE ON products BEGIN
    UPDATE merchants SET config_version = config_version + 1
    WHERE id IN (NEW.merchant_id, OLD.merchant_id);
END;
CREATE TRIGGER products_deleted AFTER DELETE ON products BEGIN
    UPDATE merchants SET config_version = config_version + 1 WHERE id = OLD.merchant_id;
END;

CREATE TRIGGER corrections_inserted AFTER INSERT ON corrections BEGIN
    UPDATE merchants SET config_version = config_version + 1 WHERE id = NEW.merchant_id;
END;
CREATE TRIGGER corrections_updated AFTER UPDATE ON corrections BEGIN
    UPDATE merchants SET config_version = config_version + 1
    WHERE id IN (NEW.merchant_id, OLD.merchant_id);
END;
CREATE TRIGGER corrections_deleted AFTER DELETE ON corrections BEGIN
    UPDATE merchants SET config_version = config_version + 1 WHERE id = OLD.merchant_id;
END;
