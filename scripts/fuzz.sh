#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/) with clang, ASan and UBSan in build-fuzz/ and runs each
# for SECONDS seconds (default 12, so about a minute for all five). Long runs: scripts/fuzz.sh 3600.
# Exits non-zero when a target crashes, hangs (10 s per input), leaks or breaks an invariant; the
# input that did it is left in build-fuzz/artifacts/. Inputs that reach new code are kept in
# build-fuzz/corpus/<target>/ between runs; copy the useful ones to tests/fuzz/corpus/<target>/.
#
# Optional second argument: one target to run (fuzz_html, fuzz_feed, fuzz_text, fuzz_time, fuzz_coder).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-12}"
only="${2:-}"
targets=(fuzz_html fuzz_feed fuzz_text fuzz_time fuzz_coder)
if [ -n "$only" ]; then
    targets=("$only")
fi
jobs="$(nproc 2>/dev/null || echo 2)"

if ! command -v clang++ >/dev/null 2>&1; then
    echo "fuzz.sh: clang++ is missing (Debian packages clang and libclang-rt-14-dev)" >&2
    exit 1
fi
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" \
    -DENTENTE_FUZZ=ON -DENTENTE_CORE_ONLY=ON -DENTENTE_BUILD_TESTS=OFF >/dev/null
cmake --build build-fuzz -j "$jobs" --target "${targets[@]}"

mkdir -p build-fuzz/artifacts
export QT_LOGGING_RULES="*.debug=false;*.warning=false"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
failed=()
for t in "${targets[@]}"; do
    corpus="build-fuzz/corpus/$t"
    mkdir -p "$corpus"
    case "$t" in
        fuzz_html|fuzz_feed) max_len=16384 ;;
        *) max_len=4096 ;;
    esac
    # The HTML fixtures of the test suite are seeds for the HTML target too (not copied here).
    extra=()
    [ "$t" = fuzz_html ] && extra=(tests/data/html)
    echo "== $t: ${seconds} s"
    # The first folder receives new inputs; the committed seeds are read only.
    if ! "build-fuzz/tests/fuzz/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
        -max_len="$max_len" -print_final_stats=1 -artifact_prefix="build-fuzz/artifacts/$t-" \
        "$corpus" "tests/fuzz/corpus/$t" "${extra[@]}" >"build-fuzz/$t.log" 2>&1; then
        failed+=("$t")
        grep -E "ERROR|SUMMARY|invariant|Test unit written|==[0-9]+==" "build-fuzz/$t.log" | head -20 >&2 || true
        echo "   full log: build-fuzz/$t.log" >&2
    fi
    grep -E "stat::number_of_executed_units|stat::new_units_added" "build-fuzz/$t.log" | tr -s ' ' | sed 's/^/   /' || true
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz.sh: ${failed[*]} failed; reproduce with build-fuzz/tests/fuzz/TARGET build-fuzz/artifacts/FILE," \
        "then keep the input in tests/fuzz/regressions/TARGET/ (docs/reliability.md)" >&2
    exit 1
fi
echo "fuzz.sh: no crash in ${#targets[@]} target(s), ${seconds} s each"
