#!/usr/bin/env bash
# Fuzzes the JSON API with schemathesis against its own OpenAPI description: every operation,
# logged in with a real access token, every check — no server errors, responses that match the
# schema, documented statuses, content types and headers, schema-invalid input rejected,
# schema-valid input accepted, ignored auth, resources available after creation and gone after
# deletion. scripts/schemathesis.toml lists the operations whose rules JSON Schema cannot state
# (rules across fields, or about what is stored), where valid-looking input may rightly be a
# 422; docs/api.md lists them for clients.
#
#   scripts/api-fuzz.sh [BINARY]     default target/release/travel-planner
#   SCHEMATHESIS_EXAMPLES=200 SCHEMATHESIS_SEED=7 scripts/api-fuzz.sh
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-target/release/travel-planner}
examples=${SCHEMATHESIS_EXAMPLES:-50}
seed=${SCHEMATHESIS_SEED:-20261129}
st=tools/schemathesis/bin/st
[[ -x $st ]] || scripts/setup.sh --test

source scripts/start-server.sh
start_server "$binary" RATE_LIMIT_PER_MINUTE=1000000 RATE_LIMIT_PER_ADDRESS_PER_MINUTE=10000000 AUTH_ATTEMPTS_PER_IP_PER_MINUTE=10000 \
  FAILED_LOGINS_PER_ACCOUNT_PER_HOUR=100
token=$(api_token fuzz@example.org)

# One worker. The stateful phase chains requests (create, then read or change what was made,
# drawing also on what the earlier phases made) and checks each answer against the chain before
# it. With two workers both draw on the same trips of the one account and one worker's requests
# land inside the other's chain: inviting an address again replaces its open invitation, so the
# first chain's "resend" rightly answers 404 and the check takes it for a lost resource.
# Requests racing each other are the load tests' job (bench/).
status=0
"$st" --config-file scripts/schemathesis.toml run "$base/api/v1/openapi.json" \
  --header "Authorization: Bearer $token" \
  --max-examples "$examples" --seed "$seed" --workers 1 | tee "$work/report.txt" || status=$?

# The figures for the record: operations, test cases, failures.
operations=$(grep -oE 'Tested: [0-9]+' "$work/report.txt" | grep -oE '[0-9]+' || echo "?")
cases=$(grep -oE '[0-9]+ generated' "$work/report.txt" | grep -oE '[0-9]+' || echo "?")
failures=$(grep -oE 'found [0-9]+ unique failures?' "$work/report.txt" | grep -oE '[0-9]+' || echo 0)
echo "schemathesis: $operations operations, $cases test cases, $failures failures (seed $seed)"
if grep -qiE 'panicked|SELECT |INSERT |UPDATE ' "$work/server.log"; then
  echo "the server logged a panic or SQL while being fuzzed:" >&2
  grep -iE 'panicked|SELECT |INSERT |UPDATE ' "$work/server.log" | head >&2
  status=1
fi
exit $status
