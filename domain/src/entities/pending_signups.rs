use sea_orm::entity::prelude::*;

/// A sign-up waiting for its emailed link: no account exists until the link is opened.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "pending_signups")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Normalised (trimmed, lower-case).
    pub email: String,
    pub display_name: String,
    /// argon2id, as an account's.
    pub password_hash: String,
    /// SHA-256 of the link's token, hex-encoded.
    pub token_hash: String,
    pub expires_at: DateTimeUtc,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
