#!/usr/bin/env bash
# Sets up, builds the release site and starts Travel Planner on a local SQLite file.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
cargo leptos build --release -P
exec ./target/release/travel-planner serve "$@"
