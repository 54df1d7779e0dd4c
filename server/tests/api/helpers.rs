use std::{net::SocketAddr, path::PathBuf};

use sea_orm::{ConnectionTrait, Database, DatabaseConnection, Statement};
use server::{
    config::{ConfigArgs, Settings},
    startup::Application,
};
use tempfile::TempDir;

/// A running application and what a test needs to talk to it.
pub struct TestApp {
    pub address: SocketAddr,
    pub client: reqwest::Client,
    pub db: DatabaseConnection,
    /// Holds the SQLite file and the fake site root; removed when the test ends.
    pub dir: TempDir,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request failed")
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
    }
}

/// A fresh database URL: a new SQLite file in `dir`, or a new database on the PostgreSQL server
/// named by `TEST_DATABASE_URL`.
pub async fn fresh_database_url(dir: &TempDir) -> String {
    match std::env::var("TEST_DATABASE_URL") {
        Ok(admin_url) if !admin_url.is_empty() => {
            let name = format!("tp_test_{}", uuid::Uuid::now_v7().simple());
            let admin = Database::connect(&admin_url)
                .await
                .expect("TEST_DATABASE_URL unreachable");
            admin
                .execute_raw(Statement::from_string(
                    admin.get_database_backend(),
                    format!("CREATE DATABASE {name}"),
                ))
                .await
                .expect("could not create a test database");
            admin.close().await.ok();
            let base = admin_url
                .rsplit_once('/')
                .map_or(admin_url.as_str(), |(base, _)| base);
            format!("{base}/{name}")
        }
        _ => format!("sqlite://{}", dir.path().join("test.db").display()),
    }
}

/// Settings for a test: port 0, a fresh database, a site root in the temp dir.
pub fn test_settings(database_url: &str, site_root: PathBuf) -> Settings {
    let mut settings = Settings::load(&ConfigArgs::default(), |name| match name {
        "BIND_ADDRESS" => Some("127.0.0.1:0".to_string()),
        "DATABASE_URL" => Some(database_url.to_string()),
        _ => None,
    })
    .expect("test settings are valid");
    settings.site_root = site_root;
    settings.hashed_assets = false;
    settings
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// Starts the application after letting the test adjust its settings.
pub async fn spawn_app_with(adjust: impl FnOnce(&mut Settings)) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let site_root = dir.path().join("site");
    std::fs::create_dir_all(site_root.join("pkg")).expect("site root");
    let database_url = fresh_database_url(&dir).await;
    let mut settings = test_settings(&database_url, site_root);
    adjust(&mut settings);

    let application = Application::build(&settings).await.expect("the app starts");
    let address = application.local_addr().expect("bound");
    let db = application.db().clone();
    let (shutdown, signal) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(application.run_until(async move {
        let _ = signal.await;
    }));

    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    TestApp {
        address,
        client,
        db,
        dir,
        shutdown: Some(shutdown),
    }
}
