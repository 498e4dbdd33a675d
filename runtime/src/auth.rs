//! Agent credentials: argon2id password hashes and session tokens.
//!
//! Passwords are stored only as argon2id PHC strings (salted, the crate's default cost).
//! A session is a random token in an HttpOnly, SameSite=Strict cookie; the store keeps only
//! its SHA-256, so reading the database does not let anyone act as an agent. Hashing is
//! deliberately slow: callers run it on the blocking pool.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use sha2::{Digest, Sha256};

/// Shortest password accepted for a new agent.
pub const MIN_PASSWORD_CHARS: usize = 8;

/// The name of the console's session cookie over plain http (a laptop, a test).
pub const SESSION_COOKIE: &str = "kefu_agent";

/// The name of the console's session cookie when the console is served over https. The
/// `__Host-` prefix makes browsers accept it only if it is `Secure`, for `Path=/` and
/// without a `Domain`: no other host (a sibling subdomain) and no plain-http page can set
/// or overwrite it.
pub const SECURE_SESSION_COOKIE: &str = "__Host-kefu_agent";

/// A hash never produced from any password: verifying against it costs what a real check
/// costs, so an unknown email takes as long to refuse as a wrong password.
const DECOY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$3iKxWPWJ1Jb6Zc8Yk2Qn0Hh8p5Fqj1m2iFQpWm1v8xk";

/// Hashes `password` for storage.
pub fn hash_password(password: &str) -> Result<String, String> {
    // A v4 UUID is 122 bits from the OS generator: plenty for a salt, and no second RNG.
    let salt =
        SaltString::encode_b64(uuid::Uuid::new_v4().as_bytes()).map_err(|e| e.to_string())?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

/// Whether `password` matches `stored` (a PHC string from [`hash_password`]). `None`
/// checks against a decoy and is always false.
pub fn verify_password(password: &str, stored: Option<&str>) -> bool {
    let matches = |hash: &str| {
        PasswordHash::new(hash).is_ok_and(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
    };
    match stored {
        Some(hash) => matches(hash),
        None => {
            let _ = matches(DECOY_HASH);
            false
        }
    }
}

/// A new session token: 244 random bits from the OS generator, as 64 hex digits.
pub fn new_token() -> String {
    format!(
        "{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    )
}

/// What the store keeps of a token.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_and_nothing_else() {
        let hash = hash_password("correct horse").unwrap();
        assert!(hash.starts_with("$argon2id$"), "{hash}");
        assert!(verify_password("correct horse", Some(&hash)));
        assert!(!verify_password("correct horsf", Some(&hash)));
        assert!(!verify_password("correct horse", None));
        assert!(!verify_password("correct horse", Some("not a hash")));
    }

    #[test]
    fn tokens_are_unique_and_stored_only_as_hashes() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), a);
        assert_eq!(token_hash(&a), token_hash(&a));
    }
}
