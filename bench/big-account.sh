#!/usr/bin/env bash
# A traveler at the caps stays fast: one account with 5,000 trips (TRIPS_MAX) whose last trip is
# 14 days at 1,000 activities (ACTIVITIES_PER_TRIP_MAX; one day full at 100,
# ACTIVITIES_PER_DAY_MAX), measured next to a small account (one trip of 20 activities) in the
# same run, on SQLite with a release binary.
#
#   bench/big-account.sh [--binary PATH] [--site DIR] [--seconds S]
#
# First it checks the caps hold: the 5,001st trip, the 1,001st activity and the 101st activity
# of a day are refused with 422. Then it measures with wrk (2 threads × 32 connections, S seconds
# each, default 10) the trips list (page 1 and the last page), the capped trip's page, a day page
# of it and the JSON trips list, for both accounts, and prints one table with the big/small
# ratios of p99. Fails on any non-2xx answer or a cap that does not hold. Latencies are
# reported, not judged (the machines are shared). The list reads its page from an index of the
# traveler's memberships in the order it shows them, so its first page stays near a small
# account's (~2x the p99 of a one-trip account at 5,000 trips: the count still reads the
# traveler's 5,000 index entries); a deep page costs more, its offset walking the rows before
# it. Under bench/run.sh (`results` set) the figures are also written as `record` lines for
# bench/report.py.
set -euo pipefail
cd "$(dirname "$0")/.."

binary=target/release/travel-planner site=target/site seconds=10
while [[ $# -gt 0 ]]; do
  case $1 in
    --binary) binary=$2; shift 2 ;;
    --site) site=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -x $binary ]] || { echo "no server binary at $binary (cargo leptos build --release -P)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing (scripts/setup.sh --bench installs it)" >&2; exit 1; }

# start_server, api_token, the raised limits and `record` (which writes only under bench/run.sh).
source bench/lib.sh
note() { if [[ -n ${results:-} ]]; then record "$1" "$2"; fi; }

# The same caps as domain/src/trips/model.rs and domain/src/itinerary/model.rs.
trips_max=5000 activities_max=1000 per_day_max=100

start_server "$binary" "${limits[@]}" LEPTOS_SITE_ROOT="$site"
scratch=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work" "$scratch"' EXIT
export base

id_of() { python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])'; }
# refused WHAT TOKEN PATH BODY TEXT: the POST must be refused with 422 and a message holding TEXT
# (the cap's own message, not some other validation error).
refused() {
  local code
  code=$(curl -sS -o "$scratch/refused" -w '%{http_code}' -X POST "$base$3" -H "authorization: Bearer $2" \
    -H 'content-type: application/json' --data-binary "$4")
  if [[ $code != 422 ]] || ! grep -qF "$5" "$scratch/refused"; then
    echo "$1 answered $code, not 422 with \"$5\": $(head -c 300 "$scratch/refused")" >&2
    exit 1
  fi
}
# post_all TOKEN PATH < BODIES: POSTs every line of the input (one JSON body each), 8 at a time;
# fails when any is not accepted.
post_all() {
  TOKEN=$1 TARGET=$2 xargs -d '\n' -P 8 -n 100 bash -c '
    for body; do
      curl -fsS -o /dev/null -X POST "$base$TARGET" -H "authorization: Bearer $TOKEN" \
        -H "content-type: application/json" --data-binary "$body" || exit 255
    done' _ || { echo "seeding through $2 failed" >&2; exit 1; }
}
# activity DAY N: an activity's JSON body (times spread over the day; overlaps are allowed).
activity() {
  printf '{"day": "%s", "start_time": "%02d:%02d", "end_time": "%02d:%02d", "title": "Activity %d", "location": "Alfama, Lisbon", "description": "Meet at the tram stop.", "category": "sight", "cost": "%d.50"}' \
    "$1" $((6 + $2 % 16)) $(($2 * 7 % 60)) $((7 + $2 % 16)) $(($2 * 7 % 60)) "$2" $((10 + $2 % 90))
}
# log_in EMAIL: prints the browser session's cookie.
log_in() {
  curl -fsS -o /dev/null -c "$scratch/cookies-$1" -H 'accept: text/html' -H "origin: $base" \
    --data-urlencode "email=$1" --data-urlencode 'password=violet kettle harbour' "$base/api/auth/log_in"
  awk '$6 == "tp_session" {print "tp_session=" $7}' "$scratch/cookies-$1"
}

