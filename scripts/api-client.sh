#!/usr/bin/env bash
# Generates a TypeScript client from the running server's OpenAPI description
# (openapi-typescript), type-checks a client's journey against it (tsc) and runs it against the
# server (openapi-fetch): sign up, create a trip and retry it with its Idempotency-Key, add,
# move, read, edit with If-Match, list by the Link header, delete, log out. A description a
# generator refuses, or that does not match the server, fails here.
#
#   scripts/api-client.sh [BINARY]     default target/release/travel-planner
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-target/release/travel-planner}
client=tools/api-client
[[ -x $client/node_modules/.bin/openapi-typescript ]] || scripts/setup.sh --test

source scripts/start-server.sh
start_server "$binary"

rm -rf $client/generated $client/build
mkdir -p $client/generated
curl -fsS "$base/api/v1/openapi.json" -o $client/generated/openapi.json
(cd $client && npx openapi-typescript generated/openapi.json -o generated/schema.d.ts && npx tsc -p .)
node $client/build/journey.js "$base" "$work/outbox"
