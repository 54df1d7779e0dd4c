#!/usr/bin/env bash
# Checks that the previous release still works against the new schema, as it must during a
# rolling deploy (old instances keep serving while the new one has migrated the database; see
# "Upgrades and migrations" in docs/runbook.md). On SQLite and on a throwaway PostgreSQL:
#   1. the new binary runs `migrate up`;
#   2. the previous release's binary starts against that schema (MIGRATE_ON_START=false, as
#      the old instances of a rolling deploy run: they never touch the schema);
#   3. a traveler uses it through the JSON API and the pages: sign up, create a trip, add an
#      activity, list trips, open the trip and day pages, log out;
#   4. the new binary reads what the old one wrote.
#
# The previous release is the commit in migration/PREVIOUS_RELEASE. Its server binary is built
# once (from `git archive` of that commit, so the clone is untouched) and cached outside the
# clone, keyed by commit; later runs reuse it. Needs the commit in the clone's history (a full
# clone, not a shallow one).
#
# Usage: scripts/previous-release.sh [--binary PATH] [--site DIR] [--build-only]
#   --binary PATH   the new release's binary (default: target/release/travel-planner)
#   --site DIR      its site folder (default: target/site; it refuses to start without the
#                   files its pages link)
#   --build-only    build (or find) the previous release's binary, print its path and stop
# PREVIOUS_RELEASE_PROFILE=release builds the previous release optimised (debug by default).
# PREVIOUS_RELEASE_BINARY=PATH uses that binary as the previous release instead of building it.
# PG_TEST_PORT picks the throwaway PostgreSQL's port.
set -euo pipefail

binary=target/release/travel-planner
new_site=target/site
build_only=false
while [[ $# -gt 0 ]]; do
  case $1 in
    --binary) binary=$(realpath -m "${2:?--binary needs a path}"); shift 2 ;;
    --site) new_site=$(realpath -m "${2:?--site needs a folder}"); shift 2 ;;
    --build-only) build_only=true; shift ;;
    -h | --help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
cd "$(dirname "$0")/.."
source scripts/env.sh

commit=$(grep -v '^#' migration/PREVIOUS_RELEASE | tr -d '[:space:]')
[[ $commit =~ ^[0-9a-f]{40}$ ]] || { echo "migration/PREVIOUS_RELEASE must hold one full commit hash" >&2; exit 2; }
# Unoptimised by default: cold, it builds in about a third of the time, and this check is about
# the schema, not speed.
profile=${PREVIOUS_RELEASE_PROFILE:-debug}
case $profile in
  release) profile_flag=(--release) ;;
  debug) profile_flag=() ;;
  *) echo "PREVIOUS_RELEASE_PROFILE must be release or debug" >&2; exit 2 ;;
esac
cache=${XDG_CACHE_HOME:-$HOME/.cache}/travel-planner
previous=${PREVIOUS_RELEASE_BINARY:-$cache/previous-$commit-$profile/travel-planner}

