#!/usr/bin/env bash
# Sets up and runs every check: formatting, lints, Rust tests on SQLite (with a line-coverage
# floor) and PostgreSQL, the JSON API fuzzed against its OpenAPI description and used through a
# client generated from it, and the browser journeys (JavaScript on and off) against a release
# build, then the benchmarks' smoke run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --bench
source scripts/env.sh

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
started=$(date +%s)

step "formatting"
cargo fmt --all --check

step "clippy, one package at a time (features never unify across the workspace)"
cargo clippy -p migration --all-targets -- -D warnings
cargo clippy -p i18n --all-targets -- -D warnings
cargo clippy -p domain --all-targets -- -D warnings
cargo clippy -p islands --features ssr --all-targets -- -D warnings
cargo clippy -p app --features ssr --all-targets -- -D warnings
cargo clippy -p server --all-targets -- -D warnings
cargo clippy -p load --all-targets -- -D warnings
cargo clippy -p islands --features hydrate --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings

step "no import cycles between modules"
scripts/check-module-cycles.py

# The SQLite run is the coverage run: the same tests, instrumented, so they run once. It fails
# when line coverage of the server-side code (app with ssr, server, migration) drops below this.
COVERAGE_MIN_LINES=80
step "Rust tests on SQLite, with line coverage (at least $COVERAGE_MIN_LINES %)"
scripts/coverage.sh --fail-under-lines "$COVERAGE_MIN_LINES"

# Under llvm-cov too, only to reuse the instrumented build of the step before (no second
# compile of the workspace); the coverage floor is checked on the SQLite run.
step "Rust tests on PostgreSQL"
scripts/with-postgres.sh cargo llvm-cov --no-report --package server --package app --package domain \
  --package migration --features app/ssr --test api

step "release build"
cargo leptos build --release -P

step "the previous release works against the new schema (migrations only expand; it is built once, then cached)"
scripts/previous-release.sh --binary target/release/travel-planner

step "JSON API fuzzing (schemathesis against /api/v1/openapi.json)"
scripts/api-fuzz.sh target/release/travel-planner

step "a client generated from the OpenAPI description (openapi-typescript, openapi-fetch) runs its journey"
scripts/api-client.sh target/release/travel-planner

step "browser tests (JavaScript on and off)"
(cd end2end && npx playwright test)

step "benchmarks, smoke run (sizes fail over budget; lost writes fail the run; errors and latency are reported)"
BENCH_SKIP_BUILD=1 bench/run.sh --smoke

step "all checks passed in $(( $(date +%s) - started )) s"
