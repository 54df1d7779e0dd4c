#!/usr/bin/env bash
# What a browser downloads, brotli-compressed as served (cargo-leptos writes the .br files in a
# release build with -P): WASM + JS against the 180 KB budget, CSS against 20 KB
# (BENCHMARKS.md). Exits 1 when a budget is missed.
#
#   bench/sizes.sh        after `cargo leptos build --release -P`
set -euo pipefail
cd "$(dirname "$0")/.."
pkg=target/site/pkg
size() { # the newest brotli file of a kind
  local file
  file=$(ls -t "$pkg"/*."$1".br 2>/dev/null | head -1)
  [[ -n $file ]] || { echo "no $pkg/*.$1.br: run cargo leptos build --release -P first" >&2; exit 1; }
  stat -c %s "$file"
}
wasm=$(size wasm) js=$(size js) css=$(size css)
code=$((wasm + js))
status=0
printf '%-14s %9s bytes\n' "WASM (brotli)" "$wasm" "JS (brotli)" "$js"
verdict() { (( $2 <= $3 )) && echo "within $3" || { echo "OVER the $3 budget"; status=1; }; }
printf '%-14s %9s bytes  %s\n' "WASM + JS" "$code" "$(verdict code "$code" 184320)"
printf '%-14s %9s bytes  %s\n' "CSS (brotli)" "$css" "$(verdict css "$css" 20480)"
(( code <= 184320 && css <= 20480 )) || status=1
exit $status
