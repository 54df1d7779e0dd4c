#!/usr/bin/env bash
# Line coverage of the server-side code (app with ssr, server, migration) from the Rust tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
if [[ "$(cargo llvm-cov --version 2>/dev/null || true)" != cargo-llvm-cov\ 0.* ]]; then
  cargo install cargo-llvm-cov --locked --version "^0.9"
fi
cargo llvm-cov --package server --package app --package migration --features app/ssr \
  --ignore-filename-regex '(frontend/|/tests/)' --summary-only "$@"
