#!/usr/bin/env bash
# Copies Leaflet from the npm package pinned in tools/package.json into the site's public
# folder, where the map pages load it from this server (no CDN). The map draws its markers
# itself, so Leaflet's images are not copied.
#   scripts/vendor-leaflet.sh          copy (after changing the version in tools/package.json)
#   scripts/vendor-leaflet.sh --check  fail when the copy differs from the package
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(python3 -c 'import json; print(json.load(open("tools/package.json"))["devDependencies"]["leaflet"])')
from=tools/node_modules/leaflet
to=public/vendor/leaflet-$version
[[ -f $from/dist/leaflet.js ]] || { echo "run scripts/setup.sh first (Leaflet is not installed in tools/)" >&2; exit 1; }
if [[ ${1:-} == --check ]]; then
  for file in leaflet.js leaflet.css; do cmp -s "$from/dist/$file" "$to/$file" || { echo "$to/$file differs from the npm package" >&2; exit 1; }; done
  cmp -s "$from/LICENSE" "$to/LICENSE" || { echo "$to/LICENSE differs from the npm package" >&2; exit 1; }
  echo "public/vendor/leaflet-$version matches the npm package"
  exit 0
fi
rm -rf public/vendor/leaflet-*
mkdir -p "$to"
cp "$from/dist/leaflet.js" "$from/dist/leaflet.css" "$from/LICENSE" "$to/"
echo "copied Leaflet $version into $to"
