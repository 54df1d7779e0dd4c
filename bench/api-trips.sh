#!/usr/bin/env bash
# Throughput of `GET /api/v1/trips` for a traveler with 200 trips (the first page of 20, with the
# total), against `GET /healthz` in the same run on the same process: wrk, release build, SQLite.
#
#   bench/api-trips.sh [SECONDS]     default 10 s per endpoint
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
binary=target/release/travel-planner
[[ -x $binary ]] || { source scripts/env.sh && cargo leptos build --release -P; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

source scripts/start-server.sh
start_server "$binary" RATE_LIMIT_PER_MINUTE=1000000 RATE_LIMIT_PER_ADDRESS_PER_MINUTE=10000000
token=$(api_token bench@example.org)
for i in $(seq 200); do
  month=$(( (i % 12) + 1 ))
  printf '{"name": "Trip %d", "destination": "City %d", "start_date": "2027-%02d-03", "end_date": "2027-%02d-09", "time_zone": "Europe/Lisbon", "currency": "EUR", "budget": "1500", "notes": "Notes for trip %d."}' \
    "$i" "$i" "$month" "$month" "$i" |
    curl -fsS -o /dev/null -X POST "$base/api/v1/trips" -H "authorization: Bearer $token" \
      -H 'content-type: application/json' --data-binary @-
done
total=$(curl -fsS "$base/api/v1/trips?status=all" -H "authorization: Bearer $token" |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])')
[[ $total == 200 ]] || { echo "expected 200 trips, found $total" >&2; exit 1; }

run() { # label, then wrk arguments; prints "label req/s p50 p99"
  local label=$1; shift
  wrk --latency -t2 -c32 -d"${seconds}s" "$@" >"$work/wrk.txt"
  python3 - "$label" "$work/wrk.txt" <<'EOF'
import re, sys
text = open(sys.argv[2]).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
def ms(label):
    value, unit = re.search(rf"{label}%\s+([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
print(f"{sys.argv[1]:<32} {rps:>10.0f} req/s   p50 {ms(50):6.2f} ms   p99 {ms(99):6.2f} ms   non-2xx {errors.group(1) if errors else 0}")
EOF
}

echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); wrk 2 threads x 32 connections, ${seconds}s each"
run "GET /api/v1/trips (200 trips)" -H "authorization: Bearer $token" "$base/api/v1/trips?status=all" | tee "$work/api.txt"
run "GET /healthz" "$base/healthz" | tee "$work/health.txt"
python3 - "$work/api.txt" "$work/health.txt" <<'EOF'
import sys
api, health = (float(open(path).read().split("req/s")[0].split()[-1]) for path in sys.argv[1:])
print(f"ratio API list / health check: {api / health:.3f}")
EOF
