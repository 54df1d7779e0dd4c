#!/usr/bin/env bash
# Line coverage of the server-side code (domain, i18n, app, server, migration) from the Rust tests on
# SQLite. Extra arguments go to cargo llvm-cov, e.g. `--fail-under-lines 80` (scripts/test.sh) or
# `--html`. The integration tests run the instrumented `travel-planner` binary too (backup,
# restore, SIGTERM), and it writes its profile where LLVM_PROFILE_FILE says, so that code counts.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --coverage
source scripts/env.sh
cargo llvm-cov --package server --package app --package domain --package i18n --package migration --features app/ssr \
  --ignore-filename-regex '(frontend/|islands/|/tests/)' --summary-only "$@"
