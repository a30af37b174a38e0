#!/usr/bin/env bash
# Builds the libFuzzer harnesses in Fuzz/ into .build-fuzz/ and runs each for FUZZ_SECONDS (default 60).
#
# Each harness is compiled by swiftc with -sanitize=fuzzer,address straight from the sources it exercises
# plus the invariant file its seed-replay test shares (Tests/*/…Invariants.swift), so internal types are
# reachable without SwiftPM. Runs start from a temporary copy of Fuzz/corpus/<target>/, so the committed
# seeds never churn. Exit status is non-zero when any harness crashes or breaks an invariant; the crashing
# input is kept under .build-fuzz/artifacts/<target>/ and its path printed.
#
#   FUZZ_SECONDS=120 scripts/fuzz.sh                 # every target
#   FUZZ_TARGETS="host-name markdown" scripts/fuzz.sh
#   scripts/fuzz.sh --build-only
set -euo pipefail
cd "$(dirname "$0")/.."

FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_TARGETS=${FUZZ_TARGETS:-"http-parser url-encoded-form multipart-form host-name markdown"}
OUT=.build-fuzz
SWIFTC=${SWIFTC:-$(command -v swiftc || echo /opt/swift/usr/bin/swiftc)}
TOOLCHAIN_BIN=$(dirname "$(readlink -f "$SWIFTC")")
CLANG=${CLANG:-$TOOLCHAIN_BIN/clang}
BUILD_ONLY=0
[[ "${1:-}" == "--build-only" ]] && BUILD_ONLY=1

FLAGS=(-swift-version 6 -parse-as-library -sanitize=fuzzer,address -O -g)
# gold cannot export ASan's local symbols and warns about each; the toolchain's lld does not.
[[ -x "$TOOLCHAIN_BIN/ld.lld" ]] && FLAGS+=(-use-ld=lld)

http_sources() { ls Sources/HTTP/*.swift; }
templates_sources() { find Sources/Templates -name '*.swift' | sort; }

# Prints the sources of a target, one per line; the harness and its invariants come last.
sources_of() {
    case "$1" in
        http-parser) http_sources; echo Tests/HTTPTests/HTTPParserInvariants.swift Fuzz/HTTPParser/HTTPParserHarness.swift ;;
        url-encoded-form) http_sources; echo Tests/HTTPTests/FormInvariants.swift Fuzz/URLEncodedForm/URLEncodedFormHarness.swift ;;
        multipart-form) http_sources; echo Tests/HTTPTests/MultipartInvariants.swift Fuzz/MultipartForm/MultipartFormHarness.swift ;;
        host-name) echo Sources/Web/Tenancy/HostName.swift Tests/WebTests/HostNameInvariants.swift Fuzz/HostName/HostNameHarness.swift ;;
        markdown) templates_sources; echo Tests/TemplatesTests/MarkdownInvariants.swift Fuzz/Markdown/MarkdownHarness.swift ;;
        *) echo "fuzz: unknown target $1" >&2; return 1 ;;
    esac
}

# Longest input per target: a little above the limits the invariants set, so every 413/414/431 is reachable.
max_len_of() {
    case "$1" in
        http-parser) echo 1024 ;;
        url-encoded-form) echo 2100 ;;
        multipart-form) echo 4200 ;;
        host-name) echo 320 ;;
        markdown) echo 2048 ;;
    esac
}

# HTTP needs the CSystem C target: compile it once and give swiftc a module map for its header.
prepare_csystem() {
    mkdir -p "$OUT/modules/CSystem"
    printf 'module CSystem {\n    header "%s/Sources/CSystem/include/csystem.h"\n    export *\n}\n' "$PWD" \
        >"$OUT/modules/CSystem/module.modulemap"
    if [[ ! "$OUT/csystem.o" -nt Sources/CSystem/csystem.c ]]; then
        "$CLANG" -c -O1 -fPIC -I Sources/CSystem/include Sources/CSystem/csystem.c -o "$OUT/csystem.o"
    fi
}

build() {
    local target=$1 binary=$OUT/bin/$1 sources extra=() module
    mapfile -t sources < <(sources_of "$target" | tr ' ' '\n')
    case "$target" in
        http-parser | url-encoded-form | multipart-form) prepare_csystem; extra=(-I "$OUT/modules/CSystem" "$OUT/csystem.o") ;;
        markdown) extra=(-I Sources/CCMark -lcmark) ;;
    esac
    local newest_is_older=1
    for source in "${sources[@]}"; do [[ "$source" -nt "$binary" ]] && newest_is_older=0; done
    if [[ -x "$binary" && $newest_is_older == 1 && "$0" -ot "$binary" ]]; then return 0; fi
    module=$(echo "$target" | sed -E 's/(^|-)([a-z])/\U\2/g')Fuzz
    echo "fuzz: building $target (${#sources[@]} files)"
    mkdir -p "$OUT/bin"
    "$SWIFTC" "${FLAGS[@]}" -module-name "$module" "${sources[@]}" "${extra[@]}" -o "$binary"
}

run() {
    local target=$1 work status=0 log=$OUT/logs/$1.log artifacts=$OUT/artifacts/$1/
    work=$(mktemp -d "${TMPDIR:-/tmp}/gerbang-fuzz-$target.XXXXXX")
    cp -R "Fuzz/corpus/$target" "$work/corpus"
    mkdir -p "$OUT/logs" "$artifacts"
    echo "fuzz: running $target for ${FUZZ_SECONDS}s (max_len $(max_len_of "$target"))"
    "$OUT/bin/$target" -max_total_time="$FUZZ_SECONDS" -max_len="$(max_len_of "$target")" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts" "$work/corpus" >"$log" 2>&1 || status=$?
    rm -rf "$work"
    grep -E '^#[0-9]+[[:space:]]+DONE|stat::average_exec_per_sec' "$log" | sed "s/^/  $target: /" || true
    if [[ $status != 0 ]]; then
        echo "fuzz: $target FAILED (exit $status); log: $log" >&2
        grep -E 'invariant violated|ERROR: (libFuzzer|AddressSanitizer)|Fatal error' "$log" | head -5 | sed 's/^/  /' >&2 || true
        grep -oE "Test unit written to [^ ]+" "$log" | sed 's/Test unit written to /  crashing input: /' >&2 || true
        return 1
    fi
}

failed=()
for target in $FUZZ_TARGETS; do
    sources_of "$target" >/dev/null
    build "$target"
done
[[ $BUILD_ONLY == 1 ]] && exit 0
for target in $FUZZ_TARGETS; do
    run "$target" || failed+=("$target")
done
if ((${#failed[@]})); then
    echo "fuzz: failures in ${failed[*]}" >&2
    exit 1
fi
echo "fuzz: all targets ran ${FUZZ_SECONDS}s without a crash or a broken invariant"
