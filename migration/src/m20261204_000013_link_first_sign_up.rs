//! Sign-up and email changes prove the address first. A sign-up waits in `pending_signups`
//! until its emailed link is opened (only then is there an account), and an email change waits
//! as a confirmation token naming the new address (`email_verification_tokens.email`; null for
//! the confirmation of the current address). So no answer of the site tells anyone whether an
//! address has an account: its owner is told by mail instead.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(PendingSignups::Table)
                    .col(uuid(PendingSignups::Id).primary_key())
                    .col(string_len(PendingSignups::Email, 254))
                    .col(string_len(PendingSignups::DisplayName, 80))
                    .col(text(PendingSignups::PasswordHash))
                    .col(string_len(PendingSignups::TokenHash, 64).unique_key())
                    .col(timestamp_with_time_zone(PendingSignups::ExpiresAt))
                    .col(timestamp_with_time_zone(PendingSignups::CreatedAt))
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("pending_signups_email_idx", PendingSignups::Email),
            ("pending_signups_expires_at_idx", PendingSignups::ExpiresAt),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(PendingSignups::Table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(EmailVerificationTokens::Table)
                    .add_column(string_len_null(EmailVerificationTokens::Email, 254))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(EmailVerificationTokens::Table)
                    .drop_column(EmailVerificationTokens::Email)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(PendingSignups::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum PendingSignups {
    Table,
    Id,
    Email,
    DisplayName,
    PasswordHash,
    TokenHash,
    ExpiresAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum EmailVerificationTokens {
    Table,
    Email,
}
