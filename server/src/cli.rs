//! The `travel-planner` command line: `serve` (the default), `migrate up|down|status`,
//! `backup`/`restore`, and `site-files`.

use std::{path::PathBuf, process::ExitCode};

use clap::{Parser, Subcommand};
use migration::{Migrator, MigratorTrait};
use sea_orm_migration::MigrationStatus;

use crate::config::ExposeSecret;
use crate::{
    backup,
    config::{ConfigArgs, LogFormat, Settings},
    db,
    startup::{self, Application},
    telemetry,
};

#[derive(Debug, Parser)]
#[command(
    name = "travel-planner",
    version,
    about = "Travel Planner: plan trips day by day, with a budget that adds up.",
    after_help = "Every option can also be set with the environment variable named in its help."
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    config: ConfigArgs,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the web server (the default when no command is given)
    Serve {
        /// Do not apply pending database migrations at start-up [env: MIGRATE_ON_START=false]
        #[arg(long)]
        no_migrate: bool,
    },
    /// Manage the database schema
    Migrate {
        #[command(subcommand)]
        action: MigrateAction,
    },
    /// Write a consistent copy of the whole database to a file; safe while the server runs
    #[command(
        after_help = "SQLite: a compact copy made with VACUUM INTO. PostgreSQL: pg_dump --format=custom \
(the client tools must be installed; the password is passed in PGPASSWORD, never on the command line). \
An existing FILE is replaced only once the new copy is complete."
    )]
    Backup {
        /// Where to write the backup
        #[arg(long, value_name = "FILE")]
        to: PathBuf,
    },
    /// Replace the database with a backup. Stop the server first
    #[command(
        after_help = "Run with the server stopped. The file is checked first (SQLite: integrity_check and \
the migrations table; PostgreSQL: pg_restore --list), and nothing changes when it is not a backup of this \
application. A database that already has accounts is replaced only with --force; SQLite keeps the \
replaced file beside it as <name>.before-restore. PostgreSQL restores in one transaction \
(pg_restore --clean --if-exists --no-owner --no-acl --single-transaction). Backups from older versions are \
upgraded by the migrations at the next start.\n\nExit status: 0 restored, 1 refused or failed (the \
database is unchanged), 2 bad usage or configuration."
    )]
    Restore {
        /// The backup to restore
        #[arg(long, value_name = "FILE")]
        from: PathBuf,
        /// Replace a database that already has accounts
        #[arg(long)]
        force: bool,
    },
    /// List the files of the site folder the pages link, and check that each is there
    #[command(
        after_help = "Prints one path per line, relative to the site root (LEPTOS_SITE_ROOT), with the \
content-hashed names the build wrote to hash.txt beside the binary. `serve` makes the same check and \
refuses to start when a file is missing.\n\nExit status: 0 every file is there, 1 one is missing."
    )]
    SiteFiles,
}

#[derive(Debug, Subcommand)]
enum MigrateAction {
    /// Apply every pending migration
    Up,
    /// Roll back the most recent migrations
    Down {
        /// How many migrations to roll back
        #[arg(long, default_value_t = 1)]
        steps: u32,
    },
    /// List migrations and whether each is applied
    Status,
}

/// Parses the command line and the environment, then runs the chosen command.
pub async fn run() -> ExitCode {
    let cli = Cli::parse();
    let mut settings = match Settings::load(&cli.config, |name| std::env::var(name).ok()) {
        Ok(settings) => settings,
        Err(error) => {
            eprintln!("travel-planner: configuration error: {error}");
            return ExitCode::from(2);
        }
    };
    let _sentry = telemetry::init(
        settings.log_format,
        &settings.log_filter,
        settings
            .sentry_dsn
            .as_ref()
            .map(ExposeSecret::expose_secret),
    );

    match cli.command.unwrap_or(Command::Serve { no_migrate: false }) {
        Command::Serve { no_migrate } => {
            if no_migrate {
                settings.migrate_on_start = false;
            }
            serve(&settings).await
        }
        Command::Migrate { action } => migrate(&settings, action).await,
        Command::SiteFiles => site_files(&settings),
        Command::Backup { to } => report(
            backup::backup(settings.database_url.expose_secret(), &to).await,
            || format!("Backed up the database to {}.", to.display()),
        ),
        Command::Restore { from, force } => report(
            backup::restore(settings.database_url.expose_secret(), &from, force).await,
            || format!("Restored the database from {}.", from.display()),
        ),
    }
}

/// One line on stdout for success, one on stderr for failure, and the exit status.
fn report(outcome: Result<(), backup::BackupError>, done: impl FnOnce() -> String) -> ExitCode {
    match outcome {
        Ok(()) => {
            println!("{}", done());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("travel-planner: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(settings: &Settings) -> ExitCode {
    if let Err(missing) = crate::site::check(&startup::leptos_options(settings)) {
        tracing::error!(%missing, "start-up refused");
        eprintln!("travel-planner: {missing}");
        return ExitCode::FAILURE;
    }
    let application = match Application::build(settings).await {
        Ok(application) => application,
        Err(error) => {
            tracing::error!(%error, "start-up failed");
            eprintln!("travel-planner: {error}");
            return ExitCode::FAILURE;
        }
    };
    let address = application.local_addr().unwrap_or(settings.bind);
    let url = if settings.base_url_configured {
        settings.base_url.clone()
    } else {
        format!("http://{address}")
    };
    tracing::info!(%address, %url, "Travel Planner is ready");
    if settings.log_format == LogFormat::Pretty {
        // One clean line for the person at the terminal; JSON logs carry it already.
        println!("Travel Planner is running at {url}");
    }

    // A second Ctrl-C (or SIGTERM) stops at once, without the drain and the grace period.
    match application
        .run_until_hurried(shutdown_signal(), shutdown_signal())
        .await
    {
        Ok(()) => {
            tracing::info!("stopped");
            ExitCode::SUCCESS
        }
        Err(error) => {
            tracing::error!(%error, "the server stopped with an error");
            ExitCode::FAILURE
        }
    }
}

fn site_files(settings: &Settings) -> ExitCode {
    let options = startup::leptos_options(settings);
    for address in app::linked_files(&options) {
        println!("{}", address.trim_start_matches('/'));
    }
    match crate::site::check(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(missing) => {
            eprintln!("travel-planner: {missing}");
            ExitCode::FAILURE
        }
    }
}

async fn migrate(settings: &Settings, action: MigrateAction) -> ExitCode {
    let db = match db::connect(settings.database_url.expose_secret(), 1).await {
        Ok(db) => db,
        Err(error) => {
            eprintln!("travel-planner: {error}");
            return ExitCode::FAILURE;
        }
    };
    let outcome = match action {
        MigrateAction::Up => match Migrator::up(&db, None).await {
            Ok(()) => domain::search::fill_missing(&db)
                .await
                .map(|_| println!("All migrations are applied.")),
            Err(error) => Err(error),
        },
        MigrateAction::Down { steps } => Migrator::down(&db, Some(steps))
            .await
            .map(|()| println!("Rolled back {steps} migration(s).")),
        MigrateAction::Status => Migrator::get_migration_with_status(&db).await.map(|list| {
            for migration in list {
                let state = match migration.status() {
                    MigrationStatus::Applied => "applied",
                    MigrationStatus::Pending => "pending",
                };
                println!("{state:<8} {}", migration.name());
            }
        }),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("travel-planner: migration failed: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Completes on Ctrl-C or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