# Every temporary folder and process, removed and stopped on exit whatever happened.
scratch=$(mktemp -d /tmp/previous-release.XXXXXX)
server_pid=""
stop_server() {
  if [[ -n $server_pid ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}
cleanup() {
  stop_server
  rm -rf "$scratch"
}
trap cleanup EXIT

build_previous() {
  [[ -x $previous ]] && return
  if ! git cat-file -e "$commit^{commit}" 2>/dev/null; then
    if [[ $(git rev-parse --is-shallow-repository) == true ]]; then
      echo "FAIL the previous release $commit is not in this shallow clone: run \`git fetch --unshallow\` (CI needs a full clone)" >&2
    else
      echo "FAIL the previous release $commit (migration/PREVIOUS_RELEASE) is not a commit of this clone" >&2
    fi
    exit 1
  fi
  echo "building the previous release ${commit:0:10} ($profile; the first run only, then cached in $cache)"
  # The sources go to the same place each time (git archive keeps the commit's time on every
  # file), so cargo's fingerprints still match when only the copied binary was lost.
  local source=$cache/previous-source started
  rm -rf "$source"
  mkdir -p "$source" "$(dirname "$previous")"
  git archive "$commit" | tar -x -C "$source"
  started=$(date +%s)
  # One target folder for every previous release: a new commit rebuilds only what changed.
  # Without debug info: it only has to run, and compiling and linking go faster.
  (cd "$source" && CARGO_PROFILE_DEV_DEBUG=0 nice -n 19 cargo build --locked "${profile_flag[@]}" -p server \
    --target-dir "$cache/previous-target") >"$scratch/build.log" 2>&1 ||
    { tail -n 40 "$scratch/build.log" >&2; echo "FAIL the previous release did not build" >&2; exit 1; }
  cp "$cache/previous-target/$profile/travel-planner" "$previous.partial"
  mv "$previous.partial" "$previous"
  echo "built the previous release in $(( $(date +%s) - started )) s"
}

build_previous
if $build_only; then
  echo "$previous"
  exit 0
fi
[[ -x $binary ]] || { echo "no new binary at $binary (build it first, or pass --binary)" >&2; exit 2; }

# The pages need the compiled site only for their styles and scripts, which this check does not
# load: the previous release gets an empty site folder (with its pkg/, so it does not warn); the
# new one checks at start-up that its pages' files are there, so it gets its own build's.
site=$scratch/site
mkdir -p "$site/pkg"
new_site=$(realpath -m "$new_site")

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
pass() { echo "PASS $*"; }
fail() {
  echo "FAIL $*" >&2
  [[ -f $scratch/server.log ]] && tail -n 20 "$scratch/server.log" >&2
  exit 1
}

# start NAME BINARY DATABASE_URL [SITE]: runs BINARY on a free port without migrating at
# start-up, with SITE (default: the empty one) as its site folder; sets `base`. Its mail goes to
# $scratch/outbox.
start() {
  local port ready=false
  port=$(free_port)
  base="http://127.0.0.1:$port"
  env DATABASE_URL="$3" BIND_ADDRESS="127.0.0.1:$port" MIGRATE_ON_START=false \
    LEPTOS_SITE_ROOT="${4:-$site}" OUTBOX_DIR="$scratch/outbox" RUST_LOG=warn \
    "$2" >"$scratch/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 300); do
    curl -fs "$base/readyz" >/dev/null 2>&1 && { ready=true; break; }
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  $ready || fail "$1 did not start against the migrated database"
}

# expect STATUS_PATTERN DESCRIPTION CURL_ARGS...: one request; its status must match.
expect() {
  local want=$1 what=$2 status
  shift 2
  status=$(curl -sS -o "$scratch/body" -w '%{http_code}' "$@") || fail "$what: no answer"
  [[ $status =~ ^($want)$ ]] || fail "$what: answered $status, expected $want: $(head -c 300 "$scratch/body")"
}

json_field() { python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$scratch/body" "$1"; }

password='violet kettle harbour'

# journey LABEL EMAIL: the old binary at `base` is used as a traveler would; sets `trip`.
journey() {
  local label=$1 email=$2 link token cookie
  expect 202 "$label: sign up (API)" -X POST "$base/api/v1/auth/register" -H 'content-type: application/json' \
    -d "{\"email\": \"$email\", \"display_name\": \"Previous\", \"password\": \"$password\"}"
  for _ in $(seq 100); do
    link=$(grep -lsx "To: $email" "$scratch"/outbox/* 2>/dev/null | xargs -r grep -ho '/signup/[A-Za-z0-9_-]*' | head -n 1) || true
    [[ -n $link ]] && break
    sleep 0.05
  done
  [[ -n $link ]] || fail "$label: no sign-up link for $email"
  expect '2..' "$label: finish sign-up" -X POST "$base/api/auth/complete_sign_up" -H 'accept: application/json' \
    --data-urlencode "token=${link#/signup/}"
  expect 200 "$label: log in (API)" -X POST "$base/api/v1/auth/login" -H 'content-type: application/json' \
    -d "{\"email\": \"$email\", \"password\": \"$password\"}"
  token=$(json_field access_token)
  expect 201 "$label: create a trip (API)" -X POST "$base/api/v1/trips" -H "authorization: Bearer $token" \
    -H 'content-type: application/json' \
    -d '{"name": "Written by the previous release", "destination": "Lisbon", "start_date": "2027-03-03", "end_date": "2027-03-09", "time_zone": "Europe/Lisbon", "currency": "EUR", "budget": "1500.50"}'
  trip=$(json_field id)
  expect 201 "$label: add an activity (API)" -X POST "$base/api/v1/trips/$trip/activities" \
    -H "authorization: Bearer $token" -H 'content-type: application/json' \
    -d '{"day": "2027-03-04", "start_time": "09:30", "title": "Tram 28", "category": "sight", "cost": "3.10"}'
  expect 200 "$label: list trips (API)" "$base/api/v1/trips" -H "authorization: Bearer $token"
  grep -q "$trip" "$scratch/body" || fail "$label: the new trip is not in the list"
  # The pages, with a session cookie from the log-in form (as a browser without JavaScript).
  expect 302 "$label: log in (form)" -c "$scratch/cookies" -H 'accept: text/html' -H "origin: $base" \
    --data-urlencode "email=$email" --data-urlencode "password=$password" "$base/api/auth/log_in"
  cookie=$(awk '$6 == "tp_session" {print "tp_session=" $7}' "$scratch/cookies")
  [[ -n $cookie ]] || fail "$label: the log-in form set no session cookie"
  expect 200 "$label: trips page" -H "cookie: $cookie" -H 'accept: text/html' "$base/trips"
  expect 200 "$label: trip page" -H "cookie: $cookie" -H 'accept: text/html' "$base/trips/$trip"
  grep -q 'Tram 28' "$scratch/body" || fail "$label: the trip page does not show the activity"
  expect 200 "$label: day page" -H "cookie: $cookie" -H 'accept: text/html' "$base/trips/$trip/days/2027-03-04"
  expect 302 "$label: log out (form)" -X POST -H "cookie: $cookie" -H 'accept: text/html' -H "origin: $base" \
    "$base/api/auth/log_out"
  expect '2..' "$label: log out (API)" -X POST "$base/api/v1/auth/logout" -H "authorization: Bearer $token" \
    -H 'content-type: application/json' -d '{}'
}

# break_schema LABEL URL: for proving this check can fail. PREVIOUS_RELEASE_BREAK_SQL (e.g.
# `ALTER TABLE trips DROP COLUMN notes`) is run on the migrated database, as a migration that
# contracts too early would.
break_schema() {
  [[ -n ${PREVIOUS_RELEASE_BREAK_SQL:-} ]] || return 0
  echo "(breaking the schema on purpose: $PREVIOUS_RELEASE_BREAK_SQL)"
  if [[ $1 == sqlite ]]; then
    python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()' \
      "$scratch/travel-planner.db" "$PREVIOUS_RELEASE_BREAK_SQL"
  else
    "$(command -v psql 2>/dev/null || ls /usr/lib/postgresql/*/bin/psql | sort -V | tail -n 1)" -q -v ON_ERROR_STOP=1 "$2" -c "$PREVIOUS_RELEASE_BREAK_SQL"
  fi
}

# check LABEL DATABASE_URL: the whole check on one database.
check() {
  local label=$1 url=$2 email
  email="previous-$label@example.com"
  DATABASE_URL=$url RUST_LOG=warn "$binary" migrate up >"$scratch/migrate.log" 2>&1 ||
    { cat "$scratch/migrate.log" >&2; fail "$label: the new release could not migrate"; }
  pass "$label: the new release migrated the database"
  break_schema "$label" "$url"
  start "$label: the previous release" "$previous" "$url"
  pass "$label: the previous release (${commit:0:10}) started against the new schema"
  journey "$label" "$email"
  pass "$label: through the previous release: signed up, created a trip, added an activity, listed trips, opened the trip and day pages, logged out"
  stop_server
  start "$label: the new release" "$binary" "$url" "$new_site"
  expect 200 "$label: log in with the new release" -X POST "$base/api/v1/auth/login" -H 'content-type: application/json' \
    -d "{\"email\": \"$email\", \"password\": \"$password\"}"
  expect 200 "$label: list trips with the new release" "$base/api/v1/trips" -H "authorization: Bearer $(json_field access_token)"
  grep -q "$trip" "$scratch/body" || fail "$label: the new release does not list the trip the previous one wrote"
  stop_server
  pass "$label: the new release lists the trip the previous one wrote"
}

if [[ -n ${PREVIOUS_RELEASE_POSTGRES_ONLY:-} ]]; then
  check postgresql "$TEST_DATABASE_URL"
else
  check sqlite "sqlite://$scratch/travel-planner.db"
  # PostgreSQL: this script again, under a throwaway server (it sets TEST_DATABASE_URL).
  PREVIOUS_RELEASE_POSTGRES_ONLY=1 \
    scripts/with-postgres.sh scripts/previous-release.sh --binary "$binary"
fi
