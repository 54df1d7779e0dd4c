#!/usr/bin/env bash
# PostgreSQL at scale: one traveler's trips list, trip page and API trips list on a database of
# 1,000,000 trips and 20,000,000 activities (bench/pg-scale.sql, spread over 100,000 travelers)
# against the same three on a database holding that traveler's data alone, in the same run, on
# the release build. Prints each figure and the ratio big/small (time per request: small req/s
# over big req/s) and fails when any ratio is over 2.
#
#   bench/pg-scale.sh                                   the full size (make bench)
#   bench/pg-scale.sh --trips 50000 --activities-per-trip 20   a short version (CI's smoke run)
#   options: --users N (default: trips / 10), --seconds S (wrk per page, default 10)
#
# Needs the release binary and site (target/release/travel-planner, target/site), PostgreSQL's
# server binaries and wrk (installed from Debian when missing). The database lives in a temporary
# folder under /tmp (about 9 GB at full size; the script checks for room first) and is removed
# on exit. PG_SCALE_PORT picks the
# PostgreSQL port (default 55492).
set -euo pipefail
cd "$(dirname "$0")/.."

trips=1000000 per_trip=20 users="" seconds=10
while (($#)); do
  case $1 in
    --trips) trips=$2; shift 2 ;;
    --activities-per-trip) per_trip=$2; shift 2 ;;
    --users) users=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    *) echo "unknown option $1 (see the top of $0)" >&2; exit 2 ;;
  esac
