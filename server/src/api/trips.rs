//! `/api/v1/trips`: the traveler's trips. Every call goes through `app::trips::service`, whose
//! statements name the owner, so another traveler's trip is simply not found (404), and through
//! `TripDraft::validate`, the same rules as the web form.

use std::collections::HashMap;

use app::{context::AppState, error::FormErrors};
use axum::{
    Json,
    extract::{Path, Query, State},
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use chrono::NaiveDate;
use domain::{
    ids::TripId,
    reference,
    trips::{
        model::{self as types, PAGE_SIZE, Sort, Status, TripCard, TripDraft, TripList, TripQuery},
        service,
    },
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{
    bearer::Bearer,
    problem::{ApiError, ApiJson, Problem},
};

/// A trip to create or replace. Missing fields count as empty, and are reported if required.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct TripRequest {
    /// 1–120 characters.
    #[schema(example = "Spring in Lisbon")]
    pub name: String,
    /// 1–120 characters.
    #[schema(example = "Lisbon")]
    pub destination: String,
    /// First day, `YYYY-MM-DD`, a calendar date in the trip's zone.
    #[schema(example = "2027-03-03")]
    pub start_date: String,
    /// Last day, `YYYY-MM-DD`; at most 366 days after the first.
    #[schema(example = "2027-03-09")]
    pub end_date: String,
    /// An IANA time zone.
    #[schema(example = "Europe/Lisbon")]
    pub time_zone: String,
    /// An ISO 4217 code.
    #[schema(example = "EUR")]
    pub currency: String,
    /// A decimal amount in the currency (`"1500"`, `"1500.50"`), or null for none.
    #[schema(example = "1500.50")]
    pub budget: Option<String>,
    /// Up to 5,000 characters.
    pub notes: String,
    /// On replace: when the first day moves, move every activity by the same number of days.
    pub shift_activities: bool,
}

impl TripRequest {
    fn into_draft(self) -> TripDraft {
        TripDraft {
            name: self.name,
            destination: self.destination,
            start_date: self.start_date,
            end_date: self.end_date,
            time_zone: self.time_zone,
            currency: self.currency,
            budget: self.budget.unwrap_or_default(),
            notes: self.notes,
        }
    }
}

/// An amount as exact minor units and as a decimal text in the currency.
fn budget(minor: Option<i64>, currency: &str) -> Option<String> {
    let exponent = reference::currency(currency).map_or(2, |c| c.exponent);
    minor.map(|minor| reference::amount_for_input(minor, exponent))
}

/// A trip.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Trip {
    pub id: String,
    pub name: String,
    pub destination: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub time_zone: String,
    pub currency: String,
    /// The budget as a decimal text (`"1500.50"`), or null.
    pub budget: Option<String>,
    /// The budget in minor units of the currency (cents), or null.
    pub budget_minor: Option<i64>,
    pub notes: String,
}

impl From<types::Trip> for Trip {
    fn from(trip: types::Trip) -> Self {
        Self {
            budget: budget(trip.budget_minor, &trip.currency),
            id: trip.id.to_string(),
            name: trip.name,
            destination: trip.destination,
            start_date: trip.start_date,
            end_date: trip.end_date,
            time_zone: trip.time_zone,
            currency: trip.currency,
            budget_minor: trip.budget_minor,
            notes: trip.notes,
        }
    }
}

/// A trip in a list (no notes).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct TripSummary {
    pub id: String,
    pub name: String,
    pub destination: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub currency: String,
    pub budget: Option<String>,
    pub budget_minor: Option<i64>,
}

impl From<TripCard> for TripSummary {
    fn from(card: TripCard) -> Self {
        Self {
            budget: budget(card.budget_minor, &card.currency),
            id: card.id.to_string(),
            name: card.name,
            destination: card.destination,
            start_date: card.start_date,
            end_date: card.end_date,
            currency: card.currency,
            budget_minor: card.budget_minor,
        }
    }
}

/// One page of trips.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct TripPage {
    pub trips: Vec<TripSummary>,
    /// Trips matching the filters, on all pages.
    pub total: u64,
    /// This page, from 1.
    pub page: u64,
    pub pages: u64,
    pub page_size: u64,
    /// Today in the traveler's home zone: what `upcoming` and `past` are measured from.
    pub today: NaiveDate,
}

impl From<TripList> for TripPage {
    fn from(list: TripList) -> Self {
        Self {
            trips: list.trips.into_iter().map(TripSummary::from).collect(),
            total: list.total,
            page: list.page,
            pages: list.pages,
            page_size: PAGE_SIZE,
            today: list.today,
        }
    }
}

/// The highest page number the list accepts (far beyond any real list; past the last page the
/// list is simply empty).
const MAX_PAGE: u64 = 100_000;

