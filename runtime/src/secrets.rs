//! Merchants' plugin secrets, encrypted at rest.
//!
//! A merchant sets a secret through the admin API (`PUT /v1/admin/secrets/{name}`); a plugin
//! of theirs whose manifest names it in `[[http.secrets]]` gets it as a header on requests
//! to that secret's origin, and nothing else ever sees it: the API lists names and times,
//! never values, and other merchants' plugins cannot name it (lookups are by the calling
//! plugin's merchant, which the host binds at load).
//!
//! Values are sealed with XChaCha20-Poly1305 (RustCrypto's `chacha20poly1305`): a key the
//! operator provides ([`SecretsKey`]: `kefu serve --secrets-key-file` or `KEFU_SECRETS_KEY`),
//! a fresh random 192-bit nonce per value (random nonces of this size never collide in
//! practice, so no counter needs keeping), and the merchant id and secret name as associated
//! data, so a ciphertext copied to another merchant's or another name's row fails to open.
//! Each row records which key sealed it ([`SecretsKey::id`], a fingerprint that reveals
//! nothing of the key), so a runtime started with the wrong key says so instead of sending
//! garbage, and `kefu secrets-key rotate` can re-seal everything under a new key.
//!
//! Without a key the runtime still serves: setting a secret is refused
//! ([`VaultError::NoKey`]), listing and deleting work, and plugins find no secret.
//!
//! This module sits on [`crate::store`] (rows) and [`crate::plugins`] (the lookup the host
//! calls); neither of those knows about encryption.

use std::path::Path;
use std::sync::Arc;

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::plugins::MerchantSecrets;
use crate::store::{SealedSecret, SecretInfo, Store, StoreError};

/// Bytes in a key.
pub const KEY_BYTES: usize = 32;
/// Bytes in a nonce (XChaCha20).
const NONCE_BYTES: usize = 24;
/// Longest secret value, in bytes.
pub const MAX_SECRET_BYTES: usize = 4096;
/// The environment variable holding a key (hex or base64) when no key file is given.
pub const KEY_ENV: &str = "KEFU_SECRETS_KEY";

/// Why a key could not be had.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    /// The text is not 32 bytes in hex or base64.
    #[error(
        "{0} is not a secrets key: it must be 32 bytes written as 64 hex digits or in base64 \
         (make one with `kefu secrets-key new`)"
    )]
    Malformed(String),
    /// The key file could not be read.
    #[error("reading the secrets key file {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// What failed.
        source: std::io::Error,
    },
    /// The key file can be read by other users of the machine.
    #[error(
        "the secrets key file {0} can be read by other users; make it private with `chmod 600 {0}`"
    )]
    Exposed(String),
    /// The operating system's random generator failed.
    #[error("the operating system's random generator failed: {0}")]
    Random(String),
}

/// The operator's key for merchants' secrets. Its bytes are wiped when dropped and never
/// printed: `Debug` shows the key's [`id`](Self::id) only.
#[derive(Clone)]
pub struct SecretsKey {
    cipher: XChaCha20Poly1305,
    id: String,
}

impl std::fmt::Debug for SecretsKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SecretsKey").field("id", &self.id).finish()
    }
}

impl SecretsKey {
    /// A key from its 32 bytes.
    pub fn from_bytes(bytes: &[u8; KEY_BYTES]) -> Self {
        // A fingerprint: which key sealed a row, without revealing anything of the key.
        let digest = Sha256::new()
            .chain_update(b"kefu secrets key id\0")
            .chain_update(bytes)
            .finalize();
        Self {
            cipher: XChaCha20Poly1305::new(&Key::from(*bytes)),
            id: hex::encode(&digest[..8]),
        }
    }

    /// A key written as 64 hex digits or as base64 (surrounding whitespace ignored);
    /// `source` names where it came from, for the error.
    pub fn parse(text: &str, source: &str) -> Result<Self, KeyError> {
        use base64::Engine as _;
        let text = text.trim();
        let bytes = Zeroizing::new(
            hex::decode(text)
                .ok()
                .or_else(|| base64::engine::general_purpose::STANDARD.decode(text).ok())
                .ok_or_else(|| KeyError::Malformed(source.to_string()))?,
        );
        let bytes: &[u8; KEY_BYTES] = bytes
            .as_slice()
            .try_into()
            .map_err(|_| KeyError::Malformed(source.to_string()))?;
        Ok(Self::from_bytes(bytes))
    }

