#!/usr/bin/env bash
# The long crash-safety run of issue 7: `warehouse ingest`, `issue`, `backfill` and `serve` killed with SIGKILL
# CRASH_KILLS times in all (default 200, shared by the four), each kill aimed at a random write (a file half
# received, blobs placed before their rows, a WAL append, a sealed PDF, an upload) or a random moment, then
# started again; after each kill the warehouse is inspected, at the end it must equal runs never interrupted.
# `make test` runs the same tests with 14 kills. Replay a run with CRASH_SEED=<the seed it printed>.
#
#   bash bench/crash_harness.sh                 # 200 kills, about 30-60 min on 2 cores
#   CRASH_KILLS=60 bash bench/crash_harness.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export OMP_THREAD_LIMIT=1
export CRASH_KILLS=${CRASH_KILLS:-200}
export CRASH_REPORT=${CRASH_REPORT:-$(mktemp /tmp/crash-report-XXXXXX.txt)}
: > "$CRASH_REPORT"
swift build --build-tests
status=0
swift test --skip-build --filter CrashSafetyTests || status=$?
echo
echo "== crash-safety report ($CRASH_KILLS kills asked for) =="
cat "$CRASH_REPORT"
awk '{ for (i = 1; i <= NF; i++) if ($(i+1) == "kill(s)") k += $i } END { print "kills in all: " k }' "$CRASH_REPORT"
exit $status
