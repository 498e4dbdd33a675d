//! Signed shopper identities: the merchant's server vouches for who the shopper is, so the
//! bot can act on their orders without asking for the order's email.
//!
//! The merchant's page passes `{email, expires, signature}` to `kefu('identify', …)`;
//! `signature` is the hex HMAC-SHA256, keyed with the merchant's identity secret, of
//! `"{merchant}|{email}|{expires}"`. Binding the merchant id stops one shop's identities
//! being replayed at another; `expires` bounds how long a leaked one is worth anything.

use hmac::{Hmac, Mac};
use kefu_protocol::SignedIdentity;
use sha2::Sha256;

/// Longest an identity may be valid for, from now: a day.
const MAX_LIFETIME_SECS: u64 = 24 * 3600;

/// Why an identity was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdentityError {
    /// The merchant has not set an identity secret.
    #[error("this shop does not accept signed identities")]
    NotConfigured,
    /// Past its `expires`, or valid for longer than a day.
    #[error("the identity has expired or is valid for too long; sign a fresh one")]
    Expired,
    /// The signature does not match.
    #[error("the identity's signature is not valid for this shop")]
    BadSignature,
}

/// The signature of `email` until `expires` for `merchant` with `secret` (hex).
pub fn sign(secret: &str, merchant: &str, email: &str, expires: u64) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("any key length");
    mac.update(format!("{merchant}|{email}|{expires}").as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// The verified email of `identity`, checked against `secret` at `now` (Unix seconds).
pub fn verify(
    secret: Option<&str>,
    merchant: &str,
    identity: &SignedIdentity,
    now: u64,
) -> Result<String, IdentityError> {
    let secret = secret.ok_or(IdentityError::NotConfigured)?;
    if identity.expires <= now || identity.expires > now + MAX_LIFETIME_SECS {
        return Err(IdentityError::Expired);
    }
    let signature = hex::decode(&identity.signature).map_err(|_| IdentityError::BadSignature)?;
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("any key length");
    mac.update(format!("{merchant}|{}|{}", identity.email, identity.expires).as_bytes());
    // Constant-time comparison.
    mac.verify_slice(&signature)
        .map_err(|_| IdentityError::BadSignature)?;
    Ok(identity.email.trim().to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: u64 = 1_795_305_600;

    fn identity(email: &str, expires: u64, signature: String) -> SignedIdentity {
        SignedIdentity {
            email: email.into(),
            expires,
            signature,
        }
    }

    #[test]
    fn a_fresh_signature_is_accepted_and_tampering_is_not() {
        let sig = sign("s3cret", "demo", "Carlos@example.com", NOW + 600);
        let good = identity("Carlos@example.com", NOW + 600, sig.clone());
        assert_eq!(
            verify(Some("s3cret"), "demo", &good, NOW).as_deref(),
            Ok("carlos@example.com")
        );
        let other_email = identity("jane@example.com", NOW + 600, sig.clone());
        assert_eq!(
            verify(Some("s3cret"), "demo", &other_email, NOW),
            Err(IdentityError::BadSignature)
        );
        assert_eq!(
            verify(Some("s3cret"), "another-shop", &good, NOW),
            Err(IdentityError::BadSignature)
        );
        assert_eq!(
            verify(Some("wrong"), "demo", &good, NOW),
            Err(IdentityError::BadSignature)
        );
        assert_eq!(
            verify(Some("s3cret"), "demo", &good, NOW + 601),
            Err(IdentityError::Expired)
        );
        assert_eq!(
            verify(None, "demo", &good, NOW),
            Err(IdentityError::NotConfigured)
        );
        let forever = identity(
            "a@b.c",
            NOW + 10 * MAX_LIFETIME_SECS,
            sign("s3cret", "demo", "a@b.c", NOW + 10 * MAX_LIFETIME_SECS),
        );
        assert_eq!(
            verify(Some("s3cret"), "demo", &forever, NOW),
            Err(IdentityError::Expired)
        );
    }
}
