# Sourced by scripts that exercise a built server (api-fuzz.sh, bench/*.sh).
#
# start_server BINARY [SETTING=value ...]
#   Starts BINARY on a free loopback port with a throwaway SQLite database, waits until it is
#   ready, and stops it (and removes its files) when the calling script exits. Sets `base` (its
#   URL), `work` (its temporary folder) and `server` (its pid).
# api_token EMAIL
#   Registers EMAIL through the JSON API, opens the sign-up link from the outbox, logs in through
#   the API and prints the access token.

start_server() {
  local binary=$1 port ready=false
  shift
  work=$(mktemp -d)
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  base="http://127.0.0.1:$port"
  env DATABASE_URL="sqlite://$work/server.db" BIND_ADDRESS="127.0.0.1:$port" \
    LEPTOS_SITE_ROOT=target/site OUTBOX_DIR="$work/outbox" RUST_LOG=warn "$@" \
    "$binary" >"$work/server.log" 2>&1 &
  server=$!
  # (Each step may fail harmlessly — the server may be gone already — and must not turn a
  # passing run into a failing one under `set -e`.)
  trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
  for _ in $(seq 300); do
    curl -fs "$base/readyz" >/dev/null 2>&1 && { ready=true; break; }
    kill -0 $server 2>/dev/null || break
    sleep 0.1
  done
  $ready || { echo "the server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }
}

api_token() {
  local token
  curl -fsS -o /dev/null -X POST "$base/api/v1/auth/register" -H 'content-type: application/json' \
    -d "{\"email\": \"$1\", \"display_name\": \"Script\", \"password\": \"violet kettle harbour\"}"
  for _ in $(seq 100); do
    token=$(grep -lsx "To: $1" "$work"/outbox/* 2>/dev/null | xargs -r grep -ho '/signup/[A-Za-z0-9_-]*' | head -n 1)
    [[ -n "$token" ]] && break
    sleep 0.05
  done
  [[ -n "$token" ]] || { echo "no sign-up link for $1" >&2; return 1; }
  curl -fsS -o /dev/null -X POST "$base/api/auth/complete_sign_up" -H 'accept: application/json' \
    --data-urlencode "token=${token#/signup/}"
  curl -fsS -X POST "$base/api/v1/auth/login" -H 'content-type: application/json' \
    -d "{\"email\": \"$1\", \"password\": \"violet kettle harbour\"}" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])'
}
