use sea_orm::entity::prelude::*;

/// A place a search returned, by the provider's id for it.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "places")]
pub struct Model {
    /// `osm:node/123`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub place_ref: String,
    pub name: String,
    pub address: String,
    /// The provider's class of the place (`museum`, `restaurant`, …).
    pub kind: String,
    pub latitude: f64,
    pub longitude: f64,
    pub fetched_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
