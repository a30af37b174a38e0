#!/usr/bin/env bash
# Builds the libFuzzer harnesses in Fuzz/ into .build-fuzz/ and runs each for FUZZ_SECONDS (default 60).
#
# Each harness is compiled by swiftc with -sanitize=fuzzer,address straight from the sources it exercises
# plus the invariant file its seed-replay test shares (Tests/*/…Invariants.swift), so internal types are
# reachable without SwiftPM. The `application` harness drives whole requests through the parser and
# `Application` against PostgreSQL: it builds HTTP, Postgres, Templates and Web as separate modules
# (testing enabled, instrumented too) and runs against a throwaway cluster (scripts/pg.sh) migrated
# and loaded with the demo tenants, with Fuzz/application.dict as its dictionary. Runs start from a temporary copy of Fuzz/corpus/<target>/, so the committed
# seeds never churn. Exit status is non-zero when any harness crashes or breaks an invariant; the crashing
# input is kept under .build-fuzz/artifacts/<target>/ and its path printed.
#
#   FUZZ_SECONDS=120 scripts/fuzz.sh                 # every target
#   FUZZ_TARGETS="host-name markdown" scripts/fuzz.sh
#   scripts/fuzz.sh --build-only
set -euo pipefail
cd "$(dirname "$0")/.."

FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_TARGETS=${FUZZ_TARGETS:-"http-parser url-encoded-form multipart-form host-name markdown application"}
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
        application) echo Tests/WebTests/WholeRequestPath.swift Fuzz/Application/ApplicationHarness.swift ;;
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
        application) echo 4096 ;;
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

# Compiles one SwiftPM target into $OUT/modules as its own module (one object, testing enabled, so the
# harness reaches internal types with @testable import). -Onone: the database, not the code, sets the pace.
MODULE_INCLUDES=(-I "$OUT/modules" -I "$OUT/modules/CSystem" -I Sources/CLibPQ -I Sources/CCMark -I /usr/include/postgresql)
build_module() {
    local name=$1 object=$OUT/modules/$1.o sources
    mapfile -t sources < <(find "Sources/$name" -name '*.swift' | sort)
    local stale=0
    for source in "${sources[@]}"; do [[ "$source" -nt "$object" ]] && stale=1; done
    [[ -f "$object" && $stale == 0 && "$0" -ot "$object" ]] && return 0
    echo "fuzz: building module $name (${#sources[@]} files)"
    "$SWIFTC" -swift-version 6 -parse-as-library -sanitize=fuzzer,address -Onone -gline-tables-only -enable-testing -wmo -c \
        -module-name "$name" -emit-module -emit-module-path "$OUT/modules/$name.swiftmodule" "${MODULE_INCLUDES[@]}" \
        "${sources[@]}" -o "$object"
    # swiftc leaves an object whose content did not change untouched; the stamp must still move.
    touch "$object"
}

build_application_modules() {
    prepare_csystem
    build_module HTTP
    build_module Postgres
    build_module Templates
    build_module Web
}

build() {
    local target=$1 binary=$OUT/bin/$1 sources extra=() module inputs
    mapfile -t sources < <(sources_of "$target" | tr ' ' '\n')
    inputs=("${sources[@]}")
    case "$target" in
        http-parser | url-encoded-form | multipart-form) prepare_csystem; extra=(-I "$OUT/modules/CSystem" "$OUT/csystem.o") ;;
        markdown) extra=(-I Sources/CCMark -lcmark) ;;
        application)
            build_application_modules
            extra=("${MODULE_INCLUDES[@]}" "$OUT"/modules/{HTTP,Postgres,Templates,Web}.o "$OUT/csystem.o" -lpq -lcmark)
            inputs+=("$OUT"/modules/{HTTP,Postgres,Templates,Web}.o)
            ;;
    esac
    local newest_is_older=1
    for source in "${inputs[@]}"; do [[ "$source" -nt "$binary" ]] && newest_is_older=0; done
    if [[ -x "$binary" && $newest_is_older == 1 && "$0" -ot "$binary" ]]; then return 0; fi
    module=$(echo "$target" | sed -E 's/(^|-)([a-z])/\U\2/g')Fuzz
    echo "fuzz: building $target (${#sources[@]} files)"
    mkdir -p "$OUT/bin"
    "$SWIFTC" "${FLAGS[@]}" -module-name "$module" "${sources[@]}" "${extra[@]}" -o "$binary"
}

run() {
    local target=$1 work status=0 log=$OUT/logs/$1.log artifacts=$OUT/artifacts/$1/ options=() environment=()
    work=$(mktemp -d "${TMPDIR:-/tmp}/gerbang-fuzz-$target.XXXXXX")
    cp -R "Fuzz/corpus/$target" "$work/corpus"
    mkdir -p "$OUT/logs" "$artifacts"
    [[ -f "Fuzz/$target.dict" ]] && options+=(-dict="Fuzz/$target.dict")
    if [[ $target == application ]]; then
        # A fresh database per run, migrated and loaded with the demo tenants by the harness itself.
        chmod 755 "$work"
        mapfile -t environment < <(scripts/pg.sh start "$work/pg")
        environment+=(PUBLIC_DIR="$PWD/Public" CONTENT_DIR="$PWD/content" MIGRATIONS_DIR="$PWD/db/migrations"
            SECRETS_KEY="$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')" SANDBOX_GATEWAY=true)
    fi
    echo "fuzz: running $target for ${FUZZ_SECONDS}s (max_len $(max_len_of "$target"))"
    env "${environment[@]}" ASAN_OPTIONS=detect_leaks=0 "$OUT/bin/$target" -max_total_time="$FUZZ_SECONDS" \
        -max_len="$(max_len_of "$target")" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$artifacts" "${options[@]}" "$work/corpus" >"$log" 2>&1 || status=$?
    if [[ -d "$work/pg" ]]; then scripts/pg.sh stop "$work/pg"; fi
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