done
users=${users:-$((trips / 10 > 0 ? trips / 10 : 1))}
binary=target/release/travel-planner
[[ -x $binary && -d target/site ]] || { echo "build the release first: cargo leptos build --release" >&2; exit 1; }

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null || missing+=(postgresql)
command -v psql >/dev/null || missing+=(postgresql-client)
command -v wrk >/dev/null || missing+=(wrk)
command -v curl >/dev/null || missing+=(curl)
if ((${#missing[@]})); then
  sudo_cmd=""; [[ $(id -u) -eq 0 ]] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}"
fi
bin_dir=$(dirname "$(command -v initdb 2>/dev/null || ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")

# A free port unless told: a fixed one in the ephemeral range can be held by an earlier
# benchmark's client connection.
port=${PG_SCALE_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
tmp=$(mktemp -d /tmp/travel-planner-pg-scale.XXXXXX)
server=""
as_postgres() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
cleanup() {
  if [[ -n $server ]]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  as_postgres "$bin_dir/pg_ctl" -D "$tmp/db" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT
[[ $(id -u) -eq 0 ]] && chown postgres "$tmp"

# Room on the disk: about 450 bytes an activity (rows, indexes, the rest) and 2 GB of write-ahead
# log, with 3 GB left over for everything else on the machine.
need_mb=$((trips * per_trip * 450 / 1048576 + 2048))
free_mb=$(df -Pm "$tmp" | awk 'NR == 2 {print $4}')
if ((free_mb < need_mb + 3072)); then
  echo "not enough disk in $tmp: $free_mb MB free, the database needs about $need_mb MB (+3 GB spare)" >&2
  exit 1
fi

# A server tuned for loading (no fsync: the data is thrown away) with room for the indexes.
as_postgres "$bin_dir/initdb" -D "$tmp/db" -U postgres --auth=trust -E UTF8 >/dev/null
as_postgres "$bin_dir/pg_ctl" -D "$tmp/db" -l "$tmp/postgres.log" -w -o "-k $tmp -p $port \
  -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off \
  -c wal_level=minimal -c max_wal_senders=0 -c max_wal_size=1GB \
  -c shared_buffers=1GB -c maintenance_work_mem=512MB -c max_connections=200" start >/dev/null
url="postgres://postgres@127.0.0.1:$port"
sql() { psql "$url/$1" -qtAX -v ON_ERROR_STOP=1 -c "$2"; }

for database in big small; do
  sql postgres "CREATE DATABASE $database"
  DATABASE_URL="$url/$database" "$binary" migrate up >"$tmp/migrate-$database.log" 2>&1 ||
    { cat "$tmp/migrate-$database.log" >&2; exit 1; }
done

echo "== generating $trips trips, $((trips * per_trip)) activities for $users travelers"
started=$(date +%s)
psql "$url/big" -qX -v ON_ERROR_STOP=1 -v users="$users" -v trips="$trips" -v per_trip="$per_trip" \
  -f bench/pg-scale.sql
generation=$(($(date +%s) - started))
size=$(sql big "SELECT pg_size_pretty(pg_database_size('big'))")
echo "generated in ${generation}s: $size"

# start_on DATABASE: the release binary on it, ready; sets `base` and `server`.
start_on() {
  local app_port
  app_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  base="http://127.0.0.1:$app_port"
  env DATABASE_URL="$url/$1" BIND_ADDRESS="127.0.0.1:$app_port" LEPTOS_SITE_ROOT=target/site \
    OUTBOX_DIR="$tmp/outbox" RUST_LOG=warn RATE_LIMIT_PER_MINUTE=1000000 \
    RATE_LIMIT_PER_ADDRESS_PER_MINUTE=10000000 AUTH_ATTEMPTS_PER_IP_PER_MINUTE=10000 \
    FAILED_LOGINS_PER_ACCOUNT_PER_HOUR=100 "$binary" >"$tmp/server-$1.log" 2>&1 &
  server=$!
  local started_at
  started_at=$(date +%s%N)
  for _ in $(seq 600); do
    curl -fs "$base/readyz" >/dev/null 2>&1 && {
      echo "ready on $1 in $((($(date +%s%N) - started_at) / 1000000)) ms"
      return
    }
    kill -0 "$server" 2>/dev/null || break
    sleep 0.1
  done
  echo "the server did not start on $1:" >&2
  cat "$tmp/server-$1.log" >&2
  exit 1
}
stop_server() { kill "$server"; wait "$server" 2>/dev/null || true; server=""; }

# The traveler: a real sign-up (for a password hash the app accepts) on the small database,
# whose hash then goes to traveler 1 of the big one; then the small database gets traveler 1's
# rows alone (the sign-up's own user removed), copied column for column.
email=scale-1@example.org
start_on small
curl -fsS -o /dev/null -X POST "$base/api/v1/auth/register" -H 'content-type: application/json' \
  -d '{"email": "hash@example.org", "display_name": "Hash", "password": "violet kettle harbour"}'
# The answer comes before the sign-up is stored (it takes as long whether or not the address is
# known): wait for the row.
hash=""
for _ in $(seq 100); do
  hash=$(sql small "SELECT password_hash FROM pending_signups WHERE email = 'hash@example.org'")
  [[ -n $hash ]] && break
  sleep 0.1
done
stop_server
[[ $hash == '$argon2'* ]] || { echo "no password hash from the sign-up" >&2; exit 1; }
sql big "UPDATE users SET password_hash = '$hash' WHERE email = '$email'" >/dev/null
sql small "DELETE FROM pending_signups" >/dev/null
traveler=$(sql big "SELECT id FROM users WHERE email = '$email'")
copy() {
  psql "$url/big" -qX -v ON_ERROR_STOP=1 -c "COPY ($2) TO STDOUT" |
    psql "$url/small" -qX -v ON_ERROR_STOP=1 -c "COPY $1 FROM STDIN"
}
mine="SELECT trip_id FROM trip_members WHERE user_id = '$traveler'"
copy users "SELECT * FROM users WHERE id = '$traveler'"
copy trips "SELECT * FROM trips WHERE id IN ($mine)"
copy trip_members "SELECT * FROM trip_members WHERE trip_id IN ($mine)"
copy activities "SELECT * FROM activities WHERE trip_id IN ($mine)"
copy trip_changes "SELECT * FROM trip_changes WHERE trip_id IN ($mine)"
sql small "ANALYZE" >/dev/null
trip=$(sql small "SELECT id FROM trips ORDER BY start_date, id LIMIT 1")
echo "traveler $email: $(sql small 'SELECT count(*) FROM trips') trips, $(sql small "SELECT count(*) FROM activities WHERE trip_id = '$trip'") activities on the measured trip"

# wrk_page LABEL URL HEADER: prints "rps p50_ms p99_ms"; fails on any non-2xx answer.
wrk_page() {
  wrk --latency -t2 -c32 -d"${seconds}s" -H "$3" "$2" >"$tmp/wrk-$1.txt"
  python3 - "$tmp/wrk-$1.txt" "$1" <<'EOF'
import re, sys
text = open(sys.argv[1]).read()
if re.search(r"Non-2xx or 3xx responses: (\d+)", text) or "Socket errors" in text:
    sys.exit(f"{sys.argv[2]}: failed requests\n{text}")
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
def ms(label):
    value, unit = re.search(rf"{label}%\s+([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
print(f"{rps:.0f} {ms(50):.2f} {ms(99):.2f}")
EOF
}

# measure DATABASE: the three, as the traveler; writes "label rps p50 p99" lines.
measure() {
  start_on "$1"
  curl -fsS -o /dev/null -c "$tmp/cookies-$1" -H 'accept: text/html' -H "origin: $base" \
    --data-urlencode "email=$email" --data-urlencode 'password=violet kettle harbour' "$base/api/auth/log_in"
  local cookie token
  cookie=$(awk '$6 == "tp_session" {print "tp_session=" $7}' "$tmp/cookies-$1")
  [[ -n $cookie ]] || { echo "could not log in $email on $1" >&2; exit 1; }
  token=$(curl -fsS -X POST "$base/api/v1/auth/login" -H 'content-type: application/json' \
    -d "{\"email\": \"$email\", \"password\": \"violet kettle harbour\"}" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')
  # The pages must show the traveler's data, not an empty or error page.
  curl -fsS -H "cookie: $cookie" "$base/trips/$trip" | grep -q 'class="activity"' ||
    { echo "the trip page on $1 shows no activity" >&2; exit 1; }
  : >"$tmp/figures-$1"
  local label path header
  for label in list trip api; do
    case $label in
      list) path=/trips header="cookie: $cookie" ;;
      trip) path=/trips/$trip header="cookie: $cookie" ;;
      api) path=/api/v1/trips header="authorization: Bearer $token" ;;
    esac
    echo "$label $(wrk_page "$1-$label" "$base$path" "$header")" >>"$tmp/figures-$1"
  done
  stop_server
}
echo "== measuring (wrk 2x32, ${seconds}s a page)"
measure small
measure big

python3 - "$tmp/figures-small" "$tmp/figures-big" "$trips" "$((trips * per_trip))" "$generation" <<'EOF'
import sys
def read(path):
    return {label: (float(rps), float(p50), float(p99))
            for label, rps, p50, p99 in (line.split() for line in open(path))}
small, big = read(sys.argv[1]), read(sys.argv[2])
names = {"list": "trips list", "trip": "trip page", "api": "API trips list"}
print(f"{int(sys.argv[3]):,} trips, {int(sys.argv[4]):,} activities, generated in {sys.argv[5]} s")
print(f"{'page':<16}{'small req/s':>12}{'big req/s':>10}{'small p99':>11}{'big p99':>9}{'big/small':>11}")
worst = 0
for label, name in names.items():
    ratio = small[label][0] / big[label][0]
    worst = max(worst, ratio)
    print(f"{name:<16}{small[label][0]:>12.0f}{big[label][0]:>10.0f}{small[label][2]:>9.2f}ms{big[label][2]:>7.2f}ms{ratio:>10.2f}x")
if worst > 2:
    sys.exit(f"FAIL: a page is {worst:.2f}x slower on the big database (budget 2x)")
print(f"ok: every page within {worst:.2f}x of the small database (budget 2x)")
EOF
