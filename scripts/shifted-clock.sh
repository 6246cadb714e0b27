#!/usr/bin/env bash
# Runs the test suite on clocks far from the real one, to prove that no test depends on
# the real date or time zone: every test binary under libfaketime (Debian's `faketime`)
#   - on 29 February 2032, in Pacific/Kiritimati (UTC+14: the local day is ahead of UTC's);
#   - in the last minutes of 30 April 2019 (the eve of 令和), in America/Adak (UTC-10, the
#     local day behind UTC's), the local date turning over while the tests run.
# Cargo itself does not run under the shifted clock (its freshness checks would be
# confused): the binaries are built first, then run directly: the crate's unit tests
# (`jinji`) and the integration tests (`it`, every test in tests/it/). Child processes the
# tests start keep TZ and the shifted clock (tests/it/support/os_env.rs).
# Usage: scripts/shifted-clock.sh [TEST_NAME...]   (default: every test binary; `it` or `jinji`)
set -euo pipefail
cd "$(dirname "$0")/.."

command -v faketime >/dev/null || {
    echo "shifted-clock: faketime is missing (apt-get install faketime)" >&2
    exit 1
}

# The test executables (profile.test), as cargo names them after the build.
mapfile -t bins < <(
    cargo test --locked --no-run --message-format=json 2>/dev/null |
        grep '"reason":"compiler-artifact"' |
        grep -E '"profile":\{[^}]*"test":true' |
        grep -o '"executable":"[^"]*"' |
        sed 's/^"executable":"//; s/"$//'
)
if [ "${#bins[@]}" -eq 0 ]; then
    echo "shifted-clock: no test executables found" >&2
    exit 1
fi
if [ "$#" -gt 0 ]; then
    wanted=()
    for b in "${bins[@]}"; do
        name=$(basename "$b")
        for t in "$@"; do
            [ "${name%-*}" = "$t" ] && wanted+=("$b")
        done
    done
    bins=("${wanted[@]}")
fi

failed=()
# run WHEN ZONE EXPECTED_LOCAL_DATE
run() {
    local when=$1 zone=$2 expect=$3
    # The monotonic clock stays real: deadlines and waits measure real time.
    local clock=(env TZ="$zone" FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -f "@$when")
    local seen
    seen=$("${clock[@]}" date +%F)
    if [ "$seen" != "$expect" ]; then
        echo "shifted-clock: faketime gave $seen, not $expect, in $zone" >&2
        exit 1
    fi
    echo "== ${#bins[@]} test binaries on $when, TZ=$zone"
    for b in "${bins[@]}"; do
        if ! "${clock[@]}" "$b" -q; then
            failed+=("$(basename "$b") on $when $zone")
        fi
    done
}

run "2032-02-29 10:00:00" Pacific/Kiritimati 2032-02-29
run "2019-04-30 23:58:00" America/Adak 2019-04-30

if [ "${#failed[@]}" -gt 0 ]; then
    echo "shifted-clock: failed:" >&2
    printf '  %s\n' "${failed[@]}" >&2
    exit 1
fi
echo "shifted-clock: every test passed on both clocks"
