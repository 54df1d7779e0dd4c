//! `/api/v1/trips`: the traveler's trips. Every call goes through `app::trips::service`, whose
//! statements name the owner, so another traveler's trip is simply not found (404), and through
//! `TripDraft::validate`, the same rules as the web form.

use std::collections::HashMap;

use app::{context::AppState, error::FormErrors};
use axum::{
    Json,
    extract::{OriginalUri, Path, Query, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use chrono::NaiveDate;
use domain::{
    access::Actor,
    ids::TripId,
    reference,
    trips::{
        model::{
            self as types, NewTrip, PAGE_SIZE, Sort, Status, TripCard, TripChanges, TripDraft,
            TripList, TripQuery, Whose,
        },
        service::{self, TripError},
    },
};
use serde::{Deserialize, Serialize};
use utoipa::{
    IntoParams, ToSchema,
    openapi::{RefOr, Schema},
};

use super::{
    bearer::Bearer,
    contract::{self, Amount, AsSent},
    paging,
    problem::{ApiError, ApiJson, Problem},
    versions::{self, Precondition},
};

/// A trip to create or replace (a `PUT` replaces every field: one left out is empty, or its
/// default). Fields the schema does not name are ignored.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct TripRequest {
    #[schema(required = true, schema_with = name_schema)]
    pub name: String,
    #[schema(required = true, schema_with = destination_schema)]
    pub destination: String,
    #[schema(required = true, schema_with = start_schema)]
    pub start_date: String,
    #[schema(required = true, schema_with = end_schema)]
    pub end_date: String,
    #[schema(required = true, schema_with = zone_schema)]
    pub time_zone: String,
    #[schema(required = true, schema_with = currency_schema)]
    pub currency: String,
    #[schema(schema_with = budget_schema)]
    pub budget: Option<Amount>,
    #[schema(schema_with = notes_schema)]
    pub notes: String,
    /// On replace: when the first day moves, move every activity by the same number of days
    /// (default false: activities keep their dates, and the change is refused if any would fall
    /// outside the new ones).
    #[schema(required = false)]
    pub shift_activities: bool,
    /// The destination's position: both or neither.
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// The destination as a place picked from the site's place search: its name (needs the
    /// coordinates), address and the provider's id (`osm:relation/5400890`), or empty.
    pub place_name: String,
    pub place_address: String,
    pub place_ref: String,
}

fn name_schema() -> RefOr<Schema> {
    contract::line(types::NAME_MAX, "The trip's name.")
}
fn destination_schema() -> RefOr<Schema> {
    contract::line(types::DESTINATION_MAX, "Where the trip goes.")
}
fn start_schema() -> RefOr<Schema> {
    contract::date("The first day, in the trip's own zone.")
}
fn end_schema() -> RefOr<Schema> {
    contract::date("The last day: not before the first, at most 366 days after it.")
}
fn zone_schema() -> RefOr<Schema> {
    contract::named("TimeZone")
}
fn currency_schema() -> RefOr<Schema> {
    contract::named("Currency")
}
fn budget_schema() -> RefOr<Schema> {
    contract::amount(
        types::BUDGET_MAX_UNITS,
        "The budget in the trip's currency.",
    )
}
fn notes_schema() -> RefOr<Schema> {
    contract::text(types::NOTES_MAX, "Notes.")
}

impl TripRequest {
    /// The draft the web's validation reads, and what the schema promises beyond it.
    fn into_draft(self) -> (TripDraft, AsSent) {
        let mut sent = AsSent::default();
        sent.at_most("name", &self.name, types::NAME_MAX)
            .at_most("destination", &self.destination, types::DESTINATION_MAX)
            .at_most("notes", &self.notes, types::NOTES_MAX)
            .untrimmed("start_date", &self.start_date)
            .untrimmed("end_date", &self.end_date)
            .untrimmed("time_zone", &self.time_zone)
            .require(
                "currency",
                self.currency.is_empty() || reference::currency(&self.currency).is_some(),
                "Use a currency code from the list, in capitals (EUR).",
            )
            .amount("budget", self.budget.as_ref());
        let draft = TripDraft {
            name: self.name,
            destination: self.destination,
            start_date: self.start_date,
            end_date: self.end_date,
            time_zone: self.time_zone,
            currency: self.currency,
            budget: self.budget.map(|amount| amount.text).unwrap_or_default(),
            notes: self.notes,
            place_name: self.place_name,
            place_address: self.place_address,
            place_ref: self.place_ref,
            latitude: self.latitude.map(|n| n.to_string()).unwrap_or_default(),
            longitude: self.longitude.map(|n| n.to_string()).unwrap_or_default(),
            remove_place: String::new(),
        };
        (draft, sent)
    }

    fn validate(self) -> Result<NewTrip, ApiError> {
        let (draft, sent) = self.into_draft();
        sent.merge(draft.validate()).map_err(ApiError::Invalid)
    }

    fn validate_changes(self, precondition: Precondition) -> Result<TripChanges, ApiError> {
        let shift = self.shift_activities;
        let (draft, sent) = self.into_draft();
        let mut changes = sent
            .merge(draft.validate_changes(shift))
            .map_err(ApiError::Invalid)?;
        changes.if_version = precondition.version();
        Ok(changes)
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
    #[schema(required = true)]
    pub budget: Option<String>,
    /// The budget in minor units of the currency (cents), or null.
    #[schema(required = true)]
    pub budget_minor: Option<i64>,
    pub notes: String,
    /// Counts the changes to these details; `ETag` names it. Send it back as `If-Match` to
    /// change or delete the trip only if nobody else has changed it meanwhile.
    pub version: i64,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// The destination's picked place (empty when none).
    pub place_name: String,
    pub place_address: String,
    pub place_ref: String,
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
            version: trip.version,
            latitude: trip.latitude,
            longitude: trip.longitude,
            place_name: trip.place_name,
            place_address: trip.place_address,
            place_ref: trip.place_ref,
        }
    }
}

