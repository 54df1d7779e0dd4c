#!/usr/bin/env bash
# The load test on PostgreSQL; run by bench/run.sh inside scripts/with-postgres.sh.
set -euo pipefail
source bench/lib.sh
start_server target/release/travel-planner "${limits[@]}" DATABASE_URL="$TEST_DATABASE_URL"
load_test postgres psql "$TEST_DATABASE_URL" -tAc
