#!/usr/bin/env bash
# Point-in-time recovery on PostgreSQL, rehearsed end to end (docs/backup-restore.md explains each
# step; this script is meant to be read as the recipe):
#
#   1. a throwaway PostgreSQL cluster with WAL archiving on, the app's schema made by the binary
#   2. a base backup (pg_basebackup)
#   3. through the app's JSON API: a trip "Before the mistake" with one activity; the time is
#      noted; then the mistake: that activity deleted and a trip "After the mistake" created
#   4. the cluster is stopped (as if lost), the base backup restored into a new data folder and
#      the archived WAL replayed up to the noted time
#   5. through the app, on the restored cluster: the first trip and its activity are there, the
#      later trip is not
#
#   bench/pitr.sh [--binary PATH]     (default target/release/travel-planner)
#
# Needs PostgreSQL's server binaries (scripts/setup.sh --test installs them). Run as root, the
# PostgreSQL commands run as the `postgres` user; otherwise as the current user. Ports: free
# ones, or PITR_PORT (the original cluster) and PITR_PORT + 1 (the restored one). Prints one PASS
# or FAIL line per check and the restore's duration; exits non-zero on any failure.
set -euo pipefail

binary=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --binary) binary=$(realpath -m "$2"); shift 2 ;;
    --smoke) shift ;; # the same rehearsal either way: it takes seconds
    *) echo "usage: bench/pitr.sh [--binary PATH]" >&2; exit 2 ;;
  esac
done
cd "$(dirname "$0")/.."
binary=${binary:-target/release/travel-planner}
[[ -x $binary ]] || { echo "FAIL: no binary at $binary (build it, or pass --binary PATH)" >&2; exit 1; }
site=${LEPTOS_SITE_ROOT:-target/site}

# The folder with all of PostgreSQL's server binaries (initdb on PATH may be a lone symlink).
bin_dir=$(dirname "$(readlink -f "$(command -v initdb 2>/dev/null || ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")")
# Free ports by default: a fixed one in the ephemeral range can be held by a client connection
# of an earlier benchmark (it was, once: "could not bind … Address already in use").
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=${PITR_PORT:-$(free_port)}
restored_port=${PITR_PORT:+$((PITR_PORT + 1))}
restored_port=${restored_port:-$(free_port)}

as_postgres() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

tmp=$(mktemp -d /tmp/travel-planner-pitr.XXXXXX)
[[ $(id -u) -eq 0 ]] && chown postgres "$tmp"
data=$tmp/data         # the original cluster
archive=$tmp/archive   # where archive_command puts every finished WAL segment
base_backup=$tmp/base  # the base backup, kept untouched
restored=$tmp/restored # the data folder recovery runs in
server=""

cleanup() {
  if [[ -n $server ]]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  for dir in "$data" "$restored"; do
    if [[ -f $dir/postmaster.pid ]]; then as_postgres "$bin_dir/pg_ctl" -D "$dir" -m immediate stop >/dev/null 2>&1 || true; fi
  done
  rm -rf "$tmp"
}
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
sql() { as_postgres "$bin_dir/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$1" -U postgres -d postgres -tAc "$2"; }
pg_start() { as_postgres "$bin_dir/pg_ctl" -D "$1" -l "$tmp/$(basename "$1").log" -w -t 120 -o "-p $2 -k $tmp -c listen_addresses=127.0.0.1" start >/dev/null; }

# start_app PORT: the app on the cluster at PORT, on a free loopback port; sets `base`, `work`
# (api_token reads the sign-up mail from its outbox) and `server`.
source scripts/start-server.sh # for api_token
start_app() {
  local app_port ready=false
  work=$tmp/app-$1
  mkdir -p "$work"
  app_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  base="http://127.0.0.1:$app_port"
  DATABASE_URL="postgres://postgres@127.0.0.1:$1/postgres" BIND_ADDRESS="127.0.0.1:$app_port" \
    LEPTOS_SITE_ROOT="$site" OUTBOX_DIR="$work/outbox" RUST_LOG=warn "$binary" >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 300); do
    curl -fs "$base/readyz" >/dev/null 2>&1 && { ready=true; break; }
    kill -0 "$server" 2>/dev/null || break
    sleep 0.1
  done
  $ready || { cat "$work/server.log" >&2; fail "the app did not start on the cluster at port $1"; }
}
stop_app() { kill "$server"; wait "$server" 2>/dev/null || true; server=""; }
api() { curl -fsS -H "authorization: Bearer $token" -H 'content-type: application/json' "$@"; }
json() { python3 -c "import json, sys; print($1)"; }
trip_names() { api "$base/api/v1/trips?status=all" | json '"\n".join(t["name"] for t in json.load(sys.stdin)["trips"])'; }
activity_titles() { api "$base/api/v1/trips/$1/activities" | json '"\n".join(a["title"] for a in json.load(sys.stdin)["activities"])'; }

