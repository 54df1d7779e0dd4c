use std::{
    io::Write,
    net::SocketAddr,
    path::PathBuf,
    sync::{Arc, LazyLock, Mutex},
};

use sea_orm::{ConnectionTrait, Database, DatabaseConnection, Statement};
use server::{
    config::{ConfigArgs, Settings},
    startup::Application,
};
use tempfile::TempDir;

/// The password every test traveler signs up with (long enough, not a common one).
pub const PASSWORD: &str = "violet kettle harbour";

/// An address no other test uses.
pub fn unique_email() -> String {
    format!("traveler-{}@example.com", uuid::Uuid::now_v7().simple())
}

/// A running application and what a test needs to talk to it.
pub struct TestApp {
    pub address: SocketAddr,
    /// The private metrics listener, when the test configured one.
    pub metrics_address: Option<SocketAddr>,
    pub client: reqwest::Client,
    pub db: DatabaseConnection,
    pub database_url: String,
    /// Statements the app has run (tests read it before and after a request).
    pub queries: Arc<std::sync::atomic::AtomicU64>,
    /// Holds the SQLite file and the fake site root; removed when the test ends.
    pub dir: TempDir,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    /// Posts a form to a server function as a script would (JSON errors, no redirect to the
    /// referrer), with an optional session cookie.
    pub async fn post_form(
        &self,
        path: &str,
        form: &[(&str, &str)],
        cookie: Option<&str>,
    ) -> reqwest::Response {
        let mut request = self
            .client
            .post(self.url(path))
            .header("accept", "application/json")
            .form(form);
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        request.send().await.expect("request failed")
    }

    pub async fn get_with_cookie(&self, path: &str, cookie: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .header("cookie", cookie)
            .send()
            .await
            .expect("request failed")
    }

    /// Posts the sign-up form for `email` with `password` typed twice.
    pub async fn post_sign_up(&self, email: &str, password: &str) -> reqwest::Response {
        self.post_form(
            "/api/auth/sign_up",
            &[
                ("email", email),
                ("display_name", "Test Traveler"),
                ("password", password),
                ("password_confirmation", password),
            ],
            None,
        )
        .await
    }

    /// Signs up a new traveler — the form, then the link mailed to the address — and returns
    /// the session cookie (`name=value`).
    pub async fn sign_up(&self, email: &str, password: &str) -> String {
        let response = self.post_sign_up(email, password).await;
        assert!(
            response.status().is_success() || response.status().is_redirection(),
            "sign-up failed: {}",
            response.status()
        );
        let token = self.link_sent_to(email, "/signup/").await;
        let cookie = self.complete_sign_up(&token).await;
        // Where finishing leads, as a browser would go: the welcome message is shown there.
        self.get_with_cookie("/trips", &cookie).await;
        cookie
    }

    /// Opens a sign-up link (posts its token) and returns the new session's cookie.
    pub async fn complete_sign_up(&self, token: &str) -> String {
        let response = self
            .post_form("/api/auth/complete_sign_up", &[("token", token)], None)
            .await;
        assert!(
            response.status().is_success() || response.status().is_redirection(),
            "finishing the sign-up failed: {}",
            response.status()
        );
        session_cookie(&response).expect("finishing a sign-up logs in")
    }

    /// The messages in the development outbox addressed to `to`, newest first.
    pub fn mail_to(&self, to: &str) -> Vec<String> {
        mail_in(&self.dir.path().join("outbox"), to)
    }

    /// Waits for a message to `to` with a link to `path` (such as `/signup/`) and returns the
    /// token that ends the newest such link. Mail goes out in the background, after the answer.
    pub async fn link_sent_to(&self, to: &str, path: &str) -> String {
        link_in(&self.dir.path().join("outbox"), to, path).await
    }

    pub async fn log_in(
        &self,
        email: &str,
        password: &str,
        cookie: Option<&str>,
    ) -> reqwest::Response {
        self.post_form(
            "/api/auth/log_in",
            &[("email", email), ("password", password)],
            cookie,
        )
        .await
    }

    /// The first column of the first row of `sql`, as text.
    pub async fn text_of(&self, sql: &str, column: &str) -> String {
        let row = self
            .db
            .query_one_raw(Statement::from_string(self.db.get_database_backend(), sql))
            .await
            .expect("query")
            .expect("a row");
        row.try_get::<String>("", column).expect("a text column")
    }

    pub async fn count_where(&self, table: &str, condition: &str) -> i64 {
        self.count(&format!("{table} WHERE {condition}")).await
    }

    pub async fn count(&self, table: &str) -> i64 {
        let row = self
            .db
            .query_one_raw(Statement::from_string(
                self.db.get_database_backend(),
                format!("SELECT COUNT(*) AS n FROM {table}"),
            ))
            .await
            .expect("count query")
            .expect("a row");
        row.try_get::<i64>("", "n").expect("a count")
    }

    /// The id of the user with this email.
    pub async fn user_id(&self, email: &str) -> uuid::Uuid {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        domain::entities::users::Entity::find()
            .filter(domain::entities::users::Column::Email.eq(email))
            .one(&self.db)
            .await
            .expect("query")
            .expect("the user exists")
            .id
    }

    /// A JSON API call, with an access token when given.
    pub async fn api(
        &self,
        method: reqwest::Method,
        path: &str,
        token: Option<&str>,
        body: Option<&serde_json::Value>,
    ) -> reqwest::Response {
        let mut request = self.client.request(method, self.url(path));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(body) = body {
            request = request.json(body);
        }
        request.send().await.expect("request failed")
    }

