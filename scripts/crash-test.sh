#!/usr/bin/env bash
# Runs the crash tests (SIGKILL during import and sync) with more kills than CI does.
#
#   scripts/crash-test.sh                 # 200 kills each, a fresh random seed
#   scripts/crash-test.sh 1000 12345      # 1000 kills each, seed 12345 (a failure prints its seed)
#
# Environment: SCRATCH (build folder, default .build), DESKSTAT_CRASH_SYNC_CHAINS (parallel
# sync chains, default 20), DESKSTAT_CRASH_IMPORT_PER_PAGE (records per import file).
set -euo pipefail
cd "$(dirname "$0")/.."

kills="${1:-200}"
seed="${2:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}"
scratch="${SCRATCH:-.build}"

export DESKSTAT_CRASH_IMPORT_KILLS="$kills"
export DESKSTAT_CRASH_SYNC_KILLS="$kills"
export DESKSTAT_CRASH_SYNC_CHAINS="${DESKSTAT_CRASH_SYNC_CHAINS:-20}"
export DESKSTAT_CRASH_SEED="$seed"

echo "crash-test: $kills kills during import and during sync, seed $seed (rerun: $0 $kills $seed)"
swift build --build-tests --scratch-path "$scratch"
log="$(mktemp)"
status=0
swift test --skip-build --scratch-path "$scratch" --filter 'ImportCrashTests|SyncCrashTests' 2>&1 | tee "$log" || status=$?
grep '\[reliability\]' "$log" || true
rm -f "$log"
if [ "$status" -ne 0 ]; then
    echo "crash-test: FAILED (seed $seed)"
    exit "$status"
fi
echo "crash-test: passed (seed $seed)"
