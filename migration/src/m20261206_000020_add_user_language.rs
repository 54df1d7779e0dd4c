//! The language a traveler chose for the pages and their mails (`en`, `de`, `fr`); `NULL` until
//! they choose, when their browser's languages decide.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261129_000001_create_users::Users;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(string_len_null(UserLanguage::Language, 8))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .drop_column(UserLanguage::Language)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum UserLanguage {
    Language,
}
