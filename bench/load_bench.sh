#!/usr/bin/env bash
# Load benchmark, run by hand: GET /api/me/documents of a citizen, in a warehouse of
# 1 000 owners × 20 documents, with wrk at 64 connections; prints requests/s and p99 latency.
# Three runs on the same data:
#   1. one citizen (`an`), as the issue asks: lists come from the personal-store cache;
#   2. all 999 other citizens in turn (a wrk Lua script rotates their session cookies), cache on;
#   3. one citizen with `serve --store-cache 0`: every list is read from SQLite and encoded, the cold path.
#
# Usage: bash bench/load_bench.sh            (env: BIN=path/to/warehouse, DURATION=20s, CONNECTIONS=64,
#                                             THREADS=2, OWNERS=1000, DOCUMENTS=20, KEEP=1 keeps the storage,
#                                             PROFILE=1 samples the server with perf during the run)
#
# Steps: a fresh storage directory under /tmp; `warehouse serve --demo` once creates the schema and the
# demo accounts (citizen `an` owns the party of 038090012345); the server is stopped and
# bench/fill_warehouse.py inserts the owners, documents, fields and results with sqlite3 (no OCR; the
# blob bytes are not on disk, the list never reads them); the server is started again, `an` signs in
# with curl, the list is checked to hold 20 documents, then wrk runs against it. Loopback only.
# Every request also appends an entry to the hash-chained access log: that is by design and measured.
# Needs: wrk (Debian package `wrk`), curl, python3. Uses the release binary when it exists and has
# `serve` (swift build -c release --scratch-path .build-release), else the debug one, and says which.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
OWNERS=${OWNERS:-1000}
DOCUMENTS=${DOCUMENTS:-20}
CITIZEN=an
PASSWORD=nguyen-van-an-1990
OWNER_ID=038090012345

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 3; }
command -v curl >/dev/null || { echo "curl is missing: apt-get install -y curl" >&2; exit 3; }

has_serve() { [ -x "$1" ] && "$1" --help 2>/dev/null | grep -Eq '^ +serve +'; }
if [ -n "${BIN:-}" ]; then
    has_serve "$BIN" || { echo "$BIN has no serve command" >&2; exit 3; }
    KIND="given"
elif has_serve "$ROOT/.build-release/release/warehouse"; then
    BIN="$ROOT/.build-release/release/warehouse"; KIND="release"
elif has_serve "$ROOT/.build/release/warehouse"; then
    BIN="$ROOT/.build/release/warehouse"; KIND="release"
elif has_serve "$ROOT/.build/debug/warehouse"; then
    BIN="$ROOT/.build/debug/warehouse"; KIND="DEBUG (no release binary with serve: numbers are pessimistic)"
else
    echo "no warehouse binary with serve: swift build -c release --scratch-path .build-release" >&2; exit 3
fi
echo "binary: $BIN ($KIND)"

STORAGE=$(mktemp -d /tmp/warehouse-load-bench.XXXXXX)
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
SERVER_PID=""

stop_server() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}
cleanup() {
    stop_server
    if [ "${KEEP:-0}" = 1 ]; then echo "storage kept in $STORAGE"; else rm -rf "$STORAGE"; fi
}
trap cleanup EXIT INT TERM

start_server() {
    "$BIN" serve --storage "$STORAGE" --host 127.0.0.1 --port "$PORT" "$@" >>"$STORAGE/server.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 600); do
        if curl -fsS -o /dev/null "$BASE/health" 2>/dev/null; then return 0; fi
        kill -0 "$SERVER_PID" 2>/dev/null || { echo "the server stopped:" >&2; tail -20 "$STORAGE/server.log" >&2; exit 1; }
        sleep 0.1
    done
    echo "the server did not answer /health within 60 s" >&2; tail -20 "$STORAGE/server.log" >&2; exit 1
}

# 1. Schema and demo accounts (bcrypt done by the binary), then stop.
start_server --demo
stop_server

