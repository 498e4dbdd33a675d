-- The merchant's brand in the chat panel: a colour (`#rrggbb`; the panel's text on it is
-- computed for WCAG AA contrast) and a logo (an https URL). NULL: kefu's own look.
ALTER TABLE merchants ADD COLUMN brand_color TEXT;
ALTER TABLE merchants ADD COLUMN logo_url TEXT;