    /// Reads a key file. On Unix a file other users may read is refused, like ssh refuses
    /// an exposed private key: the key opens every merchant's secrets.
    pub fn read_file(path: &Path) -> Result<Self, KeyError> {
        let shown = path.display().to_string();
        let io = |source| KeyError::Io {
            path: shown.clone(),
            source,
        };
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(path).map_err(io)?.permissions().mode();
            if mode & 0o077 != 0 {
                return Err(KeyError::Exposed(shown));
            }
        }
        let text = Zeroizing::new(std::fs::read_to_string(path).map_err(io)?);
        Self::parse(&text, &shown)
    }

    /// The key `kefu serve` runs with: the file if one is given, else [`KEY_ENV`], else
    /// none.
    pub fn configured(file: Option<&Path>) -> Result<Option<Self>, KeyError> {
        if let Some(path) = file {
            return Self::read_file(path).map(Some);
        }
        match std::env::var(KEY_ENV) {
            Ok(text) => Self::parse(&Zeroizing::new(text), KEY_ENV).map(Some),
            Err(_) => Ok(None),
        }
    }

    /// A new random key, as 64 hex digits (what `kefu secrets-key new` prints).
    pub fn generate() -> Result<Zeroizing<String>, KeyError> {
        let mut bytes = Zeroizing::new([0u8; KEY_BYTES]);
        getrandom::fill(bytes.as_mut()).map_err(|e| KeyError::Random(e.to_string()))?;
        Ok(Zeroizing::new(hex::encode(bytes.as_ref())))
    }

    /// The key's fingerprint (16 hex digits), stored beside every value it sealed.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Seals `value` for `merchant`'s secret `name`.
    pub fn seal(&self, merchant: &str, name: &str, value: &str) -> Result<SealedSecret, KeyError> {
        let mut nonce = [0u8; NONCE_BYTES];
        getrandom::fill(&mut nonce).map_err(|e| KeyError::Random(e.to_string()))?;
        let aad = associated_data(merchant, name);
        let ciphertext = self
            .cipher
            .encrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: value.as_bytes(),
                    aad: &aad,
                },
            )
            // Only possible for messages of gigabytes; values are capped far below.
            .map_err(|_| KeyError::Random("encryption failed".into()))?;
        Ok(SealedSecret {
            nonce: nonce.to_vec(),
            ciphertext,
            key_id: self.id.clone(),
        })
    }

    /// Opens what [`Self::seal`] sealed for the same merchant and name; `None` if it was
    /// sealed with another key, for another merchant or name, or altered.
    pub fn open(&self, merchant: &str, name: &str, sealed: &SealedSecret) -> Option<String> {
        let nonce: [u8; NONCE_BYTES] = sealed.nonce.as_slice().try_into().ok()?;
        let aad = associated_data(merchant, name);
        let plain = self
            .cipher
            .decrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: &sealed.ciphertext,
                    aad: &aad,
                },
            )
            .ok()?;
        String::from_utf8(plain).ok()
    }
}

/// What binds a ciphertext to its row: the merchant and the name, length-prefixed so no
/// two pairs give the same bytes.
fn associated_data(merchant: &str, name: &str) -> Vec<u8> {
    format!(
        "kefu-secret-v1:{}:{merchant}:{}:{name}",
        merchant.len(),
        name.len()
    )
    .into_bytes()
}

