-- A merchant's configuration version: raised by every change to its FAQ, reply templates,
-- products or taught phrasings, by triggers, so that whatever writes them (the admin API,
-- the console, a catalogue import, another node) is seen. A turn reads it with the
-- conversation and rereads those tables only when it moved.
ALTER TABLE merchants ADD COLUMN config_version BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION kefu_config_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR TG_OP = 'UPDATE' THEN
        UPDATE merchants SET config_version = config_version + 1 WHERE id = NEW.merchant_id;
    END IF;
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.merchant_id <> NEW.merchant_id) THEN
        UPDATE merchants SET config_version = config_version + 1 WHERE id = OLD.merchant_id;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER faq_changed AFTER INSERT OR UPDATE OR DELETE ON faq
    FOR EACH ROW EXECUTE FUNCTION kefu_config_changed();
CREATE TRIGGER reply_templates_changed AFTER INSERT OR UPDATE OR DELETE ON reply_templates
    FOR EACH ROW EXECUTE FUNCTION kefu_config_changed();
CREATE TRIGGER products_changed AFTER INSERT OR UPDATE OR DELETE ON products
    FOR EACH ROW EXECUTE FUNCTION kefu_config_changed();
CREATE TRIGGER corrections_changed AFTER INSERT OR UPDATE OR DELETE ON corrections
    FOR EACH ROW EXECUTE FUNCTION kefu_config_changed();
