#!/usr/bin/env bash
# Installs what building (and, with --test, testing) needs, skipping whatever is already there
# at the right version. Safe to run again and again.
#   scripts/setup.sh          build tools: Rust parts, cargo-leptos, wasm-bindgen, wasm-opt
#   scripts/setup.sh --test   also Chromium, PostgreSQL, the Playwright packages and
#                             cargo-llvm-cov (the SQLite test run measures coverage)
#   scripts/setup.sh --coverage   build tools and cargo-llvm-cov
#   scripts/setup.sh --bench  what --test installs, and wrk, sqlite3, nginx, oha and Lighthouse
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_LEPTOS_VERSION=0.3.10
SCHEMATHESIS_VERSION=4.32.5
ICALENDAR_VERSION=7.3.0
OHA_VERSION=1.16.0
want_test=false
want_coverage=false
want_bench=false
[[ "${1:-}" == "--test" ]] && want_test=true && want_coverage=true
[[ "${1:-}" == "--bench" ]] && want_test=true && want_coverage=true && want_bench=true
[[ "${1:-}" == "--coverage" ]] && want_coverage=true

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

if ! command -v cargo >/dev/null; then
  echo "Rust is missing: install it with rustup (https://rustup.rs), then run this again." >&2
  exit 1
fi

if command -v rustup >/dev/null; then
  installed_targets=$(rustup target list --installed)
  grep -qx wasm32-unknown-unknown <<<"$installed_targets" || { say "adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }
  installed_components=$(rustup component list --installed)
  for component in clippy rustfmt llvm-tools; do
    grep -q "^$component" <<<"$installed_components" || { say "adding rustup component $component"; rustup component add "${component/llvm-tools/llvm-tools-preview}"; }
  done
fi

if [[ "$(cargo leptos --version 2>/dev/null || true)" != "cargo-leptos $CARGO_LEPTOS_VERSION" ]]; then
  say "installing cargo-leptos $CARGO_LEPTOS_VERSION (takes ~13 minutes once)"
  cargo install cargo-leptos --locked --version "$CARGO_LEPTOS_VERSION"
fi

# cargo-llvm-cov needs the llvm-tools component (above); 0.9 builds on rustc 1.95. ~3 minutes once.
if $want_coverage && [[ "$(cargo llvm-cov --version 2>/dev/null || true)" != cargo-llvm-cov\ 0.9.* ]]; then
  say "installing cargo-llvm-cov 0.9"
  cargo install cargo-llvm-cov --locked --version "^0.9"
fi

# The wasm-bindgen CLI must match the library version in Cargo.lock exactly. Installed without
# --locked: the CLI's own lockfile pins a crate version the registry index no longer serves.
wasm_bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [[ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wasm_bindgen_version" ]]; then
  say "installing wasm-bindgen-cli $wasm_bindgen_version"
  cargo install wasm-bindgen-cli --version "$wasm_bindgen_version" --force
fi

# npm packages, reinstalled when package-lock.json changed since the last install or the
# expected executable is missing.
npm_install() {
  local dir=$1 executable=$2 stamp="$1/node_modules/.installed-lock"
  if [[ ! -f "$stamp" ]] || ! cmp -s "$dir/package-lock.json" "$stamp" || [[ ! -x "$dir/node_modules/.bin/$executable" ]]; then
    say "installing npm packages in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund)
    cp "$dir/package-lock.json" "$stamp"
  fi
}
command -v npm >/dev/null || { echo "Node.js and npm are missing: install Node.js 20, then run this again." >&2; exit 1; }
npm_install tools wasm-opt

if $want_test; then
  apt_packages=()
  [[ -x /usr/bin/chromium ]] || apt_packages+=(chromium)
  command -v python3 >/dev/null || apt_packages+=(python3)
  python3 -c 'import ensurepip, venv' 2>/dev/null || apt_packages+=(python3-venv)
  command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || apt_packages+=(postgresql)
  if $want_bench; then
    command -v wrk >/dev/null || apt_packages+=(wrk)
    command -v sqlite3 >/dev/null || apt_packages+=(sqlite3)
    command -v curl >/dev/null || apt_packages+=(curl)
    [[ -x /usr/sbin/nginx ]] || command -v nginx >/dev/null || apt_packages+=(nginx-light)
  fi
  if ((${#apt_packages[@]})); then
    say "installing ${apt_packages[*]} from Debian"
    sudo_cmd=""; [[ $(id -u) -eq 0 ]] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${apt_packages[@]}"
  fi
  npm_install end2end playwright
  npm_install tools/api-client openapi-typescript

  # schemathesis (PyPI) fuzzes the JSON API against its OpenAPI description; in its own venv.
  if [[ "$(tools/schemathesis/bin/st --version 2>/dev/null || true)" != *" $SCHEMATHESIS_VERSION" ]]; then
    say "installing schemathesis $SCHEMATHESIS_VERSION (PyPI) into tools/schemathesis"
    rm -rf tools/schemathesis
    python3 -m venv tools/schemathesis
    tools/schemathesis/bin/pip install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
  fi

  # icalendar (PyPI) parses the calendar feeds in the tests: an independent reader of what we
  # write, with its own time-zone handling. In its own venv.
  if [[ "$(tools/icalendar/bin/python -c 'import icalendar; print(icalendar.__version__)' 2>/dev/null || true)" != "$ICALENDAR_VERSION" ]]; then
    say "installing icalendar $ICALENDAR_VERSION (PyPI) into tools/icalendar"
    rm -rf tools/icalendar
    python3 -m venv tools/icalendar
    tools/icalendar/bin/pip install --quiet --disable-pip-version-check "icalendar==$ICALENDAR_VERSION"
  fi
fi

if $want_bench; then
  # oha: open-loop load at a fixed rate, with latency correction. ~4 minutes once.
  if [[ "$(tools/oha/bin/oha --version 2>/dev/null || true)" != "oha $OHA_VERSION" ]]; then
    say "installing oha $OHA_VERSION into tools/oha"
    cargo install oha --locked --version "$OHA_VERSION" --root tools/oha
  fi
  npm_install tools/lighthouse lighthouse
fi
