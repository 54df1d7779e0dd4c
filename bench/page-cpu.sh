#!/usr/bin/env bash
# Server CPU time per request for each page a traveler uses: the process's user+system time
# over a wrk run (2 threads, 32 connections) divided by the requests answered, three runs each,
# printed as min/median/max milliseconds. The data is the benchmarks' seed (a 7-day trip of 20
# activities). With HTML_DIR set, also saves each page's HTML there (nonces, ids and tokens
# replaced), to compare two builds' pages byte for byte.
#   bench/page-cpu.sh [BINARY] [SECONDS]      (defaults: target/release/travel-planner, 5)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/start-server.sh
binary=${1:-target/release/travel-planner}
seconds=${2:-5}
start_server "$binary" RATE_LIMIT_PER_MINUTE=1000000 RATE_LIMIT_PER_ADDRESS_PER_MINUTE=10000000 \
  AUTH_ATTEMPTS_PER_IP_PER_MINUTE=10000
out=$work

token=$(api_token seed@example.org)
trip=$(curl -fsS -X POST "$base/api/v1/trips" -H "authorization: Bearer $token" -H 'content-type: application/json' \
  -d '{"name": "Spring in Lisbon", "destination": "Lisbon, Portugal", "start_date": "2027-03-03", "end_date": "2027-03-09", "time_zone": "Europe/Lisbon", "currency": "EUR", "budget": "1500.50", "notes": "Pack light."}' |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
activity=""
for i in $(seq 0 19); do
  activity=$(printf '{"day": "2027-03-%02d", "start_time": "%02d:15", "end_time": "%02d:45", "title": "Activity %d", "location": "Alfama, Lisbon", "description": "Meet at the tram stop.", "category": "sight", "cost": "%d.50"}' \
    $((3 + i % 7)) $((8 + i / 7 * 3)) $((9 + i / 7 * 3)) "$i" $((10 + i)) |
    curl -fsS -X POST "$base/api/v1/trips/$trip/activities" -H "authorization: Bearer $token" \
      -H 'content-type: application/json' --data-binary @- |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
done
curl -fsS -o /dev/null -c "$out/cookies" -H 'accept: text/html' -H "origin: $base" \
  --data-urlencode email=seed@example.org --data-urlencode 'password=violet kettle harbour' "$base/api/auth/log_in"
cookie=$(awk '$6 == "tp_session" {print "tp_session=" $7}' "$out/cookies")

pages=(
  "trip /trips/$trip"
  "day /trips/$trip/days/2027-03-05"
  "trips /trips"
  "account /account"
  "new-trip /trips/new"
  "edit-trip /trips/$trip/edit"
  "new-activity /trips/$trip/activities/new?day=2027-03-05"
  "edit-activity /trips/$trip/activities/$activity/edit"
)

cpu_ms() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }
ticks=$(getconf CLK_TCK)

for entry in "${pages[@]}"; do
  name=${entry%% *}
  path=${entry#* }
  if [[ -n ${HTML_DIR:-} ]]; then
    mkdir -p "$HTML_DIR"
    curl -fsS -H "cookie: $cookie" "$base$path" |
      sed -E -e 's/nonce="[^"]*"/nonce="N"/g' \
        -e 's/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/UUID/g' >"$HTML_DIR/$name.html"
  fi
  runs=()
  for _ in 1 2 3; do
    before=$(cpu_ms)
    requests=$(wrk -t2 -c32 -d"${seconds}s" -H "cookie: $cookie" "$base$path" |
      awk '/requests in/ { print $1 }')
    after=$(cpu_ms)
    runs+=("$(python3 -c "print(f'{($after - $before) / $ticks * 1000 / $requests:.3f}')")")
  done
  sorted=$(printf '%s\n' "${runs[@]}" | sort -n | tr '\n' ' ')
  echo "$name: $(echo "$sorted" | awk '{ printf "%s / %s / %s ms CPU per request (min/median/max)", $1, $2, $3 }')"
done
