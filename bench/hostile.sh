#!/usr/bin/env bash
# Memory under hostile input: the server's RSS before and after 2,000 requests with made-up
# 4 KB method names, then before and after 2,000 log-in attempts with distinct 100 KB addresses
# and two rounds of 2,000 with distinct plausible ones. Nothing a client sends may be kept (metric labels,
# limiter keys): RSS must stay within a few MB. Prints one line per step.
#   bench/hostile.sh [BINARY]      (default target/release/travel-planner)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/start-server.sh
binary=${1:-target/release/travel-planner}
start_server "$binary" RATE_LIMIT_PER_MINUTE=1000000 AUTH_ATTEMPTS_PER_IP_PER_MINUTE=10000 \
  RATE_LIMIT_PER_ADDRESS_PER_MINUTE=10000000

rss() { awk '/^VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$server/status"; }

python3 - "$base" "$server" <<'EOF'
import http.client, os, random, string, sys, urllib.parse

base, pid = sys.argv[1], sys.argv[2]
host, port = base.removeprefix("http://").split(":")

def rss():
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
    return 0.0

def send(method, path, body=None, headers=None):
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status

def word(n):
    return "".join(random.choice(string.ascii_uppercase) for _ in range(n))

# Warm up: the first requests allocate what every later one reuses.
for _ in range(200):
    send("GET", "/healthz")
    send("GET", "/login")

before = rss()
for _ in range(2000):
    send(word(4096), "/healthz")
after = rss()
print(f"made-up methods: RSS {before:.1f} MB -> {after:.1f} MB after 2,000 requests ({after - before:+.1f} MB)")

form = {"content-type": "application/x-www-form-urlencoded", "accept": "application/json"}
before = rss()
for n in range(2000):
    email = f"{n}{word(100_000).lower()}@example.com"
    body = urllib.parse.urlencode({"email": email, "password": "not the password"})
    send("POST", "/api/auth/log_in", body, form)
after = rss()
print(f"100 KB addresses: RSS {before:.1f} MB -> {after:.1f} MB after 2,000 log-ins ({after - before:+.1f} MB)")

# Each log-in with a plausible address runs argon2 (19 MiB of working memory per hash, two at a
# time), which the allocator keeps for the next ones: a first round settles that, the second
# shows what the 2,000 new limiter keys cost.
for label in ("distinct addresses (first round, argon2's working memory)", "distinct addresses (second round)"):
    before = rss()
    for n in range(2000):
        email = f"guess-{n}-{word(12).lower()}@example.com"
        body = urllib.parse.urlencode({"email": email, "password": "not the password"})
        send("POST", "/api/auth/log_in", body, form)
    after = rss()
    print(f"{label}: RSS {before:.1f} MB -> {after:.1f} MB after 2,000 log-ins ({after - before:+.1f} MB)")
EOF