# --- 1. A cluster with WAL archiving ----------------------------------------------------------
echo "== PostgreSQL $("$bin_dir/postgres" --version | awk '{print $3}') cluster with WAL archiving, in $tmp"
as_postgres mkdir -m 700 "$archive"
as_postgres "$bin_dir/initdb" -D "$data" -U postgres --auth=trust -E UTF8 >/dev/null
cat >>"$data/postgresql.conf" <<EOF
# Point-in-time recovery: keep every finished WAL segment.
wal_level = replica
archive_mode = on
archive_command = 'test ! -f $archive/%f && cp %p $archive/%f'
archive_timeout = 60
EOF
pg_start "$data" "$port"
DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres" "$binary" migrate up >/dev/null ||
  fail "travel-planner migrate up on the new cluster"

# --- 2. A base backup -------------------------------------------------------------------------
as_postgres "$bin_dir/pg_basebackup" -h 127.0.0.1 -p "$port" -U postgres -D "$base_backup" -Fp -Xstream --checkpoint=fast
echo "base backup: $(du -sh "$base_backup" | cut -f1)"

# --- 3. Writes, the noted time, the mistake ---------------------------------------------------
start_app "$port"
token=$(api_token pitr@example.org)
trip=$(api -X POST "$base/api/v1/trips" -d '{"name": "Before the mistake", "destination": "Lisbon", "start_date": "2027-03-03", "end_date": "2027-03-09", "time_zone": "Europe/Lisbon", "currency": "EUR"}' | json 'json.load(sys.stdin)["id"]')
activity=$(api -X POST "$base/api/v1/trips/$trip/activities" -d '{"day": "2027-03-04", "start_time": "10:00", "end_time": "11:00", "title": "Tram 28", "category": "sight"}' | json 'json.load(sys.stdin)["id"]')
# The server's clock, not this machine's: recovery compares it with the commit times in the WAL.
target_time=$(sql "$port" "SELECT clock_timestamp()")
sql "$port" "SELECT pg_switch_wal()" >/dev/null
echo "noted time: $target_time"
sleep 1
api -o /dev/null -X DELETE "$base/api/v1/activities/$activity"
api -o /dev/null -X POST "$base/api/v1/trips" -d '{"name": "After the mistake", "destination": "Porto", "start_date": "2027-04-01", "end_date": "2027-04-03", "time_zone": "Europe/Lisbon", "currency": "EUR"}'
[[ -z $(activity_titles "$trip") ]] ||
  fail "the mistake (deleting the activity) did not happen on the original cluster"
stop_app
# Recovery must see a commit after the noted time to know where to stop: that WAL has to be in
# the archive. Switch to a new segment and wait until the archiver has copied the finished one.
last=$(sql "$port" "SELECT pg_walfile_name(pg_switch_wal())")
for _ in $(seq 300); do
  [[ -f $archive/$last ]] && break
  sleep 0.1
done
[[ -f $archive/$last ]] || fail "WAL segment $last was not archived (see $tmp/data.log)"
echo "archived WAL up to $last ($(ls "$archive" | wc -l) files)"

# --- 4. Lose the cluster; restore the base backup and replay WAL to the noted time -------------
as_postgres "$bin_dir/pg_ctl" -D "$data" -m fast stop >/dev/null
started=$(date +%s%N)
as_postgres cp -a "$base_backup" "$restored"
cat >>"$restored/postgresql.conf" <<EOF
# Recovery to just before the mistake.
restore_command = 'cp $archive/%f %p'
recovery_target_time = '$target_time'
recovery_target_action = 'promote'
EOF
as_postgres touch "$restored/recovery.signal"
pg_start "$restored" "$restored_port" || { tail -n 5 "$tmp/restored.log" >&2; fail "the restored cluster did not start"; }
for _ in $(seq 1200); do
  [[ $(sql "$restored_port" "SELECT pg_is_in_recovery()" 2>/dev/null) == f ]] && break
  # Recovery that cannot reach its target (WAL missing from the archive) stops the server.
  as_postgres "$bin_dir/pg_ctl" -D "$restored" status >/dev/null || { tail -n 5 "$tmp/restored.log" >&2; fail "recovery stopped"; }
  sleep 0.1
done
[[ $(sql "$restored_port" "SELECT pg_is_in_recovery()") == f ]] || fail "recovery did not finish (see $tmp/restored.log)"
restore_ms=$(( ($(date +%s%N) - started) / 1000000 ))
grep -h "recovery stopping\|archive recovery complete" "$tmp/restored.log" | sed 's/^/postgres: /' || true

# --- 5. Check through the app -----------------------------------------------------------------
start_app "$restored_port"
token=$(api -X POST "$base/api/v1/auth/login" -d '{"email": "pitr@example.org", "password": "violet kettle harbour"}' | json 'json.load(sys.stdin)["access_token"]')
names=$(trip_names)
activities=$(activity_titles "$trip")
stop_app

ok=true
if grep -qx "Before the mistake" <<<"$names" && grep -qx "Tram 28" <<<"$activities"; then
  echo "PASS: written before the noted time, there after the restore: trip \"Before the mistake\" and its activity"
else
  echo "FAIL: after the restore, trips: [${names//$'\n'/, }], activities of the first trip: [${activities//$'\n'/, }]"; ok=false
fi
if ! grep -qx "After the mistake" <<<"$names"; then
  echo "PASS: written after the noted time, gone after the restore: trip \"After the mistake\""
else
  echo "FAIL: trip \"After the mistake\" (written after the noted time) survived the restore"; ok=false
fi
echo "restore (copy the base backup, replay WAL, promote): $restore_ms ms"
$ok
