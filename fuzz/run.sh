#!/usr/bin/env bash
# Builds and runs a libFuzzer target. Usage: fuzz/run.sh envelope|expressions [seconds] [jobs]
# Seeds live in fuzz/corpus/<target>/ (committed); new inputs go to fuzz/work/<target>/ (ignored);
# crashes are written to fuzz/work/ as crash-*. See docs/testing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: fuzz/run.sh envelope|expressions [seconds] [jobs]}"
seconds="${2:-600}"
jobs="${3:-1}"
build="fuzz/work/build"
mkdir -p "$build" "fuzz/work/$target" "fuzz/corpus/$target"
flags=(-sanitize=fuzzer,address -parse-as-library -O -g)
case "$target" in
envelope)
    swiftc "${flags[@]}" -module-name ZendeskWire Sources/ZendeskWire/*.swift fuzz/EnvelopeFuzzer.swift \
        -o "$build/envelope-fuzzer" 2>/dev/null
    binary="$build/envelope-fuzzer" ;;
expressions)
    swiftc "${flags[@]}" -module-name DeskstatFuzz Sources/DeskstatTime/*.swift \
        Sources/DeskstatReport/ReportError.swift Sources/DeskstatReport/Model/*.swift Sources/DeskstatReport/Thresholds/*.swift \
        Sources/DeskstatReport/Render/NumberText.swift Sources/DeskstatReport/CharacterClasses.swift \
        fuzz/ExpressionFuzzer.swift -o "$build/expressions-fuzzer" 2>/dev/null
    binary="$build/expressions-fuzzer" ;;
*) echo "unknown target $target" >&2; exit 64 ;;
esac
parallel=()
if [ "$jobs" -gt 1 ]; then parallel=(-jobs="$jobs" -workers="$jobs"); fi
exec "$binary" "fuzz/work/$target" "fuzz/corpus/$target" -max_total_time="$seconds" "${parallel[@]}" \
    -artifact_prefix="fuzz/work/" -print_final_stats=1
