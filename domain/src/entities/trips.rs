use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "trips")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub owner_id: Uuid,
    pub name: String,
    pub destination: String,
    /// Calendar dates in the trip's own zone.
    pub start_date: Date,
    pub end_date: Date,
    /// An IANA zone name, e.g. `Asia/Kolkata`.
    pub time_zone: String,
    /// In the currency's minor units; `None` when no budget was set.
    pub budget_minor: Option<i64>,
    /// ISO-4217 code.
    pub currency: String,
    pub notes: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// The destination as a place picked from a search (empty when none), and its position.
    pub place_name: String,
    pub place_address: String,
    pub place_ref: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// Bumped with every change to the trip or its activities, in the same transaction.
    pub revision: i64,
    /// Bumped with every change to the trip's own details (not its activities): what
    /// `If-Match` and the edit forms compare against.
    pub version: i64,
    /// Grows when the trip's dates, place or zone change: calendar apps replace the trip's
    /// event (and re-read its activities' times) only when it grew.
    pub calendar_sequence: i32,
    /// Name, destination and place folded for searching (`crate::search`).
    pub search_text: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
