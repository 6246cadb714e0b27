#!/usr/bin/env bash
# The scale budget on the real binary: the demo ward and a city's database (100,000 staff,
# ten years of history) side by side, each figure from the key to the screen drawn, in a
# pseudo-terminal. The databases are built once into target/bench-scale (the city's takes
# about a minute). Usage: scripts/bench-scale.sh [SAMPLES]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
dir=target/bench-scale
mkdir -p "$dir"
# The program's own files (settings, backups) in a scratch home; cargo keeps the real one.
j() { HOME=$PWD/$dir/home XDG_DATA_HOME=$PWD/$dir/home/data XDG_CONFIG_HOME=$PWD/$dir/home/config "$PWD/target/release/jinji" "$@"; }
if [ ! -f "$dir/demo.db" ]; then
    j --db "$dir/demo.db" demo --today 2026-11-24 </dev/null >/dev/null
fi
if [ ! -f "$dir/city.db" ]; then
    echo "seeding the city (100,000 staff, 10 years) …"
    j --db "$dir/city.db" seed --staff 100000 --years 10 --today 2026-11-24
fi
# Brought to the current schema before timing (a migration is not a start).
j --db "$dir/demo.db" </dev/null >/dev/null
j --db "$dir/city.db" </dev/null >/dev/null
cargo bench --quiet --bench pty -- "$PWD/$dir/demo.db" "$PWD/$dir/city.db" "${1:-50}"