/// Why a secret could not be set or read.
#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    /// The runtime has no secrets key.
    #[error(
        "this runtime has no secrets key, so it cannot store secrets; the operator starts it \
         with `kefu serve --secrets-key-file <file>` or KEFU_SECRETS_KEY (make a key with \
         `kefu secrets-key new`)"
    )]
    NoKey,
    /// The name is not 1 to 64 letters, digits and `_`.
    #[error(
        "`{0}` is not a secret name: use 1 to 64 letters, digits and `_`, the `name` of the \
         manifest's [[http.secrets]] entry"
    )]
    BadName(String),
    /// The value is empty, too long, or not something a header can carry.
    #[error(
        "the value must be 1 to {MAX_SECRET_BYTES} printable ASCII characters (it is sent as an \
         HTTP header value)"
    )]
    BadValue,
    /// A stored value does not open with this runtime's key.
    #[error(
        "secret `{name}` of `{merchant}` does not open with this runtime's key ({key}): it was \
         sealed with key {sealed_with}, or the row was altered"
    )]
    WrongKey {
        /// The merchant.
        merchant: String,
        /// The secret.
        name: String,
        /// The key that sealed it.
        sealed_with: String,
        /// This runtime's key.
        key: String,
    },
    /// The random generator failed.
    #[error(transparent)]
    Key(#[from] KeyError),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A secret's name as stored: letters, digits and `_`, lower-cased (names are matched
/// without regard to case, as `KEFU_SECRET_<NAME>` was).
pub fn secret_name(name: &str) -> Result<String, VaultError> {
    let ok = (1..=64).contains(&name.len())
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if ok {
        Ok(name.to_ascii_lowercase())
    } else {
        Err(VaultError::BadName(name.to_string()))
    }
}

/// Merchants' secrets: sealed on the way in, opened only for the merchant's own plugins.
#[derive(Debug, Clone)]
pub struct Vault {
    store: Store,
    key: Option<Arc<SecretsKey>>,
}

impl Vault {
    /// Secrets kept in `store`, sealed with `key` (none: setting secrets is refused).
    pub fn new(store: Store, key: Option<SecretsKey>) -> Self {
        Self {
            store,
            key: key.map(Arc::new),
        }
    }

    /// Whether the runtime has a key.
    pub fn has_key(&self) -> bool {
        self.key.is_some()
    }

    /// Sets `merchant`'s secret `name` to `value`.
    pub async fn set(&self, merchant: &str, name: &str, value: &str) -> Result<(), VaultError> {
        let name = secret_name(name)?;
        let printable = value.bytes().all(|b| (0x20..0x7f).contains(&b));
        if value.is_empty() || value.len() > MAX_SECRET_BYTES || !printable {
            return Err(VaultError::BadValue);
        }
        let key = self.key.as_ref().ok_or(VaultError::NoKey)?;
        let sealed = key.seal(merchant, &name, value)?;
        self.store.put_secret(merchant, &name, &sealed).await?;
        Ok(())
    }

    /// Removes `merchant`'s secret `name`; whether there was one.
    pub async fn delete(&self, merchant: &str, name: &str) -> Result<bool, VaultError> {
        let name = secret_name(name)?;
        Ok(self.store.delete_secret(merchant, &name).await?)
    }

    /// The names of `merchant`'s secrets and when each was set: never values.
    pub async fn list(&self, merchant: &str) -> Result<Vec<SecretInfo>, VaultError> {
        Ok(self.store.secret_names(merchant).await?)
    }

    /// The value of `merchant`'s secret `name`, if set.
    pub async fn get(&self, merchant: &str, name: &str) -> Result<Option<String>, VaultError> {
        let Ok(name) = secret_name(name) else {
            return Ok(None);
        };
        let Some(sealed) = self.store.sealed_secret(merchant, &name).await? else {
            return Ok(None);
        };
        let key = self.key.as_ref().ok_or(VaultError::NoKey)?;
        key.open(merchant, &name, &sealed)
            .map(Some)
            .ok_or_else(|| VaultError::WrongKey {
                merchant: merchant.to_string(),
                name,
                sealed_with: sealed.key_id.clone(),
                key: key.id().to_string(),
            })
    }

    /// How many stored secrets were sealed with a key other than this runtime's (all of
    /// them when it has none): reported at start, as those will not reach plugins.
    pub async fn unreadable(&self) -> Result<u64, VaultError> {
        let key = self.key.as_ref().map_or("", |k| k.id());
        Ok(self.store.secrets_not_sealed_with(key).await?)
    }

    /// The lookup the plugin host calls from a plugin's blocking thread; call from inside
    /// the tokio runtime.
    pub fn lookup(&self) -> Arc<dyn MerchantSecrets> {
        Arc::new(Lookup {
            vault: self.clone(),
            handle: tokio::runtime::Handle::current(),
        })
    }
}

/// [`Vault::get`] for the plugin host, which calls it synchronously.
#[derive(Debug)]
struct Lookup {
    vault: Vault,
    handle: tokio::runtime::Handle,
}

impl MerchantSecrets for Lookup {
    fn secret(&self, merchant: &str, name: &str) -> Result<Option<String>, String> {
        self.handle
            .block_on(self.vault.get(merchant, name))
            .map_err(|e| e.to_string())
    }
}

/// Re-seals every stored secret from key `from` to key `to` in one transaction: all or
/// none. Returns how many were re-sealed. Fails, changing nothing, if one does not open
/// with `from`.
pub async fn rotate(store: &Store, from: &SecretsKey, to: &SecretsKey) -> Result<u64, VaultError> {
    let mut failed = None;
    let count = store
        .reseal_secrets(|merchant, name, sealed| {
            let Some(value) = from.open(merchant, name, sealed).map(Zeroizing::new) else {
                failed.get_or_insert_with(|| VaultError::WrongKey {
                    merchant: merchant.to_string(),
                    name: name.to_string(),
                    sealed_with: sealed.key_id.clone(),
                    key: from.id().to_string(),
                });
                return None;
            };
            to.seal(merchant, name, &value).ok()
        })
        .await?;
    match (failed, count) {
        (Some(e), _) => Err(e),
        (None, Some(count)) => Ok(count),
        (None, None) => Err(VaultError::Key(KeyError::Random("sealing failed".into()))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(byte: u8) -> SecretsKey {
        SecretsKey::from_bytes(&[byte; KEY_BYTES])
    }

    #[test]
    fn a_ciphertext_moved_to_another_merchant_does_not_decrypt() {
        let k = key(7);
        let sealed = k.seal("shop-a", "api_token", "Bearer a-secret").unwrap();
        assert_eq!(
            k.open("shop-a", "api_token", &sealed).as_deref(),
            Some("Bearer a-secret")
        );
        assert_eq!(
            k.open("shop-b", "api_token", &sealed),
            None,
            "other merchant"
        );
        assert_eq!(k.open("shop-a", "other_token", &sealed), None, "other name");
        assert_eq!(
            key(8).open("shop-a", "api_token", &sealed),
            None,
            "other key"
        );
        let mut altered = sealed.clone();
        altered.ciphertext[0] ^= 1;
        assert_eq!(k.open("shop-a", "api_token", &altered), None, "altered");
    }

    #[test]
    fn the_same_value_seals_differently_each_time_and_never_in_clear() {
        let k = key(7);
        let a = k.seal("shop", "token", "hunter2hunter2").unwrap();
        let b = k.seal("shop", "token", "hunter2hunter2").unwrap();
        assert_ne!(a.nonce, b.nonce);
        assert_ne!(a.ciphertext, b.ciphertext);
        assert!(!a.ciphertext.windows(7).any(|w| w == b"hunter2"));
        assert_eq!(a.key_id, k.id());
        assert!(
            !format!("{k:?}").contains("0707"),
            "Debug shows no key bytes"
        );
    }

    #[test]
    fn keys_are_read_from_hex_or_base64_and_nothing_else() {
        let hex_key = "07".repeat(32);
        assert_eq!(
            SecretsKey::parse(&hex_key, "test").unwrap().id(),
            key(7).id()
        );
        let b64 = "BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=";
        assert_eq!(SecretsKey::parse(b64, "test").unwrap().id(), key(7).id());
        for bad in ["", "07", "not a key at all", &"07".repeat(31)] {
            let e = SecretsKey::parse(bad, "the key").unwrap_err();
            assert!(e.to_string().contains("kefu secrets-key new"), "{e}");
        }
        let fresh = SecretsKey::generate().unwrap();
        assert_eq!(fresh.len(), 64);
        SecretsKey::parse(&fresh, "fresh").unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_key_file_others_can_read_is_refused() {
        use std::os::unix::fs::PermissionsExt as _;
        let path = std::env::temp_dir().join(format!("kefu-key-{}", uuid::Uuid::new_v4()));
        std::fs::write(&path, "07".repeat(32)).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let e = SecretsKey::read_file(&path).unwrap_err();
        assert!(e.to_string().contains("chmod 600"), "{e}");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert_eq!(SecretsKey::read_file(&path).unwrap().id(), key(7).id());
        std::fs::remove_file(&path).unwrap();
    }

    #[test]
    fn secret_names_are_manifest_names() {
        assert_eq!(secret_name("Shop_Token").unwrap(), "shop_token");
        for bad in ["", "has space", "a-b", "x\n", &"a".repeat(65)] {
            assert!(secret_name(bad).is_err(), "{bad:?}");
        }
    }

    #[tokio::test]
    async fn rotation_reseals_everything_or_nothing() {
        let store = Store::scratch().await.unwrap();
        store.create_merchant("shop-a", "A").await.unwrap();
        let old = key(1);
        let vault = Vault::new(store.clone(), Some(old.clone()));
        vault.set("shop-a", "token", "value-one").await.unwrap();
        vault.set("shop-a", "other", "value-two").await.unwrap();
        let new = key(2);
        // With the wrong "old" key nothing changes.
        assert!(matches!(
            rotate(&store, &key(3), &new).await,
            Err(VaultError::WrongKey { .. })
        ));
        assert_eq!(
            vault.get("shop-a", "token").await.unwrap().as_deref(),
            Some("value-one")
        );
        assert_eq!(rotate(&store, &old, &new).await.unwrap(), 2);
        let rotated = Vault::new(store.clone(), Some(new));
        assert_eq!(
            rotated.get("shop-a", "other").await.unwrap().as_deref(),
            Some("value-two")
        );
        assert_eq!(rotated.unreadable().await.unwrap(), 0);
        assert_eq!(vault.unreadable().await.unwrap(), 2);
        assert!(matches!(
            vault.get("shop-a", "token").await,
            Err(VaultError::WrongKey { .. })
        ));
    }

    /// The hostile test plugin fetches the URL it is given; both shops deploy it with a
    /// manifest naming the secret `shop_token` for the same origin. Only shop-a set one.
    #[tokio::test(flavor = "multi_thread")]
    async fn a_merchants_plugin_cannot_read_another_merchants_secret() {
        use crate::plugins::{PluginHost, PluginRequest, Secrets};
        use axum::http::{HeaderMap, header};

        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let origin = format!("http://{}", listener.local_addr().unwrap());
        let echo = axum::Router::new().route(
            "/auth",
            axum::routing::get(|headers: HeaderMap| async move {
                let auth = headers.get(header::AUTHORIZATION);
                format!("auth={}", auth.map_or("", |v| v.to_str().unwrap()))
            }),
        );
        tokio::spawn(async move { axum::serve(listener, echo).await });

        let store = Store::scratch().await.unwrap();
        for shop in ["shop-a", "shop-b"] {
            store.create_merchant(shop, shop).await.unwrap();
        }
        let vault = Vault::new(store.clone(), Some(key(9)));
        vault
            .set("shop-a", "shop_token", "Bearer a-only")
            .await
            .unwrap();
        let secrets = Secrets::PerMerchant {
            store: Some(vault.lookup()),
            environment_for: None,
        };
        let host = PluginHost::new(std::sync::Arc::new(crate::StoreData::new(store)))
            .unwrap()
            .with_secrets(secrets)
            // The shops' server is on loopback, which plugins may reach only when allowed.
            .with_private_http(
                crate::plugins::PrivateHttp::parse(&["127.0.0.1".to_string()]).unwrap(),
            );
        let manifest = format!(
            "[plugin]\nname = \"hostile\"\nversion = \"0.0.1\"\n\
             intents = [\"loop\", \"memory\", \"panic\", \"recursion\", \"huge-output\", \
             \"read-orders\", \"host-call-flood\", \"steal-money\", \"propose-refund\", \"http\", \
             \"track_order\"]\n[limits]\ndeadline_ms = 2000\n\
             [http]\nallow = [\"{origin}\"]\ntimeout_ms = 1000\n\
             [[http.secrets]]\norigin = \"{origin}\"\nheader = \"Authorization\"\nname = \"shop_token\"\n"
        );
        let wasm = std::fs::read(kefu_test_plugins::HOSTILE).unwrap();
        for shop in ["shop-a", "shop-b"] {
            host.load(shop, &manifest, &wasm).unwrap();
        }
        let host = std::sync::Arc::new(host);
        let fetch = |shop: &'static str| {
            let host = host.clone();
            let request = PluginRequest {
                intent: "http".into(),
                locale: "en".into(),
                text: format!("{origin}/auth"),
                slots: vec![],
                owner_verified: false,
            };
            tokio::task::spawn_blocking(move || {
                let plugin = host.for_intent(shop, "http").unwrap();
                host.call(&plugin, &request).unwrap().text
            })
        };
        // shop-a's plugin sends shop-a's secret (and not the header it set itself).
        assert_eq!(fetch("shop-a").await.unwrap(), "200 auth=Bearer a-only");
        // shop-b's plugin names the same secret and gets nothing: the request is not sent.
        let text = fetch("shop-b").await.unwrap();
        assert!(
            text.starts_with("refused: HostError::Unavailable") && !text.contains("a-only"),
            "{text}"
        );
    }
}