# 2. Bulk data, no OCR.
python3 "$ROOT/bench/fill_warehouse.py" "$STORAGE/warehouse.sqlite" --owners "$OWNERS" --documents "$DOCUMENTS" \
    --include-owner "$OWNER_ID" --sessions "$STORAGE/tokens.txt" 2>&1 || { ls "$STORAGE" >&2; exit 1; }
{
    echo "tokens = {"; sed 's/.*/  "&",/' "$STORAGE/tokens.txt"; echo "}"
    cat <<'LUA'
-- Each request signs in as the next citizen: spreads the load over every personal store.
local i = math.random(#tokens)
request = function()
  i = i % #tokens + 1
  return wrk.format("GET", "/api/me/documents", { ["Cookie"] = "wh_session=" .. tokens[i] })
end
LUA
} >"$STORAGE/rotate.lua"

# 3. Serve, sign in, check the list.
start_server
JAR="$STORAGE/cookies.txt"
STATUS=$(curl -sS -o /dev/null -w '%{http_code}' -c "$JAR" --data-urlencode "username=$CITIZEN" --data-urlencode "password=$PASSWORD" "$BASE/login")
[ "$STATUS" = 303 ] || { echo "sign-in answered $STATUS, not 303" >&2; exit 1; }
TOKEN=$(awk '$6 == "wh_session" { print $7 }' "$JAR")
[ -n "$TOKEN" ] || { echo "no wh_session cookie after sign-in" >&2; exit 1; }
COOKIE="Cookie: wh_session=$TOKEN"
curl -fsS -H "$COOKIE" "$BASE/api/me/documents" -o "$STORAGE/list.json"
COUNT=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' "$STORAGE/list.json")
[ "$COUNT" = "$DOCUMENTS" ] || { echo "the list has $COUNT documents, expected $DOCUMENTS" >&2; exit 1; }
echo "signed in as $CITIZEN; /api/me/documents: $COUNT documents, $(wc -c <"$STORAGE/list.json") bytes of JSON"

# One request at a time first: the floor under the latency.
python3 - "$BASE/api/me/documents" "$TOKEN" <<'EOF'
import statistics, sys, time, http.client, urllib.parse
url, token = urllib.parse.urlsplit(sys.argv[1]), sys.argv[2]
conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
times = []
for i in range(200):
    t = time.perf_counter()
    conn.request("GET", url.path, headers={"Cookie": f"wh_session={token}"})
    r = conn.getresponse(); r.read()
    assert r.status == 200, r.status
    times.append((time.perf_counter() - t) * 1000)
times.sort()
print(f"sequential, 1 connection, 200 requests: median {statistics.median(times):.2f} ms, p99 {times[197]:.2f} ms")
EOF

# 4. Load: a short warm-up, then the measured run, for each scenario.
SECONDS_LIMIT=$(( $(echo "$DURATION" | tr -dc '0-9') + 60 ))
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat"; }
SUMMARY="$STORAGE/summary.txt"
: >"$SUMMARY"
run_wrk() {  # LABEL [wrk options…]
    local label=$1; shift
    wrk -t"$THREADS" -c"$CONNECTIONS" -d3s "$@" >/dev/null
    local logged_before cpu_before cpu_after
    logged_before=$(logged)
    cpu_before=$(cpu_ticks)
    timeout "$SECONDS_LIMIT" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency "$@" >"$STORAGE/wrk.txt" &
    local wrk_pid=$!
    if [ "${PROFILE:-0}" = 1 ] && command -v perf >/dev/null; then
        # PROFILE=1: sample the server for 10 s in the middle of the run (perf: Debian package linux-perf).
        sleep 3
        perf record -q -F 499 -g -o "$STORAGE/perf-${label%% *}.data" -p "$SERVER_PID" -- sleep 10 >/dev/null 2>&1 || true
    fi
    wait "$wrk_pid"
    cpu_after=$(cpu_ticks)
    echo; echo "== $label"; cat "$STORAGE/wrk.txt"
    python3 - "$label" "$cpu_before" "$cpu_after" "$(getconf CLK_TCK)" "$STORAGE/wrk.txt" "$logged_before" "$(logged)" >>"$SUMMARY" <<'PY'
import os, re, sys
label, before, after, tck, path, log0, log1 = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], int(sys.argv[6]), int(sys.argv[7])
text = open(path).read()
m = re.search(r"(\d+) requests in ([\d.]+)(m?s)", text)
n, secs = int(m.group(1)), float(m.group(2)) * (0.001 if m.group(3) == "ms" else 1)
rps = re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)
p50 = re.search(r"^\s+50%\s+(\S+)", text, re.M).group(1)
p99 = re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1)
errors = "; ".join(l.strip() for l in text.splitlines() if "Non-2xx" in l or "Socket errors" in l) or "none"
cpu = (after - before) / tck
print(f"{label}\n    requests/s {rps}   p50 {p50}   p99 {p99}   errors: {errors}\n"
      f"    server CPU {cpu:.1f} s in {secs:.1f} s ({cpu / secs:.2f} of {os.cpu_count()} cores, shared with wrk), "
      f"{cpu / max(n, 1) * 1000:.3f} ms of CPU per request; access-log entries written {log1 - log0} (requests {n})")
PY
}
logged() {
    python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT COUNT(*) FROM accessLog").fetchone()[0])' \
        "$STORAGE/warehouse-access-log.sqlite"
}

run_wrk "1. one citizen ($CITIZEN), personal-store cache on" -H "$COOKIE" "$BASE/api/me/documents"
run_wrk "2. $(wc -l <"$STORAGE/tokens.txt") citizens in turn, cache on" -s "$STORAGE/rotate.lua" "$BASE/api/me/documents"
stop_server
start_server --store-cache 0
run_wrk "3. one citizen ($CITIZEN), cache off (--store-cache 0): every list read from SQLite" -H "$COOKIE" "$BASE/api/me/documents"

echo
echo "== GET /api/me/documents, $OWNERS owners × $DOCUMENTS documents, $CONNECTIONS connections, $THREADS wrk threads, $DURATION each, $KIND binary (target: p99 under 20 ms)"
cat "$SUMMARY"
for data in "$STORAGE"/perf-*.data; do
    [ -f "$data" ] || continue
    echo
    echo "== where the server spends its time, run $(basename "$data" .data | sed 's/perf-//') (perf, self time, top 25)"
    perf report -i "$data" --no-children --stdio --sort dso,symbol 2>/dev/null | grep -E '^ +[0-9.]+%' | head -25
done
