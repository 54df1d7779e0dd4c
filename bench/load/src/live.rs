//! The live-updates load test behind `make bench`: `--streams` open event streams on one trip
//! (on `--watch`, an instance) while an editor adds `--changes` activities at `--rate` a second
//! through the JSON API (on `--edit`, the same or another instance). Every stream must receive
//! every change; delivery is measured from the moment the API acknowledged the change to the
//! moment a stream read it. Prints one JSON line; fails when a stream missed a change or the
//! p99 is over `--p99-budget-ms`.

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

fn arg(name: &str) -> Option<String> {
    let mut args = std::env::args().skip_while(|arg| arg != name);
    args.next()?;
    args.next()
}

fn number(name: &str, default: usize) -> usize {
    arg(name).and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// The titles in the `change` events of one stream, with when each arrived.
async fn follow(
    client: reqwest::Client,
    url: String,
    cookie: String,
    changes: usize,
    ready: Arc<tokio::sync::Barrier>,
) -> Result<Vec<(String, Instant)>, String> {
    let mut response = client
        .get(&url)
        .header("cookie", cookie)
        .header("accept", "text/event-stream")
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if response.status() != 200 {
        return Err(format!("stream refused: {}", response.status()));
    }
    ready.wait().await;
    let mut buffer = String::new();
    let mut seen = Vec::with_capacity(changes);
    while seen.len() < changes {
        let chunk = tokio::time::timeout(Duration::from_secs(30), response.chunk())
            .await
            .map_err(|_| "no event for 30 s".to_string())?
            .map_err(|e| e.to_string())?
            .ok_or("the stream ended")?;
        let now = Instant::now();
        buffer.push_str(&String::from_utf8_lossy(&chunk));
        while let Some(end) = buffer.find("\n\n") {
            let block: String = buffer.drain(..end + 2).collect();
            if !block.contains("event: change") && !block.contains("event:change") {
                continue;
            }
            let data: String = block
                .lines()
                .filter_map(|line| line.strip_prefix("data:"))
                .map(str::trim)
                .collect();
            let value: serde_json::Value =
                serde_json::from_str(&data).map_err(|e| e.to_string())?;
            seen.push((
                value["summary"].as_str().unwrap_or_default().to_string(),
                now,
            ));
        }
    }
    Ok(seen)
}

#[tokio::main]
async fn main() -> Result<(), String> {
    let watch = arg("--watch").ok_or("--watch URL")?;
    let edit = arg("--edit").unwrap_or_else(|| watch.clone());
    let cookie = arg("--cookie").ok_or("--cookie")?;
    let token = arg("--token").ok_or("--token")?;
    let trip = arg("--trip").ok_or("--trip")?;
    let streams = number("--streams", 200);
    let changes = number("--changes", 20);
    let rate = number("--rate", 10).max(1);
    let budget_ms = number("--p99-budget-ms", 100);
    let run = arg("--run").unwrap_or_else(|| "live".to_string());

    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(streams + 8)
        .build()
        .map_err(|e| e.to_string())?;
    let ready = Arc::new(tokio::sync::Barrier::new(streams + 1));
    let url = format!("{watch}/trips/{trip}/events");
    let readers: Vec<_> = (0..streams)
        .map(|_| {
            tokio::spawn(follow(
                client.clone(),
                url.clone(),
                cookie.clone(),
                changes,
                Arc::clone(&ready),
            ))
        })
        .collect();
    ready.wait().await;
    // Let the last streams' subscriptions settle (and a second instance's listener).
    tokio::time::sleep(Duration::from_millis(500)).await;
    let opened = Instant::now();

    let mut acknowledged = Vec::with_capacity(changes);
    let mut tick = tokio::time::interval(Duration::from_secs(1) / u32::try_from(rate).unwrap_or(1));
    for n in 0..changes {
        tick.tick().await;
        let body = serde_json::json!({
            "day": "2027-03-04", "title": format!("{run} {n}"), "category": "sight",
        });
        let response = client
            .post(format!("{edit}/api/v1/trips/{trip}/activities"))
            .bearer_auth(&token)
            .json(&body)
            .send()
            .await
            .map_err(|e| e.to_string())?;
        if response.status() != 201 {
            return Err(format!("change {n} refused: {}", response.status()));
        }
        acknowledged.push(Instant::now());
    }
    let mut delays_us: Vec<u128> = Vec::with_capacity(streams * changes);
    let mut missed = 0;
    for reader in readers {
        let seen = reader.await.map_err(|e| e.to_string())??;
        for (n, sent) in acknowledged.iter().enumerate() {
            match seen
                .iter()
                .find(|(title, _)| *title == format!("{run} {n}"))
            {
                Some((_, at)) => delays_us.push(at.saturating_duration_since(*sent).as_micros()),
                None => missed += 1,
            }
        }
    }
    delays_us.sort_unstable();
    let at = |q: usize| {
        delays_us
            .get(delays_us.len().saturating_sub(1) * q / 100)
            .copied()
            .unwrap_or(0) as f64
            / 1000.0
    };
    let (p50, p99, max) = (at(50), at(99), at(100));
    println!(
        "{}",
        serde_json::json!({
            "streams": streams, "changes": changes, "deliveries": delays_us.len(), "missed": missed,
            "p50_ms": p50, "p99_ms": p99, "max_ms": max, "seconds": opened.elapsed().as_secs_f64(),
        })
    );
    if missed > 0 {
        return Err(format!("{missed} deliveries missed"));
    }
    if p99 > budget_ms as f64 {
        return Err(format!(
            "p99 delivery {p99:.1} ms is over the {budget_ms} ms budget"
        ));
    }
    Ok(())
}
