//! The `travel-planner` binary itself: configuration errors, `migrate`, and `serve` with its
//! logs and graceful shutdown.

use std::{
    io::{BufRead, BufReader},
    path::Path,
    process::{Child, Command, Output, Stdio},
    sync::mpsc,
    time::Duration,
};

use tempfile::TempDir;

use crate::helpers::fresh_database_url;

pub const BIN: &str = env!("CARGO_BIN_EXE_travel-planner");

/// The binary with a clean environment (but for PATH and a coverage profile path), run from
/// `cwd`.
pub fn command(cwd: &Path, vars: &[(&str, &str)]) -> Command {
    // `TRAVEL_PLANNER_BIN` runs a copy instead, for checkouts that share (and keep rebuilding)
    // one target directory.
    let mut command = Command::new(std::env::var("TRAVEL_PLANNER_BIN").unwrap_or(BIN.to_string()));
    command
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .current_dir(cwd)
        .envs(
            // Under `cargo llvm-cov` the binary is instrumented: where it writes its profile.
            std::env::var("LLVM_PROFILE_FILE")
                .ok()
                .map(|file| ("LLVM_PROFILE_FILE", file)),
        )
        .envs(vars.iter().copied());
    command
}

pub fn run(cwd: &Path, vars: &[(&str, &str)], args: &[&str]) -> Output {
    command(cwd, vars)
        .args(args)
        .output()
        .expect("the binary runs")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Writes a stand-in for every file the pages link (as `travel-planner site-files` lists them)
/// into the site root `vars` name (`LEPTOS_SITE_ROOT`, else `target/site` under `cwd`), so
/// `serve` passes its start-up check.
pub fn write_site(cwd: &Path, vars: &[(&str, &str)]) {
    let root = vars
        .iter()
        .find(|(name, _)| *name == "LEPTOS_SITE_ROOT")
        .map_or_else(|| cwd.join("target/site"), |(_, root)| cwd.join(root));
    let listed = run(cwd, vars, &["site-files"]);
    for file in text(&listed.stdout).lines() {
        let path = root.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        if !path.exists() {
            std::fs::write(&path, "/* stand-in */").unwrap();
        }
    }
}

#[test]
fn a_bad_setting_stops_start_up_with_one_clear_line() {
    let dir = TempDir::new().unwrap();
    let cases = [
        ("LOG_FORMAT", "xml", "must be \"pretty\" or \"json\""),
        ("BIND_ADDRESS", "nowhere", "must be an IP address and port"),
        (
            "DATABASE_POOL_SIZE",
            "0",
            "must be a whole number from 1 to 500",
        ),
        ("DATABASE_URL", "mysql://db/x", "must start with sqlite:"),
    ];
    for (variable, value, explanation) in cases {
        let output = run(dir.path(), &[(variable, value)], &["serve"]);

        assert_eq!(output.status.code(), Some(2), "{variable}");
        let stderr = text(&output.stderr);
        assert_eq!(stderr.lines().count(), 1, "{variable}: {stderr}");
        assert!(stderr.contains(variable), "{stderr}");
        assert!(stderr.contains(explanation), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn help_describes_each_command() {
    let dir = TempDir::new().unwrap();
    for args in [
        &["--help"][..],
        &["serve", "--help"],
        &["migrate", "--help"],
    ] {
        let output = run(dir.path(), &[], args);
        assert!(output.status.success(), "{args:?}");
        assert!(
            text(&output.stdout).contains("Usage: travel-planner"),
            "{args:?}"
        );
    }
}

#[tokio::test]
async fn migrate_applies_lists_and_rolls_back() {
    let dir = TempDir::new().unwrap();
    let url = fresh_database_url(&dir).await;
    let vars = [("DATABASE_URL", url.as_str())];

    let before = run(dir.path(), &vars, &["migrate", "status"]);
    let up = run(dir.path(), &vars, &["migrate", "up"]);
    let after_up = run(dir.path(), &vars, &["migrate", "status"]);
    let down = run(dir.path(), &vars, &["migrate", "down"]);
    let after_down = run(dir.path(), &vars, &["migrate", "status"]);

    assert!(before.status.success(), "{}", text(&before.stderr));
    assert!(text(&before.stdout).contains("pending  m20261129_000001_create_users"));
    assert!(up.status.success(), "{}", text(&up.stderr));
    assert!(text(&after_up.stdout).contains("applied  m20261129_000001_create_users"));
    assert!(down.status.success(), "{}", text(&down.stderr));
    assert!(text(&after_down.stdout).contains("applied  m20261129_000001_create_users"));
    // `down` takes back the newest migration only.
    use migration::MigratorTrait;
    let names: Vec<String> = migration::Migrator::migrations()
        .iter()
        .map(|m| m.name().to_string())
        .collect();
    let (newest, before_it) = (&names[names.len() - 1], &names[names.len() - 2]);
    assert!(text(&after_down.stdout).contains(&format!("applied  {before_it}")));
    assert!(text(&after_down.stdout).contains(&format!("pending  {newest}")));
}

#[test]
fn the_database_password_never_reaches_the_output() {
    let dir = TempDir::new().unwrap();
    write_site(dir.path(), &[]);
    let output = run(
        dir.path(),
        &[(
            "DATABASE_URL",
            "postgres://app:hunter2-secret@127.0.0.1:1/travel",
        )],
        &["serve"],
    );

    assert!(!output.status.success());
    let all = format!("{}{}", text(&output.stdout), text(&output.stderr));
    assert!(all.contains("could not open the database"), "{all}");
    assert!(all.contains("app:***@"), "{all}");
    assert!(!all.contains("hunter2-secret"), "{all}");
}

/// A `serve` process and the lines it has printed.
pub struct Server {
    pub child: Child,
    lines: mpsc::Receiver<String>,
}

impl Server {
    pub fn start(cwd: &Path, vars: &[(&str, &str)]) -> Self {
        write_site(cwd, vars);
        let mut child = command(cwd, vars)
            .env("BIND_ADDRESS", "127.0.0.1:0")
            .arg("serve")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("serve starts");
        let (tx, lines) = mpsc::channel();
        for stream in [
            Box::new(child.stdout.take().unwrap()) as Box<dyn std::io::Read + Send>,
            Box::new(child.stderr.take().unwrap()),
        ] {
            let tx = tx.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    let _ = tx.send(line);
                }
            });
        }
        Self { child, lines }
    }

    /// Waits for a printed line that satisfies `matches`, returning every line seen so far.
    pub fn wait_for(&self, matches: impl Fn(&str) -> bool) -> Vec<String> {
        let mut seen = Vec::new();
        while let Ok(line) = self.lines.recv_timeout(Duration::from_secs(20)) {
            let done = matches(&line);
            seen.push(line);
            if done {
                return seen;
            }
        }
        panic!("expected line never came; saw: {seen:#?}");
    }

    pub fn terminate(&mut self) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        let killed = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
        assert!(killed.success());
        for _ in 0..100 {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        self.child.kill().ok();
        panic!("the server did not stop within 10 s of SIGTERM");
    }
}

#[tokio::test]
async fn serve_creates_the_default_sqlite_file_and_stops_cleanly_on_sigterm() {
    let dir = TempDir::new().unwrap();
    let mut server = Server::start(dir.path(), &[]);

    let lines =
        server.wait_for(|line| line.starts_with("Travel Planner is running at http://127.0.0.1:"));
    let url = lines
        .last()
        .unwrap()
        .rsplit(' ')
        .next()
        .unwrap()
        .to_string();
    let ready = reqwest::get(format!("{url}/readyz")).await.unwrap();
    let status = server.terminate();

    assert_eq!(ready.status(), 200);
    assert!(dir.path().join("data/travel-planner.db").exists());
    assert!(status.success(), "{status:?}");
}

#[tokio::test]
async fn json_logs_have_one_line_per_request_with_route_status_and_request_id() {
    let dir = TempDir::new().unwrap();
    let mut server = Server::start(dir.path(), &[("LOG_FORMAT", "json")]);

    let lines = server.wait_for(|line| line.contains("Travel Planner is ready"));
    let ready: serde_json::Value = serde_json::from_str(lines.last().unwrap()).unwrap();
    let url = ready["url"].as_str().unwrap().to_string();
    let response = reqwest::Client::new()
        .get(format!("{url}/healthz"))
        .header("x-request-id", "log-test-42")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let lines = server.wait_for(|line| line.contains("request finished"));
    server.terminate();

    let entry: serde_json::Value = serde_json::from_str(lines.last().unwrap()).unwrap();
    assert_eq!(entry["span"]["route"], "/healthz");
    assert_eq!(entry["span"]["method"], "GET");
    assert_eq!(entry["span"]["request_id"], "log-test-42");
    assert_eq!(entry["status"], 200);
    for line in &lines {
        serde_json::from_str::<serde_json::Value>(line)
            .unwrap_or_else(|_| panic!("not a JSON line: {line}"));
    }
}

#[test]
fn serve_refuses_to_start_when_a_file_the_pages_link_is_missing() {
    let dir = TempDir::new().unwrap();
    write_site(dir.path(), &[]);
    let listed = text(&run(dir.path(), &[], &["site-files"]).stdout);
    let stylesheet = listed
        .lines()
        .find(|file| file.starts_with("pkg/") && file.ends_with(".css"))
        .expect("the stylesheet is listed")
        .to_string();
    std::fs::remove_file(dir.path().join("target/site").join(&stylesheet)).unwrap();

    let output = run(dir.path(), &[], &["serve"]);
    let check = run(dir.path(), &[], &["site-files"]);

    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    let refusal: Vec<&str> = stderr
        .lines()
        .filter(|line| line.starts_with("travel-planner:"))
        .collect();
    assert_eq!(refusal.len(), 1, "{stderr}");
    assert!(
        refusal[0].contains(&format!("lacks /{stylesheet}, which the pages link")),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        !dir.path().join("data/travel-planner.db").exists(),
        "refused before opening the database"
    );
    assert_eq!(check.status.code(), Some(1));
}

/// The list `serve` checks is what a page really links: every local stylesheet, script,
/// icon and manifest address in the sign-in page and the landing page is on it.
#[tokio::test]
async fn site_files_lists_every_local_file_a_page_links() {
    let dir = TempDir::new().unwrap();
    let mut server = Server::start(dir.path(), &[]);
    let lines =
        server.wait_for(|line| line.starts_with("Travel Planner is running at http://127.0.0.1:"));
    let url = lines
        .last()
        .unwrap()
        .rsplit(' ')
        .next()
        .unwrap()
        .to_string();
    let listed = text(&run(dir.path(), &[], &["site-files"]).stdout);
    let mut pages = String::new();
    for path in ["/", "/login"] {
        pages.push_str(
            &reqwest::get(format!("{url}{path}"))
                .await
                .unwrap()
                .text()
                .await
                .unwrap(),
        );
    }
    server.terminate();

    let mut linked = Vec::new();
    for attribute in ["href=\"/", "src=\"/"] {
        for (at, _) in pages.match_indices(attribute) {
            let rest = &pages[at + attribute.len()..];
            let address = &rest[..rest.find(['"', '?']).unwrap()];
            let is_file = address.rsplit('/').next().unwrap().contains('.');
            if is_file {
                linked.push(address.to_string());
            }
        }
    }
    assert!(
        linked.iter().any(|file| file.ends_with(".css")),
        "{linked:?}"
    );
    assert!(linked.iter().any(|file| file == "app.js"), "{linked:?}");
    for file in &linked {
        assert!(
            listed.lines().any(|line| line == file),
            "{file} is linked but not checked"
        );
    }
    // The islands' loader names its script and WebAssembly inside a script, not an attribute.
    let pkg: Vec<&str> = listed
        .lines()
        .filter(|file| file.starts_with("pkg/"))
        .collect();
    assert_eq!(pkg.len(), 3, "{pkg:?}");
    for file in pkg {
        let name = file.trim_start_matches("pkg/").rsplit_once('.').unwrap().0;
        assert!(pages.contains(name), "{name} is not in the page");
    }
}
