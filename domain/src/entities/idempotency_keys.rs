use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "idempotency_keys")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    /// SHA-256 of the `Idempotency-Key` header, hex.
    pub key_hash: String,
    /// SHA-256 of the method, path and body of the first request, hex.
    pub fingerprint: String,
    /// The first answer's status; `None` while it is being made.
    pub status: Option<i16>,
    /// The first answer's headers worth repeating, as a JSON list of `[name, value]`.
    pub headers: Option<String>,
    pub body: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
