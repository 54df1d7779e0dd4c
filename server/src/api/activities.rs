//! `/api/v1/trips/{id}/activities` and `/api/v1/activities/{id}`: the itinerary. Every call
//! goes through `domain::itinerary::service`, which reaches activities only through the actor's
//! trips (another traveler's is not found), after `ActivityDraft`'s validation.

use std::collections::HashMap;

use app::context::AppState;
use axum::{
    Json,
    extract::{OriginalUri, Path, Query, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use chrono::NaiveDate;
use domain::{
    access::Actor,
    calendar::parse_date,
    ids::{ActivityId, TripId},
    itinerary::{
        model::{self as types, ActivityDraft, Category, format_time},
        service,
    },
    reference,
    trips::{model::Trip, service::TripError},
};
use serde::{Deserialize, Serialize};
use utoipa::{
    ToSchema,
    openapi::{RefOr, Schema},
};

use super::{
    bearer::Bearer,
    contract::{self, Amount, AsSent},
    paging,
    problem::{ApiError, ApiJson, Problem},
    versions,
};

/// An activity to add or replace (a `PUT` replaces every field: one left out is empty, or its
/// default). Fields the schema does not name are ignored.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct ActivityRequest {
    #[schema(required = true, schema_with = day_schema)]
    pub day: String,
    #[schema(schema_with = start_schema)]
    pub start_time: String,
    #[schema(schema_with = end_schema)]
    pub end_time: String,
    #[schema(required = true, schema_with = title_schema)]
    pub title: String,
    #[schema(schema_with = location_schema)]
    pub location: String,
    #[schema(schema_with = description_schema)]
    pub description: String,
    /// What kind of activity; `other` when left out.
    #[schema(value_type = Option<Category>)]
    pub category: Option<String>,
    #[schema(schema_with = cost_schema)]
    pub cost: Option<Amount>,
    /// From -90 to 90; with `longitude`, or neither.
    #[schema(minimum = -90, maximum = 90)]
    pub latitude: Option<f64>,
    /// From -180 to 180; with `latitude`, or neither.
    #[schema(minimum = -180, maximum = 180)]
    pub longitude: Option<f64>,
    /// A place picked from the site's place search: its name (needs the coordinates).
    #[schema(example = "Pastéis de Belém")]
    pub place_name: String,
    /// The place's address, without its name.
    pub place_address: String,
    /// The provider's id for the place, `osm:node/123`, or empty.
    #[schema(example = "osm:node/1234567")]
    pub place_ref: String,
}

fn day_schema() -> RefOr<Schema> {
    contract::date("A day of the trip.")
}
fn start_schema() -> RefOr<Schema> {
    contract::optional_time("When it starts, wall-clock time in the trip's zone.")
}
fn end_schema() -> RefOr<Schema> {
    contract::optional_time(
        "When it ends; earlier than the start means the next day. Needs a start time.",
    )
}
fn title_schema() -> RefOr<Schema> {
    contract::line(types::TITLE_MAX, "What it is.")
}
fn location_schema() -> RefOr<Schema> {
    contract::optional_line(types::LOCATION_MAX, "Where it is.")
}
fn description_schema() -> RefOr<Schema> {
    contract::text(types::DESCRIPTION_MAX, "Details.")
}
fn cost_schema() -> RefOr<Schema> {
    contract::amount(types::COST_MAX_UNITS, "The cost in the trip's currency.")
}

impl ActivityRequest {
    fn into_draft(self) -> (ActivityDraft, AsSent) {
        let mut sent = AsSent::default();
        sent.at_most("title", &self.title, types::TITLE_MAX)
            .at_most("location", &self.location, types::LOCATION_MAX)
            .at_most("description", &self.description, types::DESCRIPTION_MAX)
            .untrimmed("day", &self.day)
            .require(
                "day",
                self.day.trim().is_empty() || contract::is_date(self.day.trim()),
                "Enter a date like 2026-03-03, between the years 1900 and 2200.",
            )
            .untrimmed("start_time", &self.start_time)
            .untrimmed("end_time", &self.end_time)
            .amount("cost", self.cost.as_ref());
        if let Some(category) = &self.category {
            sent.untrimmed("category", category);
        }
        let number = |n: Option<f64>| n.map(|n| n.to_string()).unwrap_or_default();
        let draft = ActivityDraft {
            latitude: number(self.latitude),
            longitude: number(self.longitude),
            day: self.day,
            start_time: self.start_time,
            end_time: self.end_time,
            title: self.title,
            location: self.location,
            description: self.description,
            category: self.category.unwrap_or_else(|| "other".to_string()),
            cost: self.cost.map(|amount| amount.text).unwrap_or_default(),
            place_name: self.place_name,
            place_address: self.place_address,
            place_ref: self.place_ref,
            remove_place: String::new(),
        };
        (draft, sent)
    }
}

/// An activity of a trip.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Activity {
    pub id: String,
    pub trip_id: String,
    pub day: NaiveDate,
    /// `HH:MM`, or null.
    #[schema(required = true)]
    pub start_time: Option<String>,
    /// `HH:MM`, or null.
    #[schema(required = true)]
    pub end_time: Option<String>,
    pub ends_next_day: bool,
    pub title: String,
    pub location: String,
    pub description: String,
    pub category: Category,
    /// The cost as a decimal text in the trip's currency.
    pub cost: String,
    /// The cost in minor units of the trip's currency.
    pub cost_minor: i64,
    /// Order within the day, from 0. It changes when others are added, moved or deleted.
    pub position: i32,
    #[schema(required = true)]
    pub latitude: Option<f64>,
    #[schema(required = true)]
    pub longitude: Option<f64>,
    /// Counts the changes to this activity; `ETag` names it. Send it back as `If-Match` to
    /// change, move or delete the activity only if nobody else has changed it meanwhile.
    pub version: i64,
    /// The picked place's name, address and provider id (empty when none).
    pub place_name: String,
    pub place_address: String,
    pub place_ref: String,
}

