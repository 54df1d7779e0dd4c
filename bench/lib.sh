# Sourced by bench/run.sh and bench/load-postgres.sh. Expects `out` (a scratch folder),
# `results` (the "key value" file the final table is read from), `users` and `load_time`.
source scripts/start-server.sh

# Limits raised: every virtual traveler comes from 127.0.0.1.
limits=(LIVE_STREAMS_PER_USER=1000 RATE_LIMIT_PER_MINUTE=1000000 RATE_LIMIT_PER_ADDRESS_PER_MINUTE=10000000 AUTH_ATTEMPTS_PER_IP_PER_MINUTE=10000 FAILED_LOGINS_PER_ACCOUNT_PER_HOUR=100)

record() { echo "$1 $2" >>"$results"; }

rss_mb() { awk '/^VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }

# load_test NAME COUNT_SQL_COMMAND...: the goose run, then the lost-write check.
load_test() {
  local name=$1 run
  shift
  run="$name-$(date +%s)"
  echo "== load test on $name: $users travelers for $load_time"
  LOAD_RUN=$run LOAD_SUMMARY=$out/load-$name.json LOAD_OUTBOX="$work/outbox" target/release/load --host "$base" \
    --users "$users" --increase-rate 20 --run-time "$load_time" --no-reset-metrics --quiet --no-print-metrics \
    >"$out/load-$name.log" 2>&1 || { cat "$out/load-$name.log" >&2; exit 1; }
  record "rss_load_$name" "$(rss_mb "$server")"
  local trips activities
  trips=$("$@" "SELECT count(*) FROM trips t JOIN users u ON u.id = t.owner_id WHERE u.email LIKE 'load-$run-%'")
  activities=$("$@" "SELECT count(*) FROM activities a JOIN trips t ON t.id = a.trip_id JOIN users u ON u.id = t.owner_id WHERE u.email LIKE 'load-$run-%'")
  python3 - "$out/load-$name.json" "$trips" "$activities" "$name" "$results" <<'EOF'
import json, sys
summary = json.load(open(sys.argv[1]))
trips, activities, name, results = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
lost = (summary["trips_acknowledged"] - trips) + (summary["activities_acknowledged"] - activities)
print(f"{'step':<14}{'requests':>9}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}")
for step in ["sign up", "log out", "log in", "list trips", "create trip", "add activity", "view trip", "view day"]:
    row = summary["steps"].get(step)
    if row:
        print(f"{step:<14}{row['requests']:>9}{row['errors']:>8}{row['p50_ms']:>9.1f}{row['p95_ms']:>9.1f}{row['p99_ms']:>9.1f}{row['max_ms']:>9.1f}")
print(f"{'all':<14}{summary['requests']:>9}{summary['errors']:>8}{summary['p50_ms']:>9.1f}{summary['p95_ms']:>9.1f}{summary['p99_ms']:>9.1f}"
      f"   {summary['requests'] / max(summary['seconds'], 1):.0f} req/s")
print(f"writes acknowledged: {summary['trips_acknowledged']} trips, {summary['activities_acknowledged']} activities;"
      f" in the database: {trips} trips, {activities} activities -> lost: {lost}")
with open(results, "a") as out:
    for key in ["requests", "errors", "p50_ms", "p95_ms", "p99_ms"]:
        out.write(f"load_{name}_{key} {summary[key]}\n")
    out.write(f"load_{name}_rps {summary['requests'] / max(summary['seconds'], 1):.0f}\n")
    out.write(f"load_{name}_writes {summary['trips_acknowledged'] + summary['activities_acknowledged']}\n")
    out.write(f"load_{name}_lost {lost}\n")
EOF
}


# live_trip EMAIL: a traveler (through the API on `base`) and a trip of theirs; sets
# `live_token`, `live_cookie` and `live_trip`.
live_trip() {
  live_token=$(api_token "$1")
  live_trip=$(curl -fsS -X POST "$base/api/v1/trips" -H "authorization: Bearer $live_token" -H 'content-type: application/json' \
    -d '{"name": "Followed live", "destination": "Lisbon", "start_date": "2027-03-03", "end_date": "2027-03-09", "time_zone": "Europe/Lisbon", "currency": "EUR"}' |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
  curl -fsS -o /dev/null -c "$out/live-cookies" -H 'accept: text/html' -H "origin: $base" \
    --data-urlencode "email=$1" --data-urlencode 'password=violet kettle harbour' "$base/api/auth/log_in"
  live_cookie=$(awk '$6 == "tp_session" {print "tp_session=" $7}' "$out/live-cookies")
  [[ -n $live_cookie ]] || { echo "could not log in $1" >&2; exit 1; }
}

# live_run NAME WATCH_URL EDIT_URL WATCH_PID: 200 event streams on `live_trip` (on WATCH_URL)
# while changes are made at 10 a second (on EDIT_URL): every stream must get every change, p99
# delivery within 100 ms. Records the delivery figures and the watching server's RSS per stream.
live_run() {
  local name=$1 rss_before rss_open changes=${LIVE_CHANGES:-50}
  [[ ${smoke:-false} == true ]] && changes=20
  echo "== live updates ($name): 200 event streams, $changes changes at 10 a second"
  rss_before=$(awk '/^VmRSS/ {print $2}' "/proc/$4/status")
  target/release/live --watch "$2" --edit "$3" --cookie "$live_cookie" --token "$live_token" \
    --trip "$live_trip" --streams 200 --changes "$changes" --rate 10 --run "live-$name" >"$out/live-$name.json" &
  local runner=$!
  sleep 2
  rss_open=$(awk '/^VmRSS/ {print $2}' "/proc/$4/status")
  wait "$runner" || { cat "$out/live-$name.json" >&2; echo "the live-updates run failed" >&2; exit 1; }
  python3 - "$out/live-$name.json" "$name" "$results" "$rss_before" "$rss_open" <<'PY'
import json, sys
summary = json.loads(open(sys.argv[1]).read().strip().splitlines()[-1])
name, results = sys.argv[2], sys.argv[3]
per_stream = (int(sys.argv[5]) - int(sys.argv[4])) / summary["streams"]
print(f"{summary['deliveries']} deliveries, missed {summary['missed']}: p50 {summary['p50_ms']:.1f} ms, "
      f"p99 {summary['p99_ms']:.1f} ms, max {summary['max_ms']:.1f} ms; server RSS per open stream {per_stream:.1f} KiB")
with open(results, "a") as out:
    out.write(f"live_{name}_p50_ms {summary['p50_ms']}\n")
    out.write(f"live_{name}_p99_ms {summary['p99_ms']}\n")
    out.write(f"live_{name}_missed {summary['missed']}\n")
    out.write(f"live_{name}_rss_kib_per_stream {per_stream:.1f}\n")
PY
}