# --- The big account: 4,999 trips, then the capped trip as the 5,000th ------------------------
seeding=$(date +%s)
big_token=$(api_token big@example.org)
python3 - "$((trips_max - 1))" <<'PY' | post_all "$big_token" /api/v1/trips
import datetime, json, sys
first = datetime.date(2027, 1, 1)
for i in range(1, int(sys.argv[1]) + 1):
    start = first + datetime.timedelta(days=i % 700)
    end = start + datetime.timedelta(days=1 + i % 13)
    print(json.dumps({"name": f"Trip {i}", "destination": f"Place {i}", "start_date": str(start),
                      "end_date": str(end), "time_zone": "Europe/Lisbon", "currency": "EUR", "budget": "900"}))
PY
trip_body='{"name": "Two weeks in Portugal", "destination": "Lisbon, Portugal", "start_date": "2027-03-01", "end_date": "2027-03-14", "time_zone": "Europe/Lisbon", "currency": "EUR", "budget": "3500", "notes": "Pack light."}'
big_trip=$(curl -fsS -X POST "$base/api/v1/trips" -H "authorization: Bearer $big_token" \
  -H 'content-type: application/json' --data-binary "$trip_body" | id_of)
refused "trip $((trips_max + 1))" "$big_token" /api/v1/trips "$trip_body" "5,000 trips"
echo "trips cap: trip $((trips_max + 1)) refused (422)"

# 999 activities: 100 on the measured day (2027-03-05), the rest over the other 13 days. Then
# the 101st of the full day is refused, the 1,000th (on another day) accepted and the 1,001st
# refused.
full_day=2027-03-05
{
  for n in $(seq 1 "$per_day_max"); do activity "$full_day" "$n"; echo; done
  for n in $(seq 1 $((activities_max - per_day_max - 1))); do
    day=$(( (n - 1) % 13 + 1 )); ((day >= 5)) && day=$((day + 1))
    activity "$(printf '2027-03-%02d' "$day")" "$n"; echo
  done
} | post_all "$big_token" "/api/v1/trips/$big_trip/activities"
refused "activity $((per_day_max + 1)) of a day" "$big_token" "/api/v1/trips/$big_trip/activities" \
  "$(activity "$full_day" 101)" "100 activities"
curl -fsS -o /dev/null -X POST "$base/api/v1/trips/$big_trip/activities" -H "authorization: Bearer $big_token" \
  -H 'content-type: application/json' --data-binary "$(activity 2027-03-06 1000)"
refused "activity $((activities_max + 1))" "$big_token" "/api/v1/trips/$big_trip/activities" \
  "$(activity 2027-03-07 1001)" "1,000 activities"
echo "activities cap: activity $((per_day_max + 1)) of a day and activity $((activities_max + 1)) of the trip refused (422)"

# --- The small account: one trip of 20 activities (as bench/run.sh seeds) ----------------------
small_token=$(api_token small@example.org)
small_trip=$(curl -fsS -X POST "$base/api/v1/trips" -H "authorization: Bearer $small_token" -H 'content-type: application/json' \
  -d '{"name": "Spring in Lisbon", "destination": "Lisbon, Portugal", "start_date": "2027-03-03", "end_date": "2027-03-09", "time_zone": "Europe/Lisbon", "currency": "EUR", "budget": "1500.50", "notes": "Pack light."}' | id_of)
for i in $(seq 0 19); do activity "$(printf '2027-03-%02d' $((3 + i % 7)))" "$i"; echo; done |
  post_all "$small_token" "/api/v1/trips/$small_trip/activities"
echo "seeded in $(($(date +%s) - seeding)) s"

big_cookie=$(log_in big@example.org) small_cookie=$(log_in small@example.org)
[[ -n $big_cookie && -n $small_cookie ]] || { echo "could not log in" >&2; exit 1; }

