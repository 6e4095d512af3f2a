#!/usr/bin/env bash
# Import against a large table (issue #20.2): the demo directory, BACKGROUND generated observations (default 1,000,000),
# then a file of LINES observations (default 10,000, .csv) imported through the import pipeline's service as
# bench/imports.sh does: dry run, commit, the same file again. The rollups are not compared with a rebuild (minutes at
# this size). With OTHER=path/to/Observatoire.Bench.dll (another commit's Release build), a second file of the same size
# is imported by that build into the same database, just after: an A/B on the same data.
# Usage: bench/import-scale.sh [BACKGROUND] [LINES]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/bench.sh
BACKGROUND=${1:-1000000}
LINES=${2:-10000}
bench_workspace

bench_demo_database

echo "Machine : $(nproc) cœurs ; charge avant : $(uptime | sed 's/.*load average: //')"
bench generate "$CS" "$BACKGROUND" 0
pg_as "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d obs -XAtqc "VACUUM (ANALYZE)"
run() {
  local tool=$1 tag=$2
  BENCH_IMPORT_TAG=$tag dotnet "$tool" import-file "$CS" "$LINES" "$DIR/$tag.csv" >/dev/null
  echo "== $tag ($tool)"
  BENCH_IMPORT_REBUILD_CHECK=0 dotnet "$tool" import "$CS" "$DIR/$tag.csv" coordination@observatoire.test
}
run bench/Observatoire.Bench/bin/Release/net10.0/Observatoire.Bench.dll A
[ -n "${OTHER:-}" ] && run "$OTHER" B
echo "Charge après : $(uptime | sed 's/.*load average: //')"
