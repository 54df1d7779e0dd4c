//! Access tokens for the JSON API: HS256-signed JWTs that live 15 minutes, carrying the
//! traveler (`sub`) and the login they came from (`sid`, the refresh-token family), so that
//! logging out, changing the password or deleting the account ends them at once (see
//! `refresh::is_live`). The key comes from configuration (`API_JWT_SECRET`).
//!
//! Expiry is decided against the caller's clock (`now`), like the reset links, so tests can
//! prove the lifetime without waiting.

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub const ACCESS_LIFETIME: Duration = Duration::minutes(15);

/// The shortest signing key accepted: HS256 keys should be at least as long as the hash.
pub const MIN_SECRET_BYTES: usize = 32;

#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    sub: String,
    sid: String,
    iat: i64,
    exp: i64,
    jti: String,
}

/// Who an access token speaks for: the traveler and the login (refresh-token family).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccessGrant {
    pub user_id: Uuid,
    pub session: Uuid,
}

#[derive(Debug, thiserror::Error)]
pub enum AccessError {
    #[error("the token is malformed, or not signed with our key")]
    Invalid,
    #[error("the token has expired")]
    Expired,
    #[error("could not sign a token: {0}")]
    Sign(String),
}

struct Keys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
}

/// Signs and checks access tokens. Cheap to clone; never prints its key.
#[derive(Clone)]
pub struct AccessKeys(Arc<Keys>);

impl std::fmt::Debug for AccessKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AccessKeys(…)")
    }
}

impl AccessKeys {
    pub fn new(secret: &[u8]) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        // `verify` decides expiry against its `now`; the library would use the system clock.
        validation.validate_exp = false;
        validation.set_required_spec_claims(&["exp", "sub"]);
        Self(Arc::new(Keys {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
        }))
    }

    /// A new access token for `grant`, valid for [`ACCESS_LIFETIME`] from `now`.
    ///
    /// # Errors
    /// Signing failed (not expected with an HMAC key).
    pub fn issue(&self, grant: AccessGrant, now: DateTime<Utc>) -> Result<String, AccessError> {
        let claims = Claims {
            sub: grant.user_id.to_string(),
            sid: grant.session.to_string(),
            iat: now.timestamp(),
            exp: (now + ACCESS_LIFETIME).timestamp(),
            jti: Uuid::now_v7().to_string(),
        };
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.0.encoding)
            .map_err(|error| AccessError::Sign(error.to_string()))
    }

    /// The grant in `token`, if it is ours, well-formed and not expired at `now`. Whether the
    /// login is still live is the caller's next question (`refresh::is_live`).
    ///
    /// # Errors
    /// `Invalid` for anything not signed by us or malformed, `Expired` at or after `exp`.
    pub fn verify(&self, token: &str, now: DateTime<Utc>) -> Result<AccessGrant, AccessError> {
        let claims = jsonwebtoken::decode::<Claims>(token, &self.0.decoding, &self.0.validation)
            .map_err(|_| AccessError::Invalid)?
            .claims;
        if now.timestamp() >= claims.exp {
            return Err(AccessError::Expired);
        }
        let user_id = Uuid::parse_str(&claims.sub).map_err(|_| AccessError::Invalid)?;
        let session = Uuid::parse_str(&claims.sid).map_err(|_| AccessError::Invalid)?;
        Ok(AccessGrant { user_id, session })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grant() -> AccessGrant {
        AccessGrant {
            user_id: Uuid::now_v7(),
            session: Uuid::now_v7(),
        }
    }

    #[test]
    fn tokens_live_fifteen_minutes() -> Result<(), AccessError> {
        let keys = AccessKeys::new(&[7; 32]);
        let (grant, now) = (grant(), Utc::now());
        let token = keys.issue(grant, now)?;

        assert_eq!(keys.verify(&token, now)?, grant);
        assert_eq!(
            keys.verify(&token, now + Duration::minutes(15) - Duration::seconds(1))?,
            grant
        );
        assert!(matches!(
            keys.verify(&token, now + Duration::minutes(15)),
            Err(AccessError::Expired)
        ));
        Ok(())
    }

    #[test]
    fn tokens_of_another_key_or_altered_are_refused() -> Result<(), AccessError> {
        let (ours, theirs) = (AccessKeys::new(&[7; 32]), AccessKeys::new(&[8; 32]));
        let now = Utc::now();
        let token = theirs.issue(grant(), now)?;
        let mut altered = ours.issue(grant(), now)?;
        altered.pop();

        assert!(matches!(
            ours.verify(&token, now),
            Err(AccessError::Invalid)
        ));
        assert!(matches!(
            ours.verify(&altered, now),
            Err(AccessError::Invalid)
        ));
        assert!(matches!(
            ours.verify("not.a.jwt", now),
            Err(AccessError::Invalid)
        ));
        Ok(())
    }
}
