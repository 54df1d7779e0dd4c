//! A database outage (docs/runbook.md, "Health and readiness"): the test runs its own throwaway PostgreSQL server, so
//! it runs in the SQLite and the PostgreSQL test runs alike, and stops it under a logged-in
//! traveler. Pages answer 503 with a friendly page (never 500, never SQL), `/readyz` is 503 and
//! `/healthz` 200; once the server is back the same session works again within seconds, with
//! every write acknowledged before the outage still there.

use std::{
    path::PathBuf,
    process::Command,
    time::{Duration, Instant},
};

use tempfile::TempDir;

use crate::helpers::{captured_logs, spawn_app_with};

use crate::helpers::PASSWORD;

/// A PostgreSQL cluster in a temporary folder, stopped and removed when dropped.
struct Postgres {
    bin: PathBuf,
    dir: TempDir,
    port: u16,
    as_root: bool,
}

/// Where `initdb` lives: on PATH, else Debian's newest `/usr/lib/postgresql/*/bin`.
fn postgres_bin_dir() -> PathBuf {
    let on_path = std::env::var_os("PATH")
        .map(|path| std::env::split_paths(&path).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .find(|dir| dir.join("initdb").is_file());
    on_path.unwrap_or_else(|| {
        let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
            .expect("PostgreSQL is installed (scripts/setup.sh --test)")
            .map(|entry| entry.unwrap().path().join("bin"))
            .filter(|bin| bin.join("initdb").is_file())
            .collect();
        versions.sort();
        versions
            .pop()
            .expect("an initdb in /usr/lib/postgresql/*/bin")
    })
}

impl Postgres {
    fn start_new() -> Self {
        let as_root = Command::new("id")
            .arg("-u")
            .output()
            .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
        let dir = TempDir::new().unwrap();
        if as_root {
            // initdb refuses to run as root; the cluster belongs to the postgres user.
            assert!(
                Command::new("chown")
                    .args(["postgres"])
                    .arg(dir.path())
                    .status()
                    .unwrap()
                    .success()
            );
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let cluster = Self {
            bin: postgres_bin_dir(),
            dir,
            port,
            as_root,
        };
        let data = cluster.data();
        cluster.run(
            "initdb",
            &[
                "-D",
                &data,
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--no-sync",
            ],
        );
        cluster.start();
        cluster
    }

    fn data(&self) -> String {
        self.dir.path().join("db").display().to_string()
    }

    fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    fn run(&self, tool: &str, args: &[&str]) {
        let program = self.bin.join(tool);
        let mut command = if self.as_root {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(&program);
            command
        } else {
            Command::new(&program)
        };
        let output = command.args(args).output().unwrap();
        assert!(
            output.status.success(),
            "{tool} {args:?}: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }

    fn start(&self) {
        let options = format!(
            "-k {} -p {} -c listen_addresses=127.0.0.1",
            self.dir.path().display(),
            self.port
        );
        let log = self.dir.path().join("log").display().to_string();
        self.run(
            "pg_ctl",
            &[
                "-D",
                &self.data(),
                "-l",
                &log,
                "-w",
                "-o",
                &options,
                "start",
            ],
        );
    }

    /// Stops the server the way an operator's restart does: existing connections are cut.
    fn stop(&self) {
        self.run("pg_ctl", &["-D", &self.data(), "-m", "fast", "-w", "stop"]);
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let data = self.data();
        let program = self.bin.join("pg_ctl");
        let args = ["-D", data.as_str(), "-m", "immediate", "stop"];
        let _ = if self.as_root {
            Command::new("runuser")
                .args(["-u", "postgres", "--"])
                .arg(&program)
                .args(args)
                .output()
        } else {
            Command::new(&program).args(args).output()
        };
    }
}

fn trip_form(name: &str) -> Vec<(&str, &str)> {
    vec![
        ("name", name),
        ("destination", "Lisbon"),
        ("start_date", "2027-03-03"),
        ("end_date", "2027-03-09"),
        ("time_zone", "Europe/Lisbon"),
        ("currency", "EUR"),
        ("budget", "100"),
    ]
}

async fn page(
    client: &reqwest::Client,
    url: String,
    cookie: &str,
) -> (u16, Option<String>, String) {
    let response = client
        .get(url)
        .header("cookie", cookie)
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let retry_after = response
        .headers()
        .get("retry-after")
        .map(|v| v.to_str().unwrap().to_string());
    (status, retry_after, response.text().await.unwrap())
}

fn assert_friendly(what: &str, (status, retry_after, body): &(u16, Option<String>, String)) {
    assert_eq!(*status, 503, "{what}: {body}");
    assert!(retry_after.is_some(), "{what} has Retry-After");
    assert!(body.contains("Back in a moment"), "{what}: {body}");
    for leak in [
        "SELECT",
        "sqlx",
        "error returned",
        "Connection",
        "pool",
        "postgres",
    ] {
        assert!(!body.contains(leak), "{what} shows {leak:?}: {body}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_outage_answers_503_and_recovers_by_itself() {
    let postgres = Postgres::start_new();
    let url = postgres.url();
    let app = spawn_app_with(move |settings| settings.database_url = url.into()).await;
    let email = format!("outage-{}@example.com", uuid::Uuid::now_v7().simple());
    let cookie = app.sign_up(&email, PASSWORD).await;
    let saved = app
        .post_form(
            "/api/trips/create",
            &trip_form("Saved before"),
            Some(&cookie),
        )
        .await;
    assert_eq!(saved.status(), 200, "{}", saved.text().await.unwrap());
    assert_eq!(page(&app.client, app.url("/trips"), &cookie).await.0, 200);

    postgres.stop();
    let started = Instant::now();
    let client = &app.client;
    let during = trip_form("During");
    let (trips, home, create, ready, live) = tokio::join!(
        page(client, app.url("/trips"), &cookie),
        page(client, app.url("/"), &cookie),
        app.post_form("/api/trips/create", &during, Some(&cookie)),
        app.get("/readyz"),
        app.get("/healthz"),
    );
    let answered_within = started.elapsed();

    assert_friendly("/trips", &trips);
    assert_friendly("/", &home);
    assert_eq!(create.status(), 503, "a write during the outage");
    assert!(!create.text().await.unwrap().contains("sqlx"));
    assert_eq!(ready.status(), 503);
    assert_eq!(live.status(), 200);
    assert!(
        answered_within < Duration::from_secs(15),
        "answers during the outage took {answered_within:?}"
    );

    postgres.start();
    let restarted = Instant::now();
    let back = loop {
        let attempt = page(&app.client, app.url("/trips"), &cookie).await;
        if attempt.0 == 200 || restarted.elapsed() > Duration::from_secs(20) {
            break attempt;
        }
        assert_ne!(attempt.0, 500, "{}", attempt.2);
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    let recovered_in = restarted.elapsed();
    eprintln!(
        "database outage: 503s answered within {answered_within:?}; service back {recovered_in:?} after PostgreSQL started"
    );

    assert_eq!(back.0, 200, "still logged in after the outage: {}", back.2);
    assert!(recovered_in < Duration::from_secs(10), "{recovered_in:?}");
    assert!(
        back.2.contains("Saved before"),
        "an acknowledged write survives"
    );
    assert_eq!(app.get("/readyz").await.status(), 200);
    assert!(
        !captured_logs()
            .lines()
            // (The logs are shared by every test in the process; the hardening test's
            // deliberate panic says "kaboom".)
            .any(|line| line.contains("panicked") && !line.contains("kaboom")),
        "no panic while the database was away"
    );
}
