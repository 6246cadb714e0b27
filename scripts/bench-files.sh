#!/usr/bin/env bash
# Times the spreadsheet work on the real binary at a city's scale: a 100,000-row staff CSV
# imported into a new database, and 100,000 staff exported as XLSX and as CP932 CSV.
# Prints wall time and peak memory of each step. Usage: scripts/bench-files.sh [STAFF]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
cargo build --release --quiet
j=$PWD/target/release/jinji
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export HOME=$dir XDG_DATA_HOME=$dir/data
step() {
    local name=$1
    shift
    /usr/bin/time -f "%e %M" -o "$dir/t" "$@" >/dev/null 2>"$dir/err" || {
        cat "$dir/err"
        exit 1
    }
    read -r secs kb <"$dir/t"
    printf '%-44s %7s s %7d MiB\n' "$name" "$secs" $((kb / 1024))
}
echo "setting up: seed --staff $n --years 1 …"
"$j" --db "$dir/src.db" seed --staff "$n" --years 1 >/dev/null
"$j" --db "$dir/src.db" export units --out "$dir/units.csv" 2>/dev/null
"$j" --db "$dir/src.db" export staff --out "$dir/staff.csv" 2>/dev/null
"$j" --db "$dir/new.db" init >/dev/null
"$j" --db "$dir/new.db" import units "$dir/units.csv" 2>/dev/null
printf '%-44s %9s %11s\n' "step ($n staff)" "time" "peak memory"
step "import staff CSV (all new)" "$j" --db "$dir/new.db" import staff "$dir/staff.csv"
step "import staff CSV again (all unchanged)" "$j" --db "$dir/new.db" import staff "$dir/staff.csv"
step "export staff as XLSX" "$j" --db "$dir/new.db" export staff --out "$dir/staff.xlsx"
step "import staff XLSX --dry-run" "$j" --db "$dir/new.db" import staff "$dir/staff.xlsx" --dry-run
step "export staff as CSV (CP932)" "$j" --db "$dir/new.db" export staff --encoding cp932 --out "$dir/sjis.csv"
step "backup" "$j" --db "$dir/new.db" backup "$dir/copy.db"
step "check" "$j" --db "$dir/copy.db" check
