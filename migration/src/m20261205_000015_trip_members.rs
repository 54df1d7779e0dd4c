//! Trips planned together. `trip_members` says who is in a trip and with which role (`owner`,
//! `editor`, `viewer`); every trip's owner is there too (filled in here for existing trips), and
//! `trips.owner_id` names the same person. `trip_invitations` are invitations by email (the
//! link's token stored as SHA-256), `share_links` the read-only links for people without an
//! account (one per trip, also stored as SHA-256), and `trip_changes` who changed what, when
//! (the last 200 per trip; the name is kept as it was, so the history reads the same after an
//! account is gone).

use sea_orm_migration::{prelude::*, schema::*};

use crate::{m20261129_000001_create_users::Users, m20261129_000006_create_trips::Trips};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn to_trip(
    table: impl IntoIden + Copy,
    column: impl IntoIden,
    name: &str,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(table, column)
        .to(Trips::Table, Trips::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

fn to_user(
    table: impl IntoIden + Copy,
    column: impl IntoIden,
    name: &str,
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(table, column)
        .to(Users::Table, Users::Id)
        .on_delete(on_delete)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(TripMembers::Table)
                    .col(uuid(TripMembers::TripId))
                    .col(uuid(TripMembers::UserId))
                    .col(string_len(TripMembers::Role, 16))
                    .col(timestamp_with_time_zone(TripMembers::JoinedAt))
                    .primary_key(
                        Index::create()
                            .col(TripMembers::TripId)
                            .col(TripMembers::UserId),
                    )
                    .foreign_key(&mut to_trip(
                        TripMembers::Table,
                        TripMembers::TripId,
                        "trip_members_trip_id_fkey",
                    ))
                    .foreign_key(&mut to_user(
                        TripMembers::Table,
                        TripMembers::UserId,
                        "trip_members_user_id_fkey",
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("trip_members_user_id_idx")
                    .table(TripMembers::Table)
                    .col(TripMembers::UserId)
                    .to_owned(),
            )
            .await?;
        // Every existing trip's owner is its first member.
        let owners = Query::insert()
            .into_table(TripMembers::Table)
            .columns([
                TripMembers::TripId,
                TripMembers::UserId,
                TripMembers::Role,
                TripMembers::JoinedAt,
            ])
            .select_from(
                Query::select()
                    .column(Trips::Id)
                    .column(Trips::OwnerId)
                    .expr(Expr::val("owner"))
                    .column(Trips::CreatedAt)
                    .from(Trips::Table)
                    .to_owned(),
            )
            .map_err(|error| DbErr::Migration(error.to_string()))?
            .to_owned();
        manager.exec_stmt(owners).await?;

        manager
            .create_table(
                Table::create()
                    .table(TripInvitations::Table)
                    .col(uuid(TripInvitations::Id).primary_key())
                    .col(uuid(TripInvitations::TripId))
                    .col(string_len(TripInvitations::Email, 254))
                    .col(string_len(TripInvitations::Role, 16))
                    .col(string_len(TripInvitations::TokenHash, 64).unique_key())
                    .col(uuid_null(TripInvitations::InvitedBy))
                    .col(timestamp_with_time_zone(TripInvitations::CreatedAt))
                    .col(timestamp_with_time_zone(TripInvitations::ExpiresAt))
                    // `accepted`, `declined` or `revoked` once answered; null while open.
                    .col(string_len_null(TripInvitations::Outcome, 16))
                    .col(timestamp_with_time_zone_null(TripInvitations::AnsweredAt))
                    .foreign_key(&mut to_trip(
                        TripInvitations::Table,
                        TripInvitations::TripId,
                        "trip_invitations_trip_id_fkey",
                    ))
                    .foreign_key(&mut to_user(
                        TripInvitations::Table,
                        TripInvitations::InvitedBy,
                        "trip_invitations_invited_by_fkey",
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("trip_invitations_trip_id_idx", TripInvitations::TripId),
            ("trip_invitations_email_idx", TripInvitations::Email),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(TripInvitations::Table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(ShareLinks::Table)
                    .col(uuid(ShareLinks::Id).primary_key())
                    .col(uuid(ShareLinks::TripId).unique_key())
                    .col(string_len(ShareLinks::TokenHash, 64).unique_key())
                    .col(boolean(ShareLinks::IncludeBudget))
                    .col(boolean(ShareLinks::IncludeNotes))
                    .col(timestamp_with_time_zone(ShareLinks::CreatedAt))
                    .foreign_key(&mut to_trip(
                        ShareLinks::Table,
                        ShareLinks::TripId,
                        "share_links_trip_id_fkey",
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(TripChanges::Table)
                    .col(uuid(TripChanges::Id).primary_key())
                    .col(uuid(TripChanges::TripId))
                    .col(uuid_null(TripChanges::ActivityId))
                    .col(uuid_null(TripChanges::UserId))
                    .col(string_len(TripChanges::UserName, 80))
                    .col(string_len(TripChanges::Kind, 32))
                    .col(string_len(TripChanges::Summary, 300))
                    .col(timestamp_with_time_zone(TripChanges::CreatedAt))
                    .foreign_key(&mut to_trip(
                        TripChanges::Table,
                        TripChanges::TripId,
                        "trip_changes_trip_id_fkey",
                    ))
                    .foreign_key(&mut to_user(
                        TripChanges::Table,
                        TripChanges::UserId,
                        "trip_changes_user_id_fkey",
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("trip_changes_trip_id_id_idx")
                    .table(TripChanges::Table)
                    .col(TripChanges::TripId)
                    .col(TripChanges::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("trip_changes_user_id_idx")
                    .table(TripChanges::Table)
                    .col(TripChanges::UserId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            TripChanges::Table.into_iden(),
            ShareLinks::Table.into_iden(),
            TripInvitations::Table.into_iden(),
            TripMembers::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
pub(crate) enum TripMembers {
    Table,
    TripId,
    UserId,
    Role,
    JoinedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum TripInvitations {
    Table,
    Id,
    TripId,
    Email,
    Role,
    TokenHash,
    InvitedBy,
    CreatedAt,
    ExpiresAt,
    Outcome,
    AnsweredAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ShareLinks {
    Table,
    Id,
    TripId,
    TokenHash,
    IncludeBudget,
    IncludeNotes,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum TripChanges {
    Table,
    Id,
    TripId,
    ActivityId,
    UserId,
    UserName,
    Kind,
    Summary,
    CreatedAt,
}
