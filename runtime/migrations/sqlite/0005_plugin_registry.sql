-- Plugins merchants deploy: immutable versions, one active version per plugin name, and the
-- API keys the admin API authenticates merchants with (only their SHA-256 is stored).

CREATE TABLE plugin_versions (
    merchant_id  TEXT NOT NULL REFERENCES merchants(id),
    name         TEXT NOT NULL,
    version      TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    manifest     TEXT NOT NULL,
    component    BLOB NOT NULL,
    deployed_at  INTEGER NOT NULL,
    PRIMARY KEY (merchant_id, name, version)
);

CREATE TABLE plugin_active (
    merchant_id   TEXT NOT NULL,
    name          TEXT NOT NULL,
    version       TEXT NOT NULL,
    activated_at  INTEGER NOT NULL,
    PRIMARY KEY (merchant_id, name),
    FOREIGN KEY (merchant_id, name, version)
        REFERENCES plugin_versions (merchant_id, name, version)
);

CREATE TABLE api_keys (
    key_hash     TEXT PRIMARY KEY,
    merchant_id  TEXT NOT NULL REFERENCES merchants(id),
    label        TEXT NOT NULL,
    created_at   INTEGER NOT NULL
);
