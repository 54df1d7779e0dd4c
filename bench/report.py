#!/usr/bin/env python3
"""The table at the end of bench/run.sh, against the budgets in BENCHMARKS.md.

    bench/report.py RESULTS SMOKE USERS LOAD_TIME

RESULTS holds "key value" lines. A full run (SMOKE false) also rewrites BENCHMARKS.md.
"""
import datetime
import os
import subprocess
import sys

results_path, smoke, users, load_time = sys.argv[1], sys.argv[2] == "true", sys.argv[3], sys.argv[4]
values = {}
for line in open(results_path):
    key, _, value = line.strip().partition(" ")
    values[key] = value


def num(key):
    return float(values[key]) if key in values else None


def row(what, figure, budget, ok):
    mark = "" if ok is None else ("yes" if ok else "**no**")
    return (what, figure, budget, mark)


rows = []
wasm, css = num("wasm_js"), num("css")
rows.append(row("WASM + JS shipped (brotli)", f"{wasm / 1024:.1f} KB", "≤ 180 KB (target 150)", wasm <= 180 * 1024))
rows.append(row("CSS (brotli)", f"{css / 1024:.1f} KB", "≤ 20 KB", css <= 20 * 1024))
rows.append(row("Cold start to ready (SQLite)", f"{num('cold_start_ms'):.0f} ms", "≤ 1 s", num("cold_start_ms") <= 1000))
rows.append(row("Idle RSS", f"{num('rss_idle'):.1f} MB", "≤ 30 MB", num("rss_idle") <= 30))
ratio = num("ratio")
rows.append(row(
    f"Trip page (20 activities, {num('page_bytes'):.0f} B) vs static file, same process",
    f"{num('page_rps'):.0f} vs {num('file_rps'):.0f} req/s = {ratio:.3f}",
    "≥ 0.25",
    ratio >= 0.25,
))
rows.append(row(
    "Open loop 1,000 req/s on the trip page",
    f"{num('open_rps'):.0f} req/s achieved, p99 {num('open_p99'):.2f} ms, {num('open_errors'):.0f} errors",
    "p99 ≤ 20 ms, 0 errors",
    num("open_p99") <= 20 and num("open_errors") == 0,
))
names = {
    "sqlite": "SQLite",
    "postgres": "PostgreSQL",
    "instances": "two instances behind nginx (PostgreSQL), both restarted during it",
}
for db, name in names.items():
    if f"load_{db}_requests" not in values:
        continue
    p95, errors, lost = num(f"load_{db}_p95_ms"), num(f"load_{db}_errors"), num(f"load_{db}_lost")
    rows.append(row(
        f"Load, {users} travelers, {load_time}, {name}",
        f"{num(f'load_{db}_requests'):.0f} requests ({num(f'load_{db}_rps'):.0f}/s), {errors:.0f} errors, "
        f"p50 {num(f'load_{db}_p50_ms'):.1f} / p95 {p95:.1f} / p99 {num(f'load_{db}_p99_ms'):.1f} ms",
        "0 errors, p95 ≤ 50 ms",
        errors == 0 and p95 <= 50,
    ))
    rows.append(row(
        f"Lost writes, {name}",
        f"{lost:.0f} of {num(f'load_{db}_writes'):.0f} acknowledged",
        "0",
        lost == 0,
    ))
    rss = num(f"rss_load_{db}")
    if rss is not None:
        rows.append(row(f"RSS after the load, {name}", f"{rss:.1f} MB", "≤ 150 MB", rss <= 150))
if "instances_out_ms_one" in values:
    rows.append(row(
        "Rolling restart behind nginx: SIGTERM to back in rotation",
        f"first instance {num('instances_out_ms_one') / 1000:.1f} s, second {num('instances_out_ms_two') / 1000:.1f} s "
        "(5 s drain, start, nginx's 3 s fail_timeout)",
        "0 failed requests (row above)",
        num("instances_failures") == 0,
    ))
for db, name in [("sqlite", "SQLite"), ("postgres", "PostgreSQL, streams on a second instance")]:
    if f"live_{db}_p99_ms" not in values:
        continue
    p99, missed = num(f"live_{db}_p99_ms"), num(f"live_{db}_missed")
    rows.append(row(
        f"Live updates, 200 streams, 10 changes/s, {name}",
        f"p50 {num(f'live_{db}_p50_ms'):.1f} / p99 {p99:.1f} ms, {missed:.0f} missed; "
        f"{num(f'live_{db}_rss_kib_per_stream'):.0f} KiB RSS per stream",
        "every change to every stream, p99 ≤ 100 ms",
        missed == 0 and p99 <= 100,
    ))
