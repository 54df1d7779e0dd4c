use sea_orm::entity::prelude::*;

/// How long it takes from one point to another, on foot or by car.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "travel_times")]
pub struct Model {
    /// `foot:38.69759,-9.20637;38.71500,-9.13300`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub leg: String,
    /// `None` when the provider found no way.
    pub seconds: Option<i32>,
    pub meters: Option<i32>,
    pub fetched_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