impl Activity {
    fn new(trip: &Trip, activity: types::Activity) -> Self {
        let exponent = reference::currency(&trip.currency).map_or(2, |c| c.exponent);
        Self {
            trip_id: trip.id.to_string(),
            cost: reference::amount_for_input(activity.cost_minor, exponent),
            start_time: activity.start_time.map(format_time),
            end_time: activity.end_time.map(format_time),
            category: activity.category,
            id: activity.id.to_string(),
            day: activity.day,
            ends_next_day: activity.ends_next_day,
            title: activity.title,
            location: activity.location,
            description: activity.description,
            cost_minor: activity.cost_minor,
            position: activity.position,
            latitude: activity.latitude,
            longitude: activity.longitude,
            version: activity.version,
            place_name: activity.place_name,
            place_address: activity.place_address,
            place_ref: activity.place_ref,
        }
    }

    /// The activity as JSON with its `ETag`.
    fn respond(&self, status: StatusCode) -> Response {
        let mut response = (status, Json(self)).into_response();
        response
            .headers_mut()
            .insert(header::ETAG, versions::etag(&self.version));
        response
    }
}

/// Activities a page of the list holds.
pub const PAGE_SIZE: u64 = 100;
/// The last page there can be (a trip holds at most 1,000 activities).
const MAX_PAGE: u64 = types::ACTIVITIES_PER_TRIP_MAX.div_ceil(PAGE_SIZE);

/// One page of a trip's activities.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ActivityPage {
    pub activities: Vec<Activity>,
    /// The trip's activities on all pages.
    pub total: u64,
    /// This page, from 1.
    pub page: u64,
    pub pages: u64,
    pub page_size: u64,
}

