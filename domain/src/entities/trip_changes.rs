use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "trip_changes")]
pub struct Model {
    /// UUIDv7: ordered by time.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub trip_id: Uuid,
    /// The activity the change was about, if any (it may be gone since).
    pub activity_id: Option<Uuid>,
    /// Who made it; `None` once their account is deleted.
    pub user_id: Option<Uuid>,
    /// Their name when they made it.
    pub user_name: String,
    /// `history::Kind`.
    pub kind: String,
    /// What changed, in words ("Tram 28").
    pub summary: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
