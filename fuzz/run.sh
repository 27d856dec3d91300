#!/usr/bin/env bash
# Builds and runs a libFuzzer target. Usage: fuzz/run.sh envelope|expressions|import [seconds] [jobs]
# Seeds live in fuzz/corpus/<target>/ (committed); new inputs go to fuzz/work/<target>/ (ignored);
# crashes are written to fuzz/work/ as crash-*. See docs/testing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: fuzz/run.sh envelope|expressions|import [seconds] [jobs]}"
seconds="${2:-600}"
jobs="${3:-1}"
build="fuzz/work/build"
mkdir -p "$build" "fuzz/work/$target" "fuzz/corpus/$target"
# `package` declarations need a package name; the package's own is its folder's name.
package_name="$(basename "$PWD" | tr '[:upper:]' '[:lower:]')"
flags=(-sanitize=fuzzer,address -parse-as-library -O -g -package-name "$package_name")
# DeskstatBasics (no dependencies), as a module the single-module builds below import.
basics=(-I "$build/modules")
build_basics() {
    mkdir -p "$build/modules"
    swiftc "${flags[@]}" -module-name DeskstatBasics -emit-module -emit-module-path "$build/modules/DeskstatBasics.swiftmodule" \
        -emit-library -static Sources/DeskstatBasics/*.swift -o "$build/libDeskstatBasics.a"
}
case "$target" in
envelope)
    build_basics
    swiftc "${flags[@]}" -module-name ZendeskWire "${basics[@]}" Sources/ZendeskWire/*.swift fuzz/EnvelopeFuzzer.swift \
        "$build/libDeskstatBasics.a" -o "$build/envelope-fuzzer" 2>/dev/null
    binary="$build/envelope-fuzzer" ;;
expressions)
    build_basics
    swiftc "${flags[@]}" -module-name DeskstatFuzz "${basics[@]}" Sources/DeskstatTime/*.swift \
        Sources/DeskstatReport/ReportError.swift Sources/DeskstatReport/Model/*.swift Sources/DeskstatReport/Thresholds/*.swift \
        Sources/DeskstatReport/CharacterClasses.swift \
        fuzz/ExpressionFuzzer.swift "$build/libDeskstatBasics.a" -o "$build/expressions-fuzzer" 2>/dev/null
    binary="$build/expressions-fuzzer" ;;
import)
    # The package's own modules (GRDB, the cache, the importer), built by SwiftPM with the
    # sanitizers into their own build folder, then linked with the fuzz entry point (which reads
    # their `package` API).
    spm=".build-fuzz"
    swift build -c release --sanitize fuzzer --sanitize address --build-path "$spm" --target DeskstatImport
    release="$spm/release"
    objects=()
    for module in DeskstatBasics ZendeskWire DeskstatCache DeskstatImport GRDB; do objects+=("$release/$module.build"/*.o); done
    swiftc "${flags[@]}" -I "$release/Modules" \
        -Xcc -fmodule-map-file=Sources/CSQLite/module.modulemap \
        -Xcc -fmodule-map-file="$spm/checkouts/GRDB.swift/Sources/GRDBSQLite/module.modulemap" \
        fuzz/ImportFuzzer.swift "${objects[@]}" -lsqlite3 -o "$build/import-fuzzer" 2>/dev/null
    binary="$build/import-fuzzer" ;;
*) echo "unknown target $target" >&2; exit 64 ;;
esac
parallel=()
if [ "$jobs" -gt 1 ]; then parallel=(-jobs="$jobs" -workers="$jobs"); fi
exec "$binary" "fuzz/work/$target" "fuzz/corpus/$target" -max_total_time="$seconds" "${parallel[@]}" \
    -artifact_prefix="fuzz/work/" -print_final_stats=1
