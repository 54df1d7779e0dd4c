use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "activities")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub trip_id: Uuid,
    /// A calendar date within the trip.
    pub day: Date,
    /// Wall-clock times in the trip's zone.
    pub start_time: Option<Time>,
    pub end_time: Option<Time>,
    /// The end time is on the following day (overnight travel).
    pub ends_next_day: bool,
    pub title: String,
    pub location: String,
    pub description: String,
    /// `sight`, `food`, `transport`, `lodging` or `other`.
    pub category: String,
    /// Minor units of the trip's currency.
    pub cost_minor: i64,
    /// Order within the day: 0, 1, 2, … without gaps.
    pub position: i32,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// A place picked from a search (empty when none): its name, address and provider id.
    pub place_name: String,
    pub place_address: String,
    pub place_ref: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// Bumped with every change to this activity's own fields (its day too, when the trip's
    /// dates carry it along); not when others move around it.
    pub version: i64,
    /// Grows when the activity's time or place changes (its calendar event's `SEQUENCE`).
    pub calendar_sequence: i32,
    /// Title, location and place folded for searching (`crate::search`).
    pub search_text: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
