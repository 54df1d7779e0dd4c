use sea_orm::entity::prelude::*;

/// One day's weather in one grid cell.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "weather_days")]
pub struct Model {
    /// The cell: latitude and longitude rounded to a tenth of a degree, `38.7,-9.1`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub cell: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub day: Date,
    /// `forecast`, `observed` or `typical`.
    pub kind: String,
    /// WMO weather code (none for typical days).
    pub code: Option<i32>,
    /// °C.
    pub temp_min: Option<f64>,
    pub temp_max: Option<f64>,
    /// mm over the day.
    pub precipitation: Option<f64>,
    /// Percent: the forecast's chance of precipitation, or for typical days the share of
    /// past years' days with at least 1 mm.
    pub precipitation_chance: Option<i32>,
    pub fetched_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