for target, label in [("trips", "/trips"), ("trip", "the trip page")]:
    if f"lh_{target}_score" not in values:
        continue
    score = num(f"lh_{target}_score")
    lcp, cls, tbt = num(f"lh_{target}_lcp_ms"), num(f"lh_{target}_cls"), num(f"lh_{target}_tbt_ms")
    rows.append(row(
        f"Lighthouse mobile, {label} (median of 3 runs)",
        f"performance {score:.0f}, accessibility {num(f'lh_{target}_a11y'):.0f}; "
        f"LCP {lcp / 1000:.2f} s, CLS {cls:.3f}, TBT {tbt:.0f} ms",
        "≥ 95; LCP < 1.5 s, CLS < 0.05, TBT < 100 ms",
        score >= 95 and lcp < 1500 and cls < 0.05 and tbt < 100,
    ))

# bench/pages.sh: each page against a static file of its size (median of its rounds).
for key in [key for key in values if key.startswith("page_ratio_")]:
    page = key.removeprefix("page_ratio_")
    ratio = num(key)
    rows.append(row(
        f"Page {page.replace('_', '-')} ({num(f'page_bytes_{page}'):.0f} B) vs a same-size static file "
        f"(median of {num('pages_rounds'):.0f})",
        f"{num(f'page_rps_{page}'):.0f} vs {num(f'page_file_rps_{page}'):.0f} req/s = {ratio:.3f}"
        f" (server CPU {num(f'page_cpu_us_{page}'):.0f} vs {num(f'page_file_cpu_us_{page}'):.0f} µs a request)",
        "≥ 0.40",
        ratio >= 0.40,
    ))

# bench/big-account.sh: 5,000 trips and a trip of 1,000 activities, against a small account.
# Reported, not judged (shared machines): the list's first page is read from an index in order
# (~2x a one-trip account's p99 at 5,000 trips); the 1,000-activity trip page is 2 MB.
for page, label in [("trips", "/trips page 1"), ("trips_last", "/trips last page"), ("trip", "trip page (1,000 activities)"),
                    ("day", "day page (100 activities)"), ("api", "GET /api/v1/trips")]:
    big = f"big_account_big_{page}"
    if f"{big}_p99_ms" not in values:
        continue
    small = f"big_account_small_{page}_p99_ms"
    figure = f"p50 {num(f'{big}_p50_ms'):.2f} / p99 {num(f'{big}_p99_ms'):.2f} ms, {num(f'{big}_rps'):.0f} req/s"
    if small in values:
        figure += f"; small account p99 {num(small):.2f} ms = {num(f'{big}_p99_ms') / max(num(small), 0.01):.1f}×"
    rows.append(row(
        f"Big account (5,000 trips), {label}",
        figure,
        "reported",
        None,
    ))

if "pitr_restore_ms" in values:
    # bench/pitr.sh fails the run when the restore is wrong; a row here means it was right.
    rows.append(row(
        "Point-in-time recovery, PostgreSQL (bench/pitr.sh)",
        f"restored to the noted time in {num('pitr_restore_ms') / 1000:.1f} s: earlier rows there, later ones not",
        "earlier rows there, later ones not",
        True,
    ))

table = ["| what | figure | budget | within |", "|---|---|---|---|"]
table += [f"| {what} | {figure} | {budget} | {mark} |" for what, figure, budget, mark in rows]

cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "unknown")
machine = f"{os.cpu_count()} cores, {cpu}"
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
print()
print(f"{'Smoke run' if smoke else 'Benchmarks'}: {when}, commit {commit}, {machine}")
print("\n".join(table))

if not smoke:
    doc = open("BENCHMARKS.md").read() if os.path.exists("BENCHMARKS.md") else ""
    marker = "<!-- bench/run.sh writes below this line -->"
    head = doc.split(marker)[0] if marker in doc else (
        "# Benchmarks\n\n`make bench` (bench/run.sh) measures these; the budgets are below, and "
        "how each is measured.\n\n"
    )
    body = f"{marker}\n\n## Latest run\n\n{when}, commit `{commit}`, {machine}.\n\n" + "\n".join(table) + "\n"
    open("BENCHMARKS.md", "w").write(head + body)
    print("\nBENCHMARKS.md updated.")

# A write the server acknowledged and then lost is a bug, not noise: the run fails on it.
lost_writes = [db for db in ("sqlite", "postgres", "instances") if f"load_{db}_lost" in values and num(f"load_{db}_lost") != 0]
if lost_writes:
    print(f"\nlost writes on {', '.join(lost_writes)}", file=sys.stderr)
    sys.exit(1)
