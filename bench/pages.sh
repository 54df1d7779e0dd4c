#!/usr/bin/env bash
# Every page a traveler uses, each against a static file of the same size served by the same
# process in the same run (wrk, 2 threads × 32 connections, SQLite): the ratio says how much of
# the server's speed a page keeps once it reads the database and renders.
#
#   bench/pages.sh [--binary PATH] [--site DIR] [--rounds N] [--seconds S] [--language CODE]
#                  [--pages trips,trip,...] [--hold FILE] [--compare PATH]
#
# The data is one traveler with 200 trips and a 14-day trip of 60 activities (the account the
# issues measure with). Each page and its static file are measured in turn, `--rounds` times
# (default 3); a page's ratio is the median of its rounds. `--binary`/`--site` measure another
# build (a previous release, for a before/after figure); `--language` asks for the pages in
# that language (Accept-Language). Prints a table: the rates and their ratio, and beside them
# the server's CPU time per request for the page and the file and their ratio (file over page),
# which leaves out wrk's share of the two cores. On a shared machine both the rates and the CPU
# times move with its speed from minute to minute (the static file's rate by up to half); the
# ratios, page and file measured a few seconds apart, move much less. Under bench/run.sh
# (`results` set) also appends the figures to that file as "key value" lines for bench/report.py
# (page_ratio_<page>, page_rps_<page>, page_file_rps_<page>, page_bytes_<page>,
# page_cpu_us_<page>, page_file_cpu_us_<page>). `--hold FILE` measures nothing:
# it writes the server's address, the cookie and the pages' addresses to FILE (shell variables)
# and keeps the seeded server running until interrupted, for a profiler to attach (`perf record -p`).
# `--compare PATH` measures another build beside this one: once the data is seeded, PATH serves a
# copy of the same database (the same cookie works) with the same site folder, and each round
# measures the page on both servers, one right after the other, so both see the machine in the
# same state. The table then gives the other build's rate and CPU time, and this build's rate
# over the other's (median of the rounds): a before/after figure that the machine's drift from
# minute to minute, which moves two separate runs by ±5 %, does not blur.
set -euo pipefail
cd "$(dirname "$0")/.."

binary=target/release/travel-planner site=target/site rounds=3 seconds=5 language=en pages=all hold= compare=
while [[ $# -gt 0 ]]; do
  case $1 in
    --binary) binary=$2; shift 2 ;;
    --site) site=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --language) language=$2; shift 2 ;;
    --pages) pages=$2; shift 2 ;;
    --hold) hold=$2; shift 2 ;;
    --compare) compare=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -x $binary ]] || { echo "no server binary at $binary (cargo leptos build --release -P)" >&2; exit 1; }
[[ -z $compare || -x $compare ]] || { echo "no server binary at $compare" >&2; exit 1; }

source scripts/start-server.sh
limits=(RATE_LIMIT_PER_MINUTE=1000000 RATE_LIMIT_PER_ADDRESS_PER_MINUTE=10000000 AUTH_ATTEMPTS_PER_IP_PER_MINUTE=10000)
copy=$(mktemp -d)
cp -r "$site" "$copy/site"
start_server "$binary" "${limits[@]}" LEPTOS_SITE_ROOT="$copy/site"
other=
trap 'kill $server $other 2>/dev/null || true; wait $server $other 2>/dev/null || true; rm -rf "$work" "$copy"' EXIT

# --- The data --------------------------------------------------------------------------------
token=$(api_token pages@example.org)
post() { curl -fsS -X POST "$base$1" -H "authorization: Bearer $token" -H 'content-type: application/json' --data-binary @-; }
id_of() { python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])'; }
for i in $(seq 1 199); do
  printf '{"name": "Trip %d", "destination": "Place %d", "start_date": "2027-%02d-%02d", "end_date": "2027-%02d-%02d", "time_zone": "Europe/Lisbon", "currency": "EUR", "budget": "900"}' \
    "$i" "$i" $((1 + i % 12)) $((1 + i % 20)) $((1 + i % 12)) $((5 + i % 20)) | post /api/v1/trips >/dev/null
done
trip=$(printf '{"name": "Two weeks in Portugal", "destination": "Lisbon, Portugal", "start_date": "2027-03-01", "end_date": "2027-03-14", "time_zone": "Europe/Lisbon", "currency": "EUR", "budget": "3500", "notes": "Pack light."}' |
  post /api/v1/trips | id_of)
activity=
for i in $(seq 0 59); do
  id=$(printf '{"day": "2027-03-%02d", "start_time": "%02d:15", "end_time": "%02d:45", "title": "Activity %d", "location": "Alfama, Lisbon", "description": "Meet at the tram stop.", "category": "sight", "cost": "%d.50"}' \
    $((1 + i % 14)) $((8 + i / 14 * 2)) $((9 + i / 14 * 2)) "$i" $((10 + i)) | post "/api/v1/trips/$trip/activities" | id_of)
  activity=${activity:-$id}
done
curl -fsS -o /dev/null -c "$work/cookies" -H 'accept: text/html' -H "origin: $base" \
  --data-urlencode email=pages@example.org --data-urlencode 'password=violet kettle harbour' "$base/api/auth/log_in"
cookie=$(awk '$6 == "tp_session" {print "tp_session=" $7}' "$work/cookies")
[[ -n $cookie ]] || { echo "could not log in" >&2; exit 1; }

