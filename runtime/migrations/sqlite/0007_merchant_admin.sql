-- What merchants manage through the admin API beyond plugins: the language a conversation
-- starts in when the widget does not say, and the secrets their plugins send.

ALTER TABLE merchants ADD COLUMN default_locale TEXT NOT NULL DEFAULT 'en';

-- A merchant's plugin secrets, sealed with the operator's key (XChaCha20-Poly1305, the
-- merchant id and name as associated data): never stored or returned in clear.
CREATE TABLE merchant_secrets (
    merchant_id  TEXT NOT NULL REFERENCES merchants(id),
    name         TEXT NOT NULL,      -- lower-case, the manifest's [[http.secrets]] name
    nonce        BLOB NOT NULL,      -- 24 random bytes
    ciphertext   BLOB NOT NULL,      -- value and tag
    key_id       TEXT NOT NULL,      -- fingerprint of the key that sealed it
    updated_at   INTEGER NOT NULL,
    PRIMARY KEY (merchant_id, name)
);
