#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server, exported as TEST_DATABASE_URL. The server
# and its data are removed afterwards, whatever the command's outcome.
set -euo pipefail

bin_dir=$(dirname "$(command -v initdb 2>/dev/null || ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
# 55432 unless told (the test suites' usual port); an empty PG_TEST_PORT picks a free one (the
# benchmarks: after a load test, a fixed port in the ephemeral range can be held by a client
# connection).
if [[ -z ${PG_TEST_PORT-unset} ]]; then
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
else
  port=${PG_TEST_PORT:-55432}
fi
data=$(mktemp -d /tmp/travel-planner-pg.XXXXXX)

as_postgres() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[[ $(id -u) -eq 0 ]] && chown postgres "$data"

cleanup() {
  as_postgres "$bin_dir/pg_ctl" -D "$data/db" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$data"
}
trap cleanup EXIT

as_postgres "$bin_dir/initdb" -D "$data/db" -U postgres --auth=trust -E UTF8 >/dev/null
as_postgres "$bin_dir/pg_ctl" -D "$data/db" -l "$data/log" -w \
  -o "-k $data -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
"$@"
