#!/usr/bin/env bash
# The load test on PostgreSQL; run by bench/run.sh inside scripts/with-postgres.sh.
set -euo pipefail
source bench/lib.sh
start_server target/release/travel-planner "${limits[@]}" DATABASE_URL="$TEST_DATABASE_URL"
load_test postgres psql "$TEST_DATABASE_URL" -tAc

# A second instance on the same database: the streams follow the trip there while the changes
# are made on the first, so every change crosses instances through LISTEN/NOTIFY.
first=$server first_base=$base first_work=$work
start_server target/release/travel-planner "${limits[@]}" DATABASE_URL="$TEST_DATABASE_URL"
second=$server second_base=$base second_work=$work
trap 'kill $first $second 2>/dev/null || true; wait $first $second 2>/dev/null || true; rm -rf "$first_work" "$second_work"' EXIT
base=$first_base work=$first_work
live_trip "live-postgres-$(date +%s)@example.org"
live_run postgres "$second_base" "$first_base" "$second"
