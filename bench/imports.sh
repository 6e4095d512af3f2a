#!/usr/bin/env bash
# Import benchmark (issue #15): N observations (default 100,000) from a .csv, then N more from a .xlsx, each imported
# through the import pipeline's service (ImportPipeline: dry run, commit in one transaction, the same file again) as the
# demo Coordination account, on a database holding the demo directory. Prints one JSON line per file (times, counts,
# peak working set of the importing process, rollups equal to a rebuild). Usage: bench/imports.sh [observations]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/bench.sh
COUNT=${1:-100000}
bench_workspace

bench_demo_database

echo "Machine : $(nproc) cœurs, $(free -g | awk '/Mem:/ {print $2}') Go ; charge avant : $(uptime | sed 's/.*load average: //')"
bench import-file "$CS" "$COUNT" "$DIR/observations.csv" "$DIR/observations.xlsx"
for file in observations.csv observations.xlsx; do
  echo "== $file"
  bench import "$CS" "$DIR/$file" coordination@observatoire.test
done
echo "Charge après : $(uptime | sed 's/.*load average: //')"