declare -A url=(
  [trips]=/trips
  [trip]=/trips/$trip
  [day]=/trips/$trip/days/2027-03-05
  [account]=/account
  [new-trip]=/trips/new
  [edit-trip]=/trips/$trip/edit
  [new-activity]=/trips/$trip/activities/new
  [edit-activity]=/trips/$trip/activities/$activity/edit
  [members]=/trips/$trip/members
)
order=(trips trip day account new-trip edit-trip new-activity edit-activity members)
[[ $pages != all ]] && IFS=, read -r -a order <<<"$pages"

if [[ -n $hold ]]; then
  { printf 'base=%q\ncookie=%q\npid=%q\n' "$base" "$cookie" "$server"
    for page in "${order[@]}"; do printf 'page_%s=%q\n' "${page//-/_}" "$base${url[$page]}"; done; } >"$hold"
  echo "seeded; the server ($server) runs at $base until interrupted; addresses in $hold"
  wait "$server"
  exit 0
fi

# --compare: the other build on a copy of the seeded database, started as this one was
# (`start_server` sets `base`, `server` and `work` and its own exit trap: this build's are kept
# aside and put back, and the trap then stops both).
if [[ -n $compare ]]; then
  sqlite3 "$work/server.db" ".backup '$copy/other.db'"
  this=("$base" "$server" "$work")
  start_server "$compare" "${limits[@]}" LEPTOS_SITE_ROOT="$copy/site" DATABASE_URL="sqlite://$copy/other.db"
  other_base=$base other=$server other_work=$work
  base=${this[0]} server=${this[1]} work=${this[2]}
  trap 'kill $server $other 2>/dev/null || true; wait $server $other 2>/dev/null || true; rm -rf "$work" "$other_work" "$copy"' EXIT
fi

# The CPU time so far (user + system) of the server PID (this build's by default), in clock ticks.
tick=$(getconf CLK_TCK)
cpu_ticks() { awk '{sub(/.*\) /, ""); print $12 + $13}' "/proc/${1:-$server}/stat"; }

# measure URL [HEADER...]: "REQUESTS_PER_SECOND CPU_MICROSECONDS_PER_REQUEST" over `seconds`
# (the server's own CPU time, leaving out wrk's share of the cores); fails on any non-2xx
# answer. `measured` names the server whose CPU time is counted (this build's by default).
measure() {
  local target=$1 report before after
  shift
  before=$(cpu_ticks "${measured:-$server}")
  report=$(wrk -t2 -c32 -d"${seconds}s" "$@" "$target")
  after=$(cpu_ticks "${measured:-$server}")
  if grep -q 'Non-2xx' <<<"$report"; then echo "non-2xx answers from $target" >&2; exit 1; fi
  awk -v ticks=$((after - before)) -v tick="$tick" '
    / requests in / {requests = $1}
    /Requests\/sec/ {rate = $2}
    END {printf "%.0f %.0f\n", rate, ticks * 1000000 / tick / requests}' <<<"$report"
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

printf '%-14s %8s %10s %10s %7s %9s %9s %7s' page bytes 'page r/s' 'file r/s' ratio \
  'page µs' 'file µs' 'cpu'
[[ -n $compare ]] && printf ' %10s %9s %8s' 'other r/s' 'other µs' 'vs other'
echo
for page in "${order[@]}"; do
  target=$base${url[$page]}
  headers=(-H "cookie: $cookie" -H "accept-language: $language")
  bytes=$(curl -fsS "${headers[@]}" "$target" | wc -c)
  python3 -c "import sys; sys.stdout.write('x' * $bytes)" >"$copy/site/bench-$page.html"
  ratios=() page_all=() file_all=() page_cpu=() file_cpu=() cpu_ratios=()
  other_all=() other_cpu=() versus=()
  for _ in $(seq "$rounds"); do
    read -r page_rps page_us < <(measure "$target" "${headers[@]}")
    if [[ -n $compare ]]; then
      read -r other_rps other_us < <(measured=$other measure "$other_base${url[$page]}" "${headers[@]}")
      other_all+=("$other_rps") other_cpu+=("$other_us")
      versus+=("$(python3 -c "print(f'{$page_rps / $other_rps:.3f}')")")
    fi
    read -r file_rps file_us < <(measure "$base/bench-$page.html")
    page_all+=("$page_rps") file_all+=("$file_rps") page_cpu+=("$page_us") file_cpu+=("$file_us")
    ratios+=("$(python3 -c "print(f'{$page_rps / $file_rps:.3f}')")")
    cpu_ratios+=("$(python3 -c "print(f'{$file_us / max($page_us, 1):.3f}')")")
  done
  printf '%-14s %8s %10s %10s %7s %9s %9s %7s' "$page" "$bytes" \
    "$(median "${page_all[@]}")" "$(median "${file_all[@]}")" "$(median "${ratios[@]}")" \
    "$(median "${page_cpu[@]}")" "$(median "${file_cpu[@]}")" "$(median "${cpu_ratios[@]}")"
  if [[ -n $compare ]]; then
    printf ' %10s %9s %8s' "$(median "${other_all[@]}")" "$(median "${other_cpu[@]}")" "$(median "${versus[@]}")"
  fi
  printf '   (ratios %s)\n' "${ratios[*]}"
  if [[ -n ${results:-} ]]; then
    key=${page//-/_}
    { echo "page_ratio_$key $(median "${ratios[@]}")"; echo "page_rps_$key $(median "${page_all[@]}")"
      echo "page_file_rps_$key $(median "${file_all[@]}")"; echo "page_bytes_$key $bytes"
      echo "page_cpu_us_$key $(median "${page_cpu[@]}")"; echo "page_file_cpu_us_$key $(median "${file_cpu[@]}")"
    } >>"$results"
  fi
done
if [[ -n ${results:-} ]]; then echo "pages_rounds $rounds" >>"$results"; fi
