#!/usr/bin/env bash
# Two instances on one PostgreSQL behind nginx (deploy/nginx.conf), as docs/runbook.md
# "Several instances and rolling restarts" describes:
#   1. what must cross instances does: a session, a rate-limit count, a change on the other
#      instance's next page, a live event (each check prints PASS or FAIL);
#   2. the 100-traveler load test (bench/load) through nginx: 0 errors, 0 lost writes;
#   3. during it, a rolling restart of both instances, nginx's configuration unchanged: SIGTERM,
#      /readyz turns 503, the instance drains (answers close their connections) and exits, nginx
#      retries refused connections on the other instance; a new one starts on the same port and
#      gets traffic again after `fail_timeout`; then the other (see `restart` below).
#
#   bench/instances.sh [--smoke] [--binary PATH] [--site PATH]
#     --smoke   a 30-second load test (still with the restart and every check); else LOAD_TIME
#               (5m by default, as bench/run.sh)
#     --binary  the server (default target/release/travel-planner)
#     --site    its site folder (default target/site)
# Runs inside its own throwaway PostgreSQL (scripts/with-postgres.sh, port PG_INSTANCES_PORT,
# else a free one). Installs nginx from Debian when it is missing. Exits non-zero on any failure.
# Run by bench/run.sh, which passes `results` (where the figures are recorded) in the environment.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ${INSTANCES_IN_POSTGRES:-} != 1 ]]; then
  export INSTANCES_IN_POSTGRES=1
  PG_TEST_PORT=${PG_INSTANCES_PORT:-} exec scripts/with-postgres.sh "$0" "$@"
fi

smoke=false binary=target/release/travel-planner site=target/site
while (($#)); do
  case $1 in
    --smoke) smoke=true ;;
    --binary) binary=$2; shift ;;
    --site) site=$2; shift ;;
    *) echo "usage: bench/instances.sh [--smoke] [--binary PATH] [--site PATH]" >&2; exit 2 ;;
  esac
  shift
done
[[ -x $binary ]] || { echo "no server binary at $binary (cargo leptos build --release)" >&2; exit 1; }
[[ -d $site/pkg ]] || { echo "no site folder at $site" >&2; exit 1; }
[[ -x target/release/load && -x target/release/live ]] ||
  { echo "no load testers: cargo build --release -p load" >&2; exit 1; }

nginx=$(command -v nginx || echo /usr/sbin/nginx)
if [[ ! -x $nginx ]]; then
  echo "installing nginx from Debian"
  sudo_cmd=""; [[ $(id -u) -eq 0 ]] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq nginx-light >/dev/null
  nginx=/usr/sbin/nginx
fi

if $smoke; then load_time=30s; else load_time=${LOAD_TIME:-5m}; fi
users=${LOAD_USERS:-100}
outer_results=${results:-}
out=$(mktemp -d /tmp/travel-planner-instances.XXXXXX)
work=$out/shared # the instances' shared outbox is in it: lib.sh's api_token and the load test read it
mkdir -p "$work/outbox"
results=$out/results.txt
# Copies of the binary (with the hash.txt beside it, which names the site's files) and of the
# site folder: a build that rewrites them during the run must not leave the restarted instances
# with a mismatched pair (they refuse to start then).
mkdir -p "$out/bin"
cp "$binary" "$out/bin/"
[[ -f $(dirname "$binary")/hash.txt ]] && cp "$(dirname "$binary")/hash.txt" "$out/bin/"
binary=$out/bin/$(basename "$binary")
cp -r "$site" "$out/site"
site=$out/site
: >"$results"
source bench/lib.sh

declare -A pids=()
ngx=$out/nginx
cleanup() {
  local pid
  # The load test, when the run stops half-way (the subshell and the tester it started).
  if [[ -n ${load:-} ]]; then pkill -P "$load" 2>/dev/null || true; kill "$load" 2>/dev/null || true; fi
  [[ -s $ngx/nginx.pid ]] && { kill -QUIT "$(cat "$ngx/nginx.pid")" 2>/dev/null || true; }
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  sleep 0.2
  rm -rf "$out"
}
trap cleanup EXIT