# The data is what it claims (the refusals above say the trip holds 1,000 activities and the day
# 100): 5,000 trips in the API's count, and the list's last page (the pager says "Page 1 of N";
# its links carry `page=`).
total=$(curl -fsS -H "authorization: Bearer $big_token" "$base/api/v1/trips" | python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])')
[[ $total == "$trips_max" ]] || { echo "the API lists $total trips, not $trips_max" >&2; exit 1; }
last=$(curl -fsS -H "cookie: $big_cookie" -H 'accept-language: en' "$base/trips" | python3 -c '
import re, sys
html = sys.stdin.read()
pages = re.search(r"Page\D{0,8}\d+\D{0,8}of\D{0,8}([\d,]+)", html)
if not pages:
    sys.exit("the trips list shows no pager")
print(pages.group(1).replace(",", ""))')
[[ $last == $((trips_max / 20)) ]] || { echo "the trips list has $last pages, not $((trips_max / 20))" >&2; exit 1; }
shown=$(curl -fsS -H "cookie: $big_cookie" "$base/trips?page=$last" | grep -o "rel=\"prev\"" | wc -l)
[[ $shown == 1 ]] || { echo "page $last of the list has no link back" >&2; exit 1; }

# --- Measuring ---------------------------------------------------------------------------------
# measure LABEL URL HEADER: prints "rps p50_ms p99_ms"; fails on any non-2xx answer or socket
# error (a 10-second timeout: the 2 MB trip page takes most of a second on a busy shared machine,
# and wrk's default of 2 s would count a slow answer as a failed one).
measure() {
  wrk --latency --timeout 10s -t2 -c32 -d"${seconds}s" -H "$3" "$2" >"$scratch/wrk-$1.txt"
  python3 - "$scratch/wrk-$1.txt" "$1" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
if bad or "Socket errors" in text:
    sys.exit(f"{sys.argv[2]}: {bad.group(1) if bad else 'socket'} errors:\n{text}")
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
def ms(label):
    value, unit = re.search(rf"{label}%\s+([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
print(f"{rps:.0f} {ms(50):.2f} {ms(99):.2f}")
PY
}

declare -A figure
rows=(trips trips_last trip day api)
declare -A what=([trips]="/trips, page 1" [trips_last]="/trips, last page" [trip]="trip page" [day]="day page"
  [api]="GET /api/v1/trips")
for account in big small; do
  if [[ $account == big ]]; then cookie=$big_cookie token=$big_token trip=$big_trip day=$full_day
  else cookie=$small_cookie token=$small_token trip=$small_trip day=2027-03-05; fi
  declare -A url=([trips]=/trips [trips_last]="/trips?page=$last" [trip]=/trips/$trip
    [day]=/trips/$trip/days/$day [api]=/api/v1/trips)
  for row in "${rows[@]}"; do
    [[ $account == small && $row == trips_last ]] && continue
    header="cookie: $cookie"
    [[ $row == api ]] && header="authorization: Bearer $token"
    bytes=$(curl -fsS -H "$header" "$base${url[$row]}" | wc -c)
    read -r rps p50 p99 < <(measure "$account-$row" "$base${url[$row]}" "$header") || exit 1
    [[ -n ${p99:-} ]] || { echo "measuring ${what[$row]} ($account account) failed" >&2; exit 1; }
    figure[$account-$row]="$rps $p50 $p99 $bytes"
    note "big_account_${account}_${row}_rps" "$rps"
    note "big_account_${account}_${row}_p50_ms" "$p50"
    note "big_account_${account}_${row}_p99_ms" "$p99"
  done
done

printf '%-7s %-20s %9s %9s %9s %9s\n' account page bytes 'req/s' 'p50 ms' 'p99 ms'
for account in big small; do
  for row in "${rows[@]}"; do
    [[ -n ${figure[$account-$row]:-} ]] || continue
    read -r rps p50 p99 bytes <<<"${figure[$account-$row]}"
    printf '%-7s %-20s %9s %9s %9s %9s\n' "$account" "${what[$row]}" "$bytes" "$rps" "$p50" "$p99"
  done
done
ratio() { python3 -c "print(f'{$(cut -d' ' -f3 <<<"${figure[big-$1]}") / max($(cut -d' ' -f3 <<<"${figure[small-$1]}"), 0.01):.2f}')"; }
list_ratio=$(ratio trips) trip_ratio=$(ratio trip)
echo "p99 big/small: trips list page 1 ${list_ratio}x, trip page ${trip_ratio}x (1,000 activities vs 20)"
note big_account_list_p99_ratio "$list_ratio"
note big_account_trip_p99_ratio "$trip_ratio"
