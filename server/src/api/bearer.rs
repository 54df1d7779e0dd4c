//! Who is calling the API: an `Authorization: Bearer <access token>` header, signed by us, not
//! expired, from a login that still stands. The session cookie is never read here, so a
//! request forged from another site (which can carry the cookie but not the header) has no
//! credentials at all.

use std::net::IpAddr;

use app::{
    auth::{
        access::{AccessGrant, bearer_token},
        refresh,
    },
    state::{AppState, ClientIp},
};
use axum::{extract::FromRequestParts, http::request::Parts};
use chrono::Utc;

use super::problem::{ApiError, BAD_TOKEN, NO_TOKEN};

/// The caller, from a valid access token.
#[derive(Debug, Clone, Copy)]
pub struct Bearer(pub AccessGrant);

impl FromRequestParts<AppState> for Bearer {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
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