/// The web list's query (`TripQuery::from_params`), except that a value that cannot be read —
/// including an empty one, which a form would send for "any" — is an error rather than
/// quietly the default. `q` may be empty.
fn read_query(params: &HashMap<String, String>) -> Result<TripQuery, ApiError> {
    let given = |name: &str| {
        params
            .get(name)
            .map(|value| value.trim())
            .filter(|value| name != "q" || !value.is_empty())
    };
    let mut errors = FormErrors::default();
    if given("status").is_some_and(|v| v.parse::<Status>().is_err()) {
        errors.add("status", "Use upcoming, past or all.");
    }
    if given("sort").is_some_and(|v| v.parse::<Sort>().is_err()) {
        errors.add("sort", "Use start, name or updated.");
    }
    for field in ["from", "to"] {
        if given(field).is_some_and(|v| types::parse_date(v).is_none()) {
            errors.add(field, "Enter a date like 2026-03-03.");
        }
    }
    if given("page").is_some_and(|v| {
        !v.parse::<u64>()
            .is_ok_and(|page| (1..=MAX_PAGE).contains(&page))
    }) {
        errors.add("page", "Use a page number from 1 to 100000.");
    }
    if !errors.is_empty() {
        return Err(ApiError::Invalid(errors));
    }
    Ok(TripQuery::from_params(|name| {
        given(name).map(ToString::to_string)
    }))
}

/// The traveler's trips: the web list's filters, order and pages.
#[utoipa::path(
    operation_id = "list_trips",
    get, path = "/api/v1/trips", tag = "trips",
    security(("bearer" = [])),
    params(
        ("status" = Option<Status>, Query, description = "`upcoming` (default: ending today or later), `past` or `all`"),
        ("q" = Option<String>, Query, description = "Words to find in the name or destination"),
        ("from" = Option<NaiveDate>, Query, description = "Trips ending on or after this day (`YYYY-MM-DD`)"),
        ("to" = Option<NaiveDate>, Query, description = "Trips starting on or before this day (`YYYY-MM-DD`)"),
        ("sort" = Option<Sort>, Query, description = "`start` (default), `name` or `updated`"),
        ("page" = Option<u64>, Query, minimum = 1, maximum = 100_000, description = "From 1; 20 trips a page"),
    ),
    responses(
        (status = 200, description = "One page of trips", body = TripPage),
        (status = 422, description = "A filter that cannot be read", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    Bearer(grant): Bearer,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Json<TripPage>, ApiError> {
    let query = read_query(&params)?;
    let actor = super::actor(&grant);
    let today = service::today_for(&state.db, &actor)
        .await
        .map_err(ApiError::from)?;
    let list = service::list(&state.db, &actor, &query, today)
        .await
        .map_err(ApiError::from)?;
    Ok(Json(TripPage::from(list)))
}

/// Create a trip.
#[utoipa::path(
    operation_id = "create_trip",
    post, path = "/api/v1/trips", tag = "trips",
    security(("bearer" = [])),
    request_body = TripRequest,
    responses(
        (status = 201, description = "Created; `Location` names it", body = Trip),
        (status = 422, description = "Invalid fields; nothing was saved", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    Bearer(grant): Bearer,
    ApiJson(body): ApiJson<TripRequest>,
) -> Result<Response, ApiError> {
    let trip = body.into_draft().validate().map_err(ApiError::Invalid)?;
    let created = service::create(&state.db, &super::actor(&grant), trip)
        .await
        .map_err(ApiError::from)?;
    let trip = Trip::from(types::Trip::from(created));
    let mut response = (StatusCode::CREATED, Json(&trip)).into_response();
    if let Ok(location) = HeaderValue::from_str(&format!("/api/v1/trips/{}", trip.id)) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

/// One trip.
#[utoipa::path(
    operation_id = "get_trip",
    get, path = "/api/v1/trips/{id}", tag = "trips",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The trip's id")),
    responses(
        (status = 200, description = "The trip", body = Trip),
        (status = 404, description = "No such trip of this traveler", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get(
    State(state): State<AppState>,
    Bearer(grant): Bearer,
    Path(id): Path<String>,
) -> Result<Json<Trip>, ApiError> {
    let id: TripId = id.parse()?;
    let trip = service::find(&state.db, &super::actor(&grant), id)
        .await
        .map_err(ApiError::from)?;
    Ok(Json(Trip::from(trip)))
}

/// Replace a trip's details.
#[utoipa::path(
    operation_id = "replace_trip",
    put, path = "/api/v1/trips/{id}", tag = "trips",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The trip's id")),
    request_body = TripRequest,
    responses(
        (status = 200, description = "The trip as saved", body = Trip),
        (status = 404, description = "No such trip of this traveler", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, or activities would fall outside the new dates; nothing was saved", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn replace(
    State(state): State<AppState>,
    Bearer(grant): Bearer,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<TripRequest>,
) -> Result<Json<Trip>, ApiError> {
    let actor = super::actor(&grant);
    let id: TripId = id.parse()?;
    let shift = body.shift_activities;
    let changes = body
        .into_draft()
        .validate_changes(shift)
        .map_err(ApiError::Invalid)?;
    let id = service::update(&state.db, &actor, id, changes)
        .await
        .map_err(ApiError::from)?;
    let trip = service::find(&state.db, &actor, id)
        .await
        .map_err(ApiError::from)?;
    Ok(Json(Trip::from(trip)))
}

/// Delete a trip and everything planned in it.
#[utoipa::path(
    operation_id = "delete_trip",
    delete, path = "/api/v1/trips/{id}", tag = "trips",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The trip's id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, description = "No such trip of this traveler", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn delete(
    State(state): State<AppState>,
    Bearer(grant): Bearer,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let id: TripId = id.parse()?;
    service::delete(&state.db, &super::actor(&grant), id)
        .await
        .map_err(ApiError::from)?;
    Ok(StatusCode::NO_CONTENT)
}
