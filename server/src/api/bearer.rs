//! Who is calling the API: an `Authorization: Bearer <access token>` header, signed by us, not
//! expired, from a login that still stands. The session cookie is never read here, so a
//! request forged from another site (which can carry the cookie but not the header) has no
//! credentials at all.

use std::net::IpAddr;

use app::context::{AppState, ClientIp};
use axum::{extract::FromRequestParts, http::request::Parts};
use chrono::Utc;
use domain::accounts::{api_tokens::AccessGrant, refresh};

use super::problem::{ApiError, BAD_TOKEN, NO_TOKEN};

/// The token of an `Authorization: Bearer <token>` header, if the request has one.
pub fn bearer_token(headers: &axum::http::HeaderMap) -> Option<&str> {
    let value = headers
        .get(axum::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let (scheme, token) = value.trim().split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

/// The caller, from a valid access token.
#[derive(Debug, Clone, Copy)]
pub struct Bearer(pub AccessGrant);

impl FromRequestParts<AppState> for Bearer {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        // Checked already by a middleware of this request (`idempotency`).
        if let Some(checked) = parts.extensions.get::<Self>() {
            return Ok(*checked);
        }
        let token = bearer_token(&parts.headers).ok_or(ApiError::Unauthorized(NO_TOKEN))?;
        let grant = state
            .access_keys
            .verify(token, Utc::now())
            .map_err(|_| ApiError::Unauthorized(BAD_TOKEN))?;
        match refresh::is_live(&state.db, grant).await {
            Ok(true) => Ok(Self(grant)),
            Ok(false) => Err(ApiError::Unauthorized(BAD_TOKEN)),
            Err(error) => {
                tracing::error!(%error, "could not check an API login");
                Err(ApiError::Internal)
            }
        }
    }
}

/// The client's address as the rate-limit middleware settled it (`None` if it did not run).
#[derive(Debug, Clone, Copy)]
pub struct ClientAddress(pub Option<IpAddr>);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Self(
            parts.extensions.get::<ClientIp>().map(|ClientIp(ip)| *ip),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::bearer_token;
    use axum::http;

    #[test]
    fn the_bearer_scheme_is_read_case_insensitively() {
        let mut headers = http::HeaderMap::new();
        assert_eq!(bearer_token(&headers), None);
        for (value, expected) in [
            ("Bearer abc", Some("abc")),
            ("bearer  abc ", Some("abc")),
            ("Basic abc", None),
            ("Bearer ", None),
        ] {
            headers.insert(
                http::header::AUTHORIZATION,
                http::HeaderValue::from_static(value),
            );
            assert_eq!(bearer_token(&headers), expected, "{value}");
        }
    }
}
