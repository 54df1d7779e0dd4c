use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Trimmed and lower-cased, so the unique index is case-insensitive.
    pub email: String,
    pub display_name: String,
    /// An argon2id PHC string. Never leaves the server.
    pub password_hash: String,
    pub email_verified_at: Option<DateTimeUtc>,
    /// Home IANA time zone, when chosen.
    pub time_zone: Option<String>,
    /// `system`, `light` or `dark` (see `accounts::model::Theme`).
    pub theme: String,
    /// `en`, `de` or `fr` (see `i18n::Language`); `None` until chosen.
    pub language: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
