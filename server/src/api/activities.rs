//! `/api/v1/trips/{id}/activities` and `/api/v1/activities/{id}`: the itinerary. Every call
//! goes through `domain::itinerary::service`, which reaches activities only through the actor's
//! trips (another traveler's is not found), after `ActivityDraft`'s validation.

use app::context::AppState;
use axum::{
    Json,
    extract::{Path, State},
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use chrono::NaiveDate;
use domain::{
    ids::{ActivityId, TripId},
    itinerary::{
        model::{self as types, ActivityDraft, format_time},
        service,
    },
    reference,
    trips::model::Trip,
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{
    bearer::Bearer,
    problem::{ApiError, ApiJson, Problem},
};

/// An activity to add or replace. Missing fields count as empty, and are reported if required.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct ActivityRequest {
    /// A day of the trip, `YYYY-MM-DD`.
    #[schema(example = "2027-03-04")]
    pub day: String,
    /// `HH:MM`, wall-clock time in the trip's zone, or empty.
    #[schema(example = "09:30")]
    pub start_time: String,
    /// `HH:MM`; earlier than the start means the next day. Needs a start time.
    pub end_time: String,
    #[schema(example = "Pastéis de Belém")]
    pub title: String,
    pub location: String,
    pub description: String,
    /// `sight`, `food`, `transport`, `lodging` or `other`.
    #[schema(example = "food")]
    pub category: String,
    /// A decimal amount in the trip's currency, or null for none.
    #[schema(example = "12.50")]
    pub cost: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
}

impl ActivityRequest {
    fn into_draft(self) -> ActivityDraft {
        let number = |n: Option<f64>| n.map(|n| n.to_string()).unwrap_or_default();
        ActivityDraft {
            latitude: number(self.latitude),
            longitude: number(self.longitude),
            day: self.day,
            start_time: self.start_time,
            end_time: self.end_time,
            title: self.title,
            location: self.location,
            description: self.description,
            category: self.category,
            cost: self.cost.unwrap_or_default(),
        }
    }
}

/// An activity of a trip.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Activity {
    pub id: String,
    pub trip_id: String,
    pub day: NaiveDate,
    /// `HH:MM`, or null.
    pub start_time: Option<String>,
    /// `HH:MM`, or null.
    pub end_time: Option<String>,
    pub ends_next_day: bool,
    pub title: String,
    pub location: String,
    pub description: String,
    pub category: String,
    /// The cost as a decimal text in the trip's currency.
    pub cost: String,
    /// The cost in minor units of the trip's currency.
    pub cost_minor: i64,
    /// Order within the day, from 0.
    pub position: i32,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
}

impl Activity {
    fn new(trip: &Trip, activity: types::Activity) -> Self {
        let exponent = reference::currency(&trip.currency).map_or(2, |c| c.exponent);
        Self {
            trip_id: trip.id.to_string(),
            cost: reference::amount_for_input(activity.cost_minor, exponent),
            start_time: activity.start_time.map(format_time),
            end_time: activity.end_time.map(format_time),
            category: <&str>::from(activity.category).to_string(),
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
        }
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

/// The `page` parameter of the list.
#[derive(Debug, Default, Deserialize)]
pub struct PageQuery {
    page: Option<String>,
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
        (status = 200, description = "One page of the activities", body = ActivityPage),
        (status = 404, description = "No such trip of this traveler", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A page number out of range", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    Bearer(grant): Bearer,
    Path(trip_id): Path<String>,
    axum::extract::Query(query): axum::extract::Query<PageQuery>,
) -> Result<Json<ActivityPage>, ApiError> {
    let page = match query.page.as_deref().map(str::trim) {
        None => 1,
        Some(text) => match text.parse::<u64>() {
            Ok(page) if (1..=MAX_PAGE).contains(&page) => page,
            _ => {
                let mut errors = domain::FormErrors::default();
                errors.add("page", format!("Use a page number from 1 to {MAX_PAGE}."));
                return Err(ApiError::Invalid(errors));
            }
        },
    };
    let trip_id: TripId = trip_id.parse()?;
    let (trip, activities, total) =
        service::activities_page(&state.db, &super::actor(&grant), trip_id, page, PAGE_SIZE)
            .await
            .map_err(ApiError::from)?;
    Ok(Json(ActivityPage {
        activities: activities
            .into_iter()
            .map(|activity| Activity::new(&trip, activity))
            .collect(),
        total,
        page,
        pages: total.div_ceil(PAGE_SIZE),
        page_size: PAGE_SIZE,
    }))
}

/// The activity as stored, with its trip's currency.
async fn reread(
    state: &AppState,
    actor: &domain::access::Actor,
    id: ActivityId,
) -> Result<Activity, ApiError> {
    let (trip, activity) = service::find(&state.db, actor, id)
        .await
        .map_err(ApiError::from)?;
    Ok(Activity::new(&trip, activity))
}

/// Add an activity to a trip (at the end of its day).
#[utoipa::path(
    operation_id = "create_activity",
    post, path = "/api/v1/trips/{id}/activities", tag = "activities",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The trip's id")),
    request_body = ActivityRequest,
    responses(
        (status = 201, description = "Added; `Location` names it", body = Activity),
        (status = 404, description = "No such trip of this traveler", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields; nothing was saved", body = Problem, content_type = "application/problem+json"),
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
    let draft = body.into_draft();
    let Ok(activity) = draft.validate() else {
        return Err(service::explain(&state.db, &actor, trip_id, &draft)
            .await
            .into());
    };
    let created = service::create(&state.db, &actor, trip_id, activity)
        .await
        .map_err(ApiError::from)?;
    let activity = reread(&state, &actor, created.id).await?;
    let mut response = (StatusCode::CREATED, Json(&activity)).into_response();
    if let Ok(location) = HeaderValue::from_str(&format!("/api/v1/activities/{}", activity.id)) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

/// Replace an activity.
#[utoipa::path(
    operation_id = "replace_activity",
    put, path = "/api/v1/activities/{id}", tag = "activities",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The activity's id")),
    request_body = ActivityRequest,
    responses(
        (status = 200, description = "The activity as saved", body = Activity),
        (status = 404, description = "No such activity of this traveler", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields; nothing was saved", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn replace(
    State(state): State<AppState>,
    Bearer(grant): Bearer,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ActivityRequest>,
) -> Result<Json<Activity>, ApiError> {
    let actor = super::actor(&grant);
    let id: ActivityId = id.parse()?;
    let draft = body.into_draft();
    let Ok(activity) = draft.validate() else {
        return Err(service::explain_change(&state.db, &actor, id, &draft)
            .await
            .into());
    };
    let updated = service::update(&state.db, &actor, id, activity)
        .await
        .map_err(ApiError::from)?;
    Ok(Json(reread(&state, &actor, updated.id).await?))
}

/// Delete an activity.
#[utoipa::path(
    operation_id = "delete_activity",
    delete, path = "/api/v1/activities/{id}", tag = "activities",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The activity's id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, description = "No such activity of this traveler", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn delete(
    State(state): State<AppState>,
    Bearer(grant): Bearer,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let id: ActivityId = id.parse()?;
    service::delete(&state.db, &super::actor(&grant), id)
        .await
        .map_err(ApiError::from)?;
    Ok(StatusCode::NO_CONTENT)
}