    /// Logs in through the JSON API and returns its token pair (which stores a refresh token).
    pub async fn api_log_in(&self, email: &str, password: &str) -> serde_json::Value {
        let response = self
            .api(
                reqwest::Method::POST,
                "/api/v1/auth/login",
                None,
                Some(&serde_json::json!({ "email": email, "password": password })),
            )
            .await;
        assert_eq!(response.status(), 200, "API login failed");
        response.json().await.expect("a token pair")
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

/// The messages in the outbox folder `outbox` addressed to `to`, newest first.
pub fn mail_in(outbox: &std::path::Path, to: &str) -> Vec<String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(outbox)
        .map(|entries| entries.flatten().map(|entry| entry.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
        .iter()
        .rev()
        .filter_map(|file| std::fs::read_to_string(file).ok())
        .filter(|text| {
            text.lines()
                .next()
                .is_some_and(|line| line.eq_ignore_ascii_case(&format!("To: {to}")))
        })
        .collect()
}

/// Waits for a message in `outbox` to `to` with a link to `path` and returns the token that
/// ends the newest such link.
pub async fn link_in(outbox: &std::path::Path, to: &str, path: &str) -> String {
    for _ in 0..200 {
        let link = mail_in(outbox, to).iter().find_map(|text| {
            text.lines()
                .find(|line| line.contains(path))
                .and_then(|line| line.rsplit('/').next())
                .map(|token| token.trim().to_string())
        });
        if let Some(token) = link {
            return token;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!("no message to {to} with a link to {path}");
}

/// Signs up at a server started on its own (the real binary, say) whose development outbox is
/// `outbox`, and returns the session cookie.
pub async fn sign_up_at(
    client: &reqwest::Client,
    url: &str,
    outbox: &std::path::Path,
    email: &str,
    password: &str,
) -> String {
    let form = client
        .post(format!("{url}/api/auth/sign_up"))
        .header("accept", "application/json")
        .form(&[
            ("email", email),
            ("display_name", "Test Traveler"),
            ("password", password),
            ("password_confirmation", password),
        ])
        .send()
        .await
        .expect("sign-up answered");
    assert!(
        form.status().is_redirection() || form.status().is_success(),
        "{}",
        form.status()
    );
    let token = link_in(outbox, email, "/signup/").await;
    let finished = client
        .post(format!("{url}/api/auth/complete_sign_up"))
        .header("accept", "application/json")
        .form(&[("token", token.as_str())])
        .send()
        .await
        .expect("finishing answered");
    session_cookie(&finished).expect("finishing a sign-up logs in")
}

/// The `name=value` part of the session cookie a response sets, if any.
pub fn session_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.contains("tp_session="))
        .and_then(|v| v.split(';').next())
        .map(str::to_string)
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
    settings.outbox_dir = site_root.with_file_name("outbox");
    settings.site_root = site_root;
    settings.hashed_assets = false;
    // Tests make many requests quickly; the rate-limit tests set their own limits.
    settings.requests_per_minute = 100_000;
    settings.requests_per_address_per_minute = 1_000_000;
    // Nothing goes out to the network: the provider tests point them at local fakes.
    settings.providers.off();
    settings
}

/// Everything every in-process test app logged, at debug level, as JSON lines.
pub static LOGS: LazyLock<Arc<Mutex<Vec<u8>>>> = LazyLock::new(|| Arc::new(Mutex::new(Vec::new())));

struct Capture;

impl Write for Capture {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        LOGS.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

pub fn capture_logs() {
    let _ = tracing_subscriber::fmt()
        .json()
        .with_env_filter("debug,hyper=info,h2=info,sqlx=debug")
        .with_writer(|| Capture)
        .try_init();
}

pub fn captured_logs() -> String {
    String::from_utf8_lossy(&LOGS.lock().unwrap()).into_owned()
}

/// A second instance on `first`'s database, as after a restart or behind a load balancer.
pub async fn spawn_app_on(first: &TestApp) -> TestApp {
    let url = first.database_url.clone();
    spawn_app_with(move |settings| settings.database_url = url.into()).await
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// Starts the application after letting the test adjust its settings.
pub async fn spawn_app_with(adjust: impl FnOnce(&mut Settings)) -> TestApp {
    spawn_app_with_routes(adjust, axum::Router::new()).await
}

/// Like [`spawn_app_with`], with extra routes behind the application's layers.
pub async fn spawn_app_with_routes(
    adjust: impl FnOnce(&mut Settings),
    routes: axum::Router<app::context::AppState>,
) -> TestApp {
    capture_logs();
    let dir = tempfile::tempdir().expect("temp dir");
    let site_root = dir.path().join("site");
    std::fs::create_dir_all(site_root.join("pkg")).expect("site root");
    let database_url = fresh_database_url(&dir).await;
    let mut settings = test_settings(&database_url, site_root);
    adjust(&mut settings);

    let application = Application::build_with_routes(&settings, routes)
        .await
        .expect("the app starts");
    let address = application.local_addr().expect("bound");
    let db = application.db().clone();
    let metrics_address = application.metrics_addr();
    let queries = application.query_counter();
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
        metrics_address,
        client,
        db,
        database_url: secrecy::ExposeSecret::expose_secret(&settings.database_url).to_string(),
        queries,
        dir,
        shutdown: Some(shutdown),
    }
}
