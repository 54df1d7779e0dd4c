//! Single-use email-confirmation tokens (when email verification is switched on). Stored as
//! SHA-256, like reset tokens.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261129_000001_create_users::Users;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(EmailVerificationTokens::Table)
                    .col(uuid(EmailVerificationTokens::Id).primary_key())
                    .col(uuid(EmailVerificationTokens::UserId))
                    .col(string_len(EmailVerificationTokens::TokenHash, 64).unique_key())
                    .col(timestamp_with_time_zone(EmailVerificationTokens::ExpiresAt))
                    .col(timestamp_with_time_zone_null(
                        EmailVerificationTokens::UsedAt,
                    ))
                    .col(timestamp_with_time_zone(EmailVerificationTokens::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("email_verification_tokens_user_id_fkey")
                            .from(
                                EmailVerificationTokens::Table,
                                EmailVerificationTokens::UserId,
                            )
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("email_verification_tokens_user_id_idx")
                    .table(EmailVerificationTokens::Table)
                    .col(EmailVerificationTokens::UserId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(
                Table::drop()
                    .table(EmailVerificationTokens::Table)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum EmailVerificationTokens {
    Table,
    Id,
    UserId,
    TokenHash,
    ExpiresAt,
    UsedAt,
    CreatedAt,
}