impl Trip {
    /// The trip as JSON with its `ETag`.
    fn respond(&self, status: StatusCode) -> Response {
        let mut response = (status, Json(self)).into_response();
        response
            .headers_mut()
            .insert(header::ETAG, versions::etag(&self.version));
        response
    }
}

/// The answer to a write refused by `If-Match`: the trip as it is now.
async fn changed(state: &AppState, actor: &Actor, id: TripId) -> ApiError {
    match service::find(&state.db, actor, id).await {
        Ok(trip) => {
            let trip = Trip::from(trip);
            ApiError::Changed {
                version: trip.version,
                current: serde_json::to_value(&trip).unwrap_or_default(),
            }
        }
        Err(error) => error.into(),
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
    #[schema(required = true)]
    pub budget: Option<String>,
    #[schema(required = true)]
    pub budget_minor: Option<i64>,
    /// The traveler's role in the trip.
    pub role: domain::access::Role,
    /// Whose trip it is, when it is another traveler's (shared with this one); else null.
    #[schema(required = true)]
    pub owner_name: Option<String>,
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
            role: card.role,
            owner_name: card.owner_name,
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
/// The longest search text.
const SEARCH_MAX: usize = 100;

/// A page number as the schema states it: an integer from 1 to `max`, digits only.
pub fn read_page(text: Option<&str>, max: u64) -> Result<u64, ApiError> {
    let Some(text) = text else { return Ok(1) };
    match text.parse::<u64>() {
        Ok(page) if (1..=max).contains(&page) && text.bytes().all(|b| b.is_ascii_digit()) => {
            Ok(page)
        }
        _ => {
            let mut errors = FormErrors::default();
            errors.add("page", format!("Use a page number from 1 to {max}."));
            Err(ApiError::Invalid(errors))
        }
    }
}

/// The web list's query (`TripQuery::from_params`), held to the schema: a value that cannot be
/// read — including an empty one, which a form would send for "any" — is an error rather than
/// quietly the default. `q` may be empty.
fn read_query(params: &HashMap<String, String>) -> Result<TripQuery, ApiError> {
    let given = |name: &str| params.get(name).map(String::as_str);
    let mut errors = FormErrors::default();
    if given("status").is_some_and(|v| v.parse::<Status>().is_err()) {
        errors.add("status", "Use upcoming, past or all.");
    }
    if given("sort").is_some_and(|v| v.parse::<Sort>().is_err()) {
        errors.add("sort", "Use start, name or updated.");
    }
    if given("whose").is_some_and(|v| v.parse::<Whose>().is_err()) {
        errors.add("whose", "Use all, mine or shared.");
    }
    if let Some(q) = given("q") {
        if q.chars().count() > SEARCH_MAX {
            errors.add("q", format!("Use at most {SEARCH_MAX} characters."));
        } else if !domain::text::is_one_line(q) {
            errors.add("q", domain::text::ONE_LINE);
        }
    }
    for field in ["from", "to"] {
        if given(field).is_some_and(|v| !contract::is_date(v)) {
            errors.add(
                field,
                "Enter a date like 2026-03-03, between the years 1900 and 2200.",
            );
        }
    }
    if let Err(ApiError::Invalid(page)) = read_page(given("page"), MAX_PAGE) {
        errors.fields.extend(page.fields);
    }
    if !errors.is_empty() {
        return Err(ApiError::Invalid(errors));
    }
    Ok(TripQuery::from_params(|name| {
        given(name).map(ToString::to_string)
    }))
}

/// The list's query parameters, for the description only (the handler reads them itself, to
/// answer each with a message).
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
struct ListParams {
    /// `upcoming` (default: ending today or later), `past` or `all`.
    status: Option<Status>,
    /// Words to find in the name or destination.
    #[param(schema_with = search_schema)]
    q: Option<String>,
    /// Trips ending on or after this day.
    #[param(schema_with = from_schema)]
    from: Option<String>,
    /// Trips starting on or before this day.
    #[param(schema_with = to_schema)]
    to: Option<String>,
    /// `start` (default), `name` or `updated`.
    sort: Option<Sort>,
    /// `all` (default): every trip the traveler is a member of; `mine`: theirs; `shared`:
    /// other travelers' trips shared with them.
    whose: Option<Whose>,
    /// From 1; 20 trips a page.
    #[param(minimum = 1, maximum = 100_000)]
    page: Option<u64>,
}

fn search_schema() -> RefOr<Schema> {
    contract::optional_line(SEARCH_MAX, "Words to find in the name or destination.")
}
fn from_schema() -> RefOr<Schema> {
    contract::date("Trips ending on or after this day.")
}
fn to_schema() -> RefOr<Schema> {
    contract::date("Trips starting on or before this day.")
}

/// The traveler's trips: the web list's filters, order and pages.
#[utoipa::path(
    operation_id = "list_trips",
    get, path = "/api/v1/trips", tag = "trips",
    security(("bearer" = [])),
    params(ListParams),
    responses(
        (status = 200, description = "One page of trips; `Link` names the first, previous, next and last pages", body = TripPage,
            headers(("Link" = String, description = "RFC 8288 links to the `first`, `prev`, `next` and `last` pages"))),
        (status = 422, description = "A filter that cannot be read", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    Bearer(grant): Bearer,
    OriginalUri(uri): OriginalUri,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let query = read_query(&params)?;
    let actor = super::actor(&grant);
    let today = service::today_for(&state.db, &actor)
        .await
        .map_err(ApiError::from)?;
    let list = service::list(&state.db, &actor, &query, today)
        .await
        .map_err(ApiError::from)?;
    let page = TripPage::from(list);
    let mut response = Json(&page).into_response();
    if let Some(links) = paging::links(&uri, page.page, page.pages) {
        response.headers_mut().insert(header::LINK, links);
    }
    Ok(response)
}

/// Create a trip.
#[utoipa::path(
    operation_id = "create_trip",
    post, path = "/api/v1/trips", tag = "trips",
    security(("bearer" = [])),
    request_body = TripRequest,
    responses(
        (status = 201, description = "Created; `Location` names it", body = Trip,
            headers(("Location" = String, description = "The new trip's address"), ("ETag" = String, description = "Its version"))),
        (status = 422, description = "Invalid fields, or already 5,000 trips; nothing was saved", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    Bearer(grant): Bearer,
    ApiJson(body): ApiJson<TripRequest>,
) -> Result<Response, ApiError> {
    let trip = body.validate()?;
    let created = service::create(&state.db, &super::actor(&grant), trip)
        .await
        .map_err(ApiError::from)?;
    let trip = Trip::from(types::Trip::from(created));
    let mut response = trip.respond(StatusCode::CREATED);
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
        (status = 200, description = "The trip", body = Trip,
            headers(("ETag" = String, description = "Its version, for `If-Match`"))),
        (status = 404, description = "No such trip of this traveler", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get(
    State(state): State<AppState>,
    Bearer(grant): Bearer,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let id: TripId = id.parse()?;
    let trip = service::find(&state.db, &super::actor(&grant), id)
        .await
        .map_err(ApiError::from)?;
    Ok(Trip::from(trip).respond(StatusCode::OK))
}

/// Replace a trip's details.
#[utoipa::path(
    operation_id = "replace_trip",
    put, path = "/api/v1/trips/{id}", tag = "trips",
    security(("bearer" = [])),
    params(
        ("id" = String, Path, description = "The trip's id"),
        ("If-Match" = Option<String>, Header, nullable = false, description = "The `ETag` the trip was read with: replace it only if nobody has changed it since"),
    ),
    request_body = TripRequest,
    responses(
        (status = 200, description = "The trip as saved", body = Trip,
            headers(("ETag" = String, description = "Its new version"))),
        (status = 404, description = "No such trip of this traveler", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed since the `If-Match` version; nothing was saved", body = TripChanged, content_type = "application/problem+json",
            headers(("ETag" = String, description = "The current version"))),
        (status = 422, description = "Invalid fields, or activities would fall outside the new dates; nothing was saved", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn replace(
    State(state): State<AppState>,
    Bearer(grant): Bearer,
    Path(id): Path<String>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<TripRequest>,
) -> Result<Response, ApiError> {
    let actor = super::actor(&grant);
    let id: TripId = id.parse()?;
    let changes = body.validate_changes(versions::if_match(&headers)?)?;
    match service::update(&state.db, &actor, id, changes).await {
        Ok(_) => {}
        Err(TripError::Stale) => return Err(changed(&state, &actor, id).await),
        Err(error) => return Err(error.into()),
    }
    let trip = service::find(&state.db, &actor, id)
        .await
        .map_err(ApiError::from)?;
    Ok(Trip::from(trip).respond(StatusCode::OK))
}

/// Delete a trip and everything planned in it.
#[utoipa::path(
    operation_id = "delete_trip",
    delete, path = "/api/v1/trips/{id}", tag = "trips",
    security(("bearer" = [])),
    params(
        ("id" = String, Path, description = "The trip's id"),
        ("If-Match" = Option<String>, Header, nullable = false, description = "The `ETag` the trip was read with: delete it only if nobody has changed it since"),
    ),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, description = "No such trip of this traveler", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed since the `If-Match` version; nothing was deleted", body = TripChanged, content_type = "application/problem+json",
            headers(("ETag" = String, description = "The current version"))),
    )
)]
pub async fn delete(
    State(state): State<AppState>,
    Bearer(grant): Bearer,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<StatusCode, ApiError> {
    let actor = super::actor(&grant);
    let id: TripId = id.parse()?;
    let precondition = versions::if_match(&headers)?;
    match service::delete(&state.db, &actor, id, precondition.version()).await {
        Ok(()) => Ok(StatusCode::NO_CONTENT),
        Err(TripError::Stale) => Err(changed(&state, &actor, id).await),
        Err(error) => Err(error.into()),
    }
}

/// A 412 answer for a trip: the problem, and the trip as it is now.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct TripChanged {
    #[serde(flatten)]
    pub problem: Problem,
    pub current: Trip,
}
