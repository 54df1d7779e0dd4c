//! `GET /account/export`: the logged-in traveler's data as a JSON file ("Download my data").
//! A plain route rather than a server function because it answers with a file to save. It
//! reads only; the login guard already sends visitors to the login page, and this handler
//! checks the session again so it never depends on the guard alone.

use app::{context::AppState, error::AppError, session::user_in};
use axum::{
    extract::State,
    response::{IntoResponse, Response},
};
use domain::privacy::export;
use http::{HeaderValue, header};
use sea_orm::prelude::ChronoUtc;
use tower_sessions::Session;

fn refuse(error: AppError) -> Response {
    (error.status(), error.to_string()).into_response()
}

pub async fn download(State(state): State<AppState>, session: Session) -> Response {
    let user_id = match user_in(&session, state.sessions).await {
        Ok(Some(id)) => id,
        Ok(None) => return refuse(AppError::Unauthorized),
        Err(error) => return refuse(error),
    };
    let export = match export::build(&state.db, user_id.uuid(), ChronoUtc::now()).await {
        Ok(Some(export)) => export,
        Ok(None) => return refuse(AppError::Unauthorized),
        Err(error) => {
            tracing::error!(%error, "could not build a data export");
            return refuse(AppError::Internal);
        }
    };
    let body = match serde_json::to_vec_pretty(&export) {
        Ok(body) => body,
        Err(error) => {
            tracing::error!(%error, "could not encode a data export");
            return refuse(AppError::Internal);
        }
    };
    tracing::info!(%user_id, trips = export.trips.len(), outcome = "exported", "data export");
    let disposition = format!("attachment; filename=\"{}\"", export.file_name());
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}
