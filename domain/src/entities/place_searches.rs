use sea_orm::entity::prelude::*;

/// A place search's results, by a digest of what was searched for (never the words).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "place_searches")]
pub struct Model {
    /// SHA-256 (hex) of the normalised search.
    #[sea_orm(primary_key, auto_increment = false)]
    pub key: String,
    /// The results' provider ids in order, as a JSON array.
    pub results: String,
    pub fetched_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