/// The trip's activities, by day and position, a page at a time.
#[utoipa::path(
    operation_id = "list_activities",
    get, path = "/api/v1/trips/{id}/activities", tag = "activities",
    security(("bearer" = [])),
    params(
        ("id" = String, Path, description = "The trip's id"),
        ("page" = Option<u64>, Query, minimum = 1, maximum = 10, description = "From 1; 100 activities a page (a trip holds at most 1,000)"),
    ),
    responses(
        (status = 200, description = "One page of the activities; `Link` names the first, previous, next and last pages", body = ActivityPage,
            headers(("Link" = String, description = "RFC 8288 links to the `first`, `prev`, `next` and `last` pages"))),
        (status = 404, description = "No such trip of this traveler", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A page number out of range", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    Bearer(grant): Bearer,
    Path(trip_id): Path<String>,
    OriginalUri(uri): OriginalUri,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let page = super::trips::read_page(params.get("page").map(String::as_str), MAX_PAGE)?;
    let trip_id: TripId = trip_id.parse()?;
    let (trip, activities, total) =
        service::activities_page(&state.db, &super::actor(&grant), trip_id, page, PAGE_SIZE)
            .await
            .map_err(ApiError::from)?;
    let pages = total.div_ceil(PAGE_SIZE);
    let mut response = Json(ActivityPage {
        activities: activities
            .into_iter()
            .map(|activity| Activity::new(&trip, activity))
            .collect(),
        total,
        page,
        pages,
        page_size: PAGE_SIZE,
    })
    .into_response();
    if let Some(links) = paging::links(&uri, page, pages) {
        response.headers_mut().insert(header::LINK, links);
    }
    Ok(response)
}

/// The activity as stored, with its trip's currency.
async fn reread(state: &AppState, actor: &Actor, id: ActivityId) -> Result<Activity, ApiError> {
    let (trip, activity) = service::find(&state.db, actor, id)
        .await
        .map_err(ApiError::from)?;
    Ok(Activity::new(&trip, activity))
}

/// What a write refused as stale answers: the activity as it is now.
async fn changed(state: &AppState, actor: &Actor, id: ActivityId) -> ApiError {
    match reread(state, actor, id).await {
        Ok(activity) => ApiError::Changed {
            version: activity.version,
            current: serde_json::to_value(&activity).unwrap_or_default(),
        },
        Err(error) => error,
    }
}

/// The outcome of a write to an existing activity, as an answer.
async fn written(
    state: &AppState,
    actor: &Actor,
    id: ActivityId,
    outcome: Result<types::Activity, TripError>,
) -> Result<Response, ApiError> {
    match outcome {
        Ok(written) => Ok(reread(state, actor, written.id)
            .await?
            .respond(StatusCode::OK)),
        Err(TripError::Stale) => Err(changed(state, actor, id).await),
        Err(error) => Err(error.into()),
    }
}

/// One activity.
#[utoipa::path(
    operation_id = "get_activity",
    get, path = "/api/v1/activities/{id}", tag = "activities",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The activity's id")),
    responses(
        (status = 200, description = "The activity", body = Activity,
            headers(("ETag" = String, description = "Its version, for `If-Match`"))),
        (status = 404, description = "No such activity of this traveler", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get(
    State(state): State<AppState>,
    Bearer(grant): Bearer,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let id: ActivityId = id.parse()?;
    Ok(reread(&state, &super::actor(&grant), id)
        .await?
        .respond(StatusCode::OK))
}

/// Add an activity to a trip (in its day's order by start time; untimed ones last).
#[utoipa::path(
    operation_id = "create_activity",
    post, path = "/api/v1/trips/{id}/activities", tag = "activities",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The trip's id")),
    request_body = ActivityRequest,
    responses(
        (status = 201, description = "Added; `Location` names it", body = Activity,
            headers(("Location" = String, description = "The new activity's address"), ("ETag" = String, description = "Its version"))),
        (status = 404, description = "No such trip of this traveler", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, a day outside the trip, or a full trip or day; nothing was saved", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    Bearer(grant): Bearer,
    Path(trip_id): Path<String>,
    ApiJson(body): ApiJson<ActivityRequest>,
) -> Result<Response, ApiError> {
    let actor = super::actor(&grant);
    let trip_id: TripId = trip_id.parse()?;
    let (draft, sent) = body.into_draft();
    let activity = match sent.merge(draft.validate()) {
        Ok(activity) => activity,
        Err(found) => {
            return Err(explained(
                found,
                service::explain(&state.db, &actor, trip_id, &draft).await,
            ));
        }
    };
    let created = service::create(&state.db, &actor, trip_id, activity)
        .await
        .map_err(ApiError::from)?;
    let activity = reread(&state, &actor, created.id).await?;
    let mut response = activity.respond(StatusCode::CREATED);
    if let Ok(location) = HeaderValue::from_str(&format!("/api/v1/activities/{}", activity.id)) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

/// Every problem of a draft: those found as sent, and those the trip adds (its days, its
/// currency). A trip that cannot be reached is a 404 whatever the draft.
fn explained(found: domain::FormErrors, explanation: TripError) -> ApiError {
    match explanation {
        TripError::Invalid(errors) => {
            let mut all = found;
            for (field, message) in errors.fields {
                all.fields.entry(field).or_insert(message);
            }
            ApiError::Invalid(all)
        }
        other => other.into(),
    }
}

/// Replace an activity.
#[utoipa::path(
    operation_id = "replace_activity",
    put, path = "/api/v1/activities/{id}", tag = "activities",
    security(("bearer" = [])),
    params(
        ("id" = String, Path, description = "The activity's id"),
        ("If-Match" = Option<String>, Header, nullable = false, description = "The `ETag` the activity was read with: replace it only if nobody has changed it since"),
    ),
    request_body = ActivityRequest,
    responses(
        (status = 200, description = "The activity as saved", body = Activity,
            headers(("ETag" = String, description = "Its new version"))),
        (status = 404, description = "No such activity of this traveler", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed since the `If-Match` version; nothing was saved", body = ActivityChanged, content_type = "application/problem+json",
            headers(("ETag" = String, description = "The current version"))),
        (status = 422, description = "Invalid fields, a day outside the trip, or a full day; nothing was saved", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn replace(
    State(state): State<AppState>,
    Bearer(grant): Bearer,
    Path(id): Path<String>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<ActivityRequest>,
) -> Result<Response, ApiError> {
    let actor = super::actor(&grant);
    let id: ActivityId = id.parse()?;
    let precondition = versions::if_match(&headers)?;
    let (draft, sent) = body.into_draft();
    let activity = match sent.merge(draft.validate()) {
        Ok(activity) => activity,
        Err(found) => {
            return Err(explained(
                found,
                service::explain_change(&state.db, &actor, id, &draft).await,
            ));
        }
    };
    let outcome = service::update(&state.db, &actor, id, activity, precondition.version()).await;
    written(&state, &actor, id, outcome).await
}

/// Where to move an activity.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct MoveRequest {
    /// The day to move it to; its own day when left out.
    #[serde(deserialize_with = "super::me::present")]
    #[schema(schema_with = move_day_schema)]
    pub day: Option<String>,
    /// Its place among that day's other activities, from 0; past the last, it goes last.
    #[serde(deserialize_with = "super::me::present")]
    #[schema(required = true, value_type = u32, minimum = 0, maximum = 99)]
    pub position: Option<u32>,
}

fn move_day_schema() -> RefOr<Schema> {
    contract::date("A day of the trip; its own day when left out.")
}

/// Move an activity to a place in a day (the day's hand-made order; its times stay as they
/// are).
#[utoipa::path(
    operation_id = "move_activity",
    post, path = "/api/v1/activities/{id}/move", tag = "activities",
    security(("bearer" = [])),
    params(
        ("id" = String, Path, description = "The activity's id"),
        ("If-Match" = Option<String>, Header, nullable = false, description = "The `ETag` the activity was read with: move it only if nobody has changed it since"),
    ),
    request_body = MoveRequest,
    responses(
        (status = 200, description = "The activity where it now is", body = Activity,
            headers(("ETag" = String, description = "Its new version"))),
        (status = 404, description = "No such activity of this traveler", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed since the `If-Match` version; nothing was moved", body = ActivityChanged, content_type = "application/problem+json",
            headers(("ETag" = String, description = "The current version"))),
        (status = 422, description = "A day outside the trip, a full day, or a position out of range; nothing was moved", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn move_activity(
    State(state): State<AppState>,
    Bearer(grant): Bearer,
    Path(id): Path<String>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<MoveRequest>,
) -> Result<Response, ApiError> {
    let actor = super::actor(&grant);
    let id: ActivityId = id.parse()?;
    let precondition = versions::if_match(&headers)?;
    let mut errors = domain::FormErrors::default();
    let day = match body.day.as_deref() {
        None => None,
        Some(text) if contract::is_date(text) => parse_date(text),
        Some(_) => {
            errors.add(
                "day",
                "Enter a date like 2026-03-03, between the years 1900 and 2200.",
            );
            None
        }
    };
    let position = match body.position {
        Some(position) if position <= 99 => position,
        Some(_) => {
            errors.add("position", "Use a position from 0 to 99.");
            0
        }
        None => {
            errors.add("position", "Give the place in the day: 0 for the first.");
            0
        }
    };
    if !errors.is_empty() {
        return Err(ApiError::Invalid(errors));
    }
    let day = match day {
        Some(day) => day,
        None => reread(&state, &actor, id).await?.day,
    };
    let outcome =
        service::move_to(&state.db, &actor, id, day, position, precondition.version()).await;
    written(&state, &actor, id, outcome).await
}

/// Delete an activity.
#[utoipa::path(
    operation_id = "delete_activity",
    delete, path = "/api/v1/activities/{id}", tag = "activities",
    security(("bearer" = [])),
    params(
        ("id" = String, Path, description = "The activity's id"),
        ("If-Match" = Option<String>, Header, nullable = false, description = "The `ETag` the activity was read with: delete it only if nobody has changed it since"),
    ),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, description = "No such activity of this traveler", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed since the `If-Match` version; nothing was deleted", body = ActivityChanged, content_type = "application/problem+json",
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
    let id: ActivityId = id.parse()?;
    let precondition = versions::if_match(&headers)?;
    match service::delete(&state.db, &actor, id, precondition.version()).await {
        Ok(_) => Ok(StatusCode::NO_CONTENT),
        Err(TripError::Stale) => Err(changed(&state, &actor, id).await),
        Err(error) => Err(error.into()),
    }
}

/// A 412 answer for an activity: the problem, and the activity as it is now.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ActivityChanged {
    #[serde(flatten)]
    pub problem: Problem,
    pub current: Activity,
}