failures=0
pass() { echo "PASS $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }
ready_status() { curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$1/readyz" || true; }
jwt=$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')

# start_instance NAME PORT DATABASE_URL [SETTING=value ...]: starts it and waits for /readyz 200.
# The settings a deployment of several instances uses: counters in the database, one token key,
# nginx (on loopback) as the trusted proxy; and the bench's raised limits.
start_instance() {
  local name=$1 port=$2 database=$3
  shift 3
  env DATABASE_URL="$database" BIND_ADDRESS="127.0.0.1:$port" LEPTOS_SITE_ROOT="$site" \
    OUTBOX_DIR="$work/outbox" API_JWT_SECRET="$jwt" RATE_LIMIT_STORE=database \
    TRUSTED_PROXIES=127.0.0.1 RUST_LOG=warn,server::startup=info "${limits[@]}" "$@" \
    "$binary" >>"$out/$name.log" 2>&1 &
  pids[$name]=$!
  for _ in $(seq 300); do
    [[ $(ready_status "$port") == 200 ]] && return 0
    kill -0 "${pids[$name]}" 2>/dev/null || break
    sleep 0.1
  done
  echo "instance $name did not start:" >&2
  cat "$out/$name.log" >&2
  exit 1
}

# --- Two instances and nginx ------------------------------------------------------------------
declare -A port=([one]=$(free_port) [two]=$(free_port))
proxy_port=$(free_port)
# One at a time: the first applies the migrations.
start_instance one "${port[one]}" "$TEST_DATABASE_URL"
start_instance two "${port[two]}" "$TEST_DATABASE_URL"
one=http://127.0.0.1:${port[one]} two=http://127.0.0.1:${port[two]} proxy=http://127.0.0.1:$proxy_port

# deploy/nginx.conf with this run's port and paths, checked substitution by substitution so a
# change to the file cannot silently leave a production path in.
mkdir -p "$ngx"
cp deploy/nginx.conf "$ngx/nginx.conf"
substitute() {
  grep -qF -- "$1" "$ngx/nginx.conf" || { echo "deploy/nginx.conf no longer has: $1" >&2; exit 1; }
  python3 - "$ngx/nginx.conf" "$1" "$2" <<'PY'
import sys
path, old, new = sys.argv[1:]
text = open(path).read()
open(path, "w").write(text.replace(old, new))
PY
}
substitute "pid /run/nginx.pid;" "pid $ngx/nginx.pid;"
substitute "error_log /var/log/nginx/error.log" "error_log $ngx/error.log"
substitute "access_log /var/log/nginx/access.log;" "access_log $ngx/access.log;"
substitute "listen 127.0.0.1:8080;" "listen 127.0.0.1:$proxy_port;"
grep -q "include upstream.conf;" "$ngx/nginx.conf" || { echo "deploy/nginx.conf no longer includes upstream.conf" >&2; exit 1; }

# write_upstream [DOWN_NAME]: upstream.conf as deploy/upstream.conf has it, with this run's
# ports, and `down` on DOWN_NAME's line.
write_upstream() {
  local name line
  grep -v '^server ' deploy/upstream.conf >"$ngx/upstream.conf.new"
  for name in one two; do
    line=$(grep -m 1 '^server ' deploy/upstream.conf | sed "s/127\.0\.0\.1:[0-9]*/127.0.0.1:${port[$name]}/")
    [[ ${1:-} == "$name" ]] && line=${line%;}" down;"
    echo "$line" >>"$ngx/upstream.conf.new"
  done
  mv "$ngx/upstream.conf.new" "$ngx/upstream.conf"
}
ngx_cmd() { "$nginx" -p "$ngx" -c "$ngx/nginx.conf" -e "$ngx/error.log" "$@"; }
write_upstream
ngx_cmd -t -q || { echo "nginx refuses the configuration" >&2; exit 1; }
ngx_cmd
for _ in $(seq 50); do curl -fs -o /dev/null "$proxy/healthz" && break; sleep 0.1; done
curl -fs -o /dev/null "$proxy/healthz" || { echo "nginx does not answer:" >&2; cat "$ngx/error.log" >&2; exit 1; }
echo "== two instances ($one, $two) on one PostgreSQL, nginx at $proxy"

# --- Cross-instance checks --------------------------------------------------------------------
# A traveler and a trip, made and logged in on instance one (lib.sh: live_trip uses `base`).
base=$one
live_trip "instances-$(date +%s)@example.org"
status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }

# The session made on one is a session on two (and without the cookie two sends a visitor away).
with_cookie=$(status -H "cookie: $live_cookie" "$two/trips")
without=$(status "$two/trips")
if [[ $with_cookie == 200 && $without != 200 ]]; then
  pass "session: logged in on one, /trips on two answers 200 with its cookie ($without without)"
else
  fail "session: /trips on two answered $with_cookie with the cookie from one, $without without"
fi

# A change made on one is on two's next page (two has just rendered the page: nothing it kept
# may hide the change).
trip_page() { curl -fsS -H "cookie: $live_cookie" -H 'accept: text/html' "$1/trips/$live_trip"; }
trip_page "$two" >/dev/null
marker="Cross-instance marker $(date +%s%N)"
created=$(status -X POST "$one/api/v1/trips/$live_trip/activities" -H "authorization: Bearer $live_token" \
  -H 'content-type: application/json' -d "{\"day\": \"2027-03-04\", \"title\": \"$marker\", \"category\": \"sight\"}")
if [[ $created == 201 ]] && trip_page "$two" | grep -qF "$marker"; then
  pass "change: an activity added on one is on two's next trip page"
else
  fail "change: an activity added on one ($created) is not on two's next trip page"
fi

# A live event: streams on two follow the trip while changes are made on one (LISTEN/NOTIFY),
# and streams through nginx (unbuffered: every event within the latency budget).
# A trip of its own for each: nothing from one run can arrive in the other's streams.
for watch in two proxy; do
  watch_url=$two; [[ $watch == proxy ]] && watch_url=$proxy
  followed=$(curl -fsS -X POST "$one/api/v1/trips" -H "authorization: Bearer $live_token" -H 'content-type: application/json' \
    -d '{"name": "Followed across instances", "destination": "Porto", "start_date": "2027-03-03", "end_date": "2027-03-09", "time_zone": "Europe/Lisbon", "currency": "EUR"}' |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
  if target/release/live --watch "$watch_url" --edit "$one" --cookie "$live_cookie" --token "$live_token" \
    --trip "$followed" --streams 5 --changes 5 --rate 5 --run "instances-$watch" >"$out/live-$watch.json" 2>&1; then
    pass "live event: changes on one reached every stream on $watch ($(tail -n 1 "$out/live-$watch.json"))"
  else
    fail "live event: changes on one did not reach the streams on $watch: $(tail -n 3 "$out/live-$watch.json")"
  fi
done

# The rate limit is one count across instances: a pair with a limit of 10 a minute (on a
# database of its own, so no other request from this address counts), visited alternately:
# exactly 10 answers, then 429 — where counting per instance would allow 20.
psql "$TEST_DATABASE_URL" -q -c 'CREATE DATABASE rate_check'
rate_database=${TEST_DATABASE_URL%/*}/rate_check
port[rate_a]=$(free_port) port[rate_b]=$(free_port)
start_instance rate_a "${port[rate_a]}" "$rate_database" RATE_LIMIT_PER_MINUTE=10
start_instance rate_b "${port[rate_b]}" "$rate_database" RATE_LIMIT_PER_MINUTE=10
# The counts are per clock minute: not across a minute's end.
(($(date +%-S) < 45)) || sleep $((61 - $(date +%-S)))
served=0 first_refused=0 codes=""
for n in $(seq 1 16); do
  name=rate_a; ((n % 2)) || name=rate_b
  code=$(status "http://127.0.0.1:${port[$name]}/login")
  codes+="$code "
  [[ $code == 200 ]] && served=$((served + 1))
  [[ $code == 429 && $first_refused == 0 ]] && first_refused=$n
done
if [[ $served == 10 && $first_refused == 11 ]]; then
  pass "rate limit: 10 a minute across both instances, the 11th request refused with 429"
else
  fail "rate limit: $served served across both instances, first 429 at request $first_refused ($codes)"
fi
for name in rate_a rate_b; do kill "${pids[$name]}"; wait "${pids[$name]}" 2>/dev/null || true; unset "pids[$name]"; done

# --- The load test through nginx, with a rolling restart during it ----------------------------
# restart NAME: one instance's turn in a rolling restart, with nginx's configuration unchanged
# (a reload closes nginx's idle client connections, and a client sending a request on one at
# that instant gets no answer): SIGTERM; /readyz turns 503 (what an orchestrator watches);
# during the drain every answer says `Connection: close`, so nginx keeps no idle connection to
# the instance; when the drain ends the listener closes, nginx's new connections are refused
# and retried on the other instance (`proxy_next_upstream error`), which marks this one failed
# for `fail_timeout`; in-flight requests finish; the instance exits; a new one starts on the
# same port and, once /readyz is 200 and `fail_timeout` has passed, gets traffic again.
# Sets ready_503_ms, exit_ms, out_ms (SIGTERM to the new instance taking traffic).
declare -A out_ms=() ready_503_ms=() exit_ms=()
fail_timeout=$(grep -o 'fail_timeout=[0-9]*' deploy/upstream.conf | head -1 | cut -d= -f2)
restart() {
  local name=$1 signalled code exit_code=0 old_pid=${pids[$1]}
  signalled=$(now_ms)
  kill -TERM "$old_pid"
  for _ in $(seq 100); do
    code=$(ready_status "${port[$name]}")
    [[ $code == 503 ]] && break
    sleep 0.1
  done
  [[ $code == 503 ]] || { fail "restart $name: /readyz did not turn 503 after SIGTERM (last: $code)"; return 1; }
  ready_503_ms[$name]=$(($(now_ms) - signalled))
  wait "$old_pid" || exit_code=$?
  exit_ms[$name]=$(($(now_ms) - signalled))
  [[ $exit_code == 0 ]] || fail "restart $name: the old instance exited with $exit_code"
  start_instance "$name" "${port[$name]}" "$TEST_DATABASE_URL"
  # nginx tries a failed server again once fail_timeout has passed; the next instance may go
  # only then, or nginx would have none it believes live.
  sleep $((fail_timeout + 1))
  out_ms[$name]=$(($(now_ms) - signalled))
  echo "   $name: /readyz 503 ${ready_503_ms[$name]} ms after SIGTERM; exited ${exit_ms[$name]} ms" \
    "after it; back in nginx's rotation ${out_ms[$name]} ms after it"
}

base=$proxy
load_started=$(now_ms)
(
  server=$$ # lib.sh records the RSS of `server`; not meaningful here (dropped below)
  load_test instances psql "$TEST_DATABASE_URL" -tAc
) &
load=$!
# Every traveler arrives within the first 5 s (20 a second).
sleep 6
echo "== rolling restart during the load test"
restarted=true
for name in one two; do
  restart "$name" || { restarted=false; break; }
done
restart_done=$(now_ms)
load_ok=true
wait "$load" || load_ok=false
load=""
load_ended=$(now_ms)
$load_ok || fail "the load test did not run to the end"
if $restarted && ((restart_done < load_ended - 2000)); then
  pass "rolling restart: both instances restarted one after the other during the load test" \
    "(done $(((restart_done - load_started) / 1000)) s into it)"
elif $restarted; then
  fail "rolling restart: it ended after the load test (make the load test longer)"
fi

if [[ -s $out/load-instances.json ]]; then
  read -r requests errors p95 p99 lost < <(python3 - "$out/load-instances.json" "$results" <<'PY'
import json, sys
summary = json.load(open(sys.argv[1]))
lost = next(line.split()[1] for line in open(sys.argv[2]) if line.startswith("load_instances_lost "))
print(summary["requests"], summary["errors"], summary["p95_ms"], summary["p99_ms"], lost)
PY
  )
  if [[ $errors == 0 && $lost == 0 && $requests -gt 0 ]]; then
    pass "load through nginx with a rolling restart: $requests requests, 0 errors, 0 lost writes," \
      "p95 $p95 ms, p99 $p99 ms; SIGTERM to back in rotation: one ${out_ms[one]:-?} ms, two ${out_ms[two]:-?} ms"
  else
    fail "load through nginx with a rolling restart: $requests requests, $errors errors, $lost lost writes"
    # What went wrong: goose's errors, nginx's non-success answers, the instances' warnings.
    grep -h '^error ×' "$out/load-instances.log" || true
    awk '$9 >= 400' "$ngx/access.log" | tail -n 20
    grep -hiE 'warn|error' "$out/one.log" "$out/two.log" | tail -n 20 || true
    tail -n 20 "$ngx/error.log"
  fi
else
  fail "the load test left no summary"
fi
retried=$(grep -c 'upstream' "$ngx/error.log" || true)
echo "   nginx error log: $retried lines about the upstream (connections retried on the other instance)"

if [[ -n $outer_results ]]; then
  grep '^load_instances_' "$results" >>"$outer_results" || true
  {
    echo "instances_out_ms_one ${out_ms[one]:-0}"
    echo "instances_out_ms_two ${out_ms[two]:-0}"
    echo "instances_failures $failures"
  } >>"$outer_results"
fi

if ((failures)); then
  echo "instances: $failures check(s) failed" >&2
  exit 1
fi
echo "instances: every check passed"
