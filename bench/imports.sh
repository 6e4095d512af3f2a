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

for project in src/Observatoire.Web bench/Observatoire.Bench; do
  if ! dotnet build -c Release -nologo -v q "$project" >"$DIR/build.log" 2>&1; then cat "$DIR/build.log"; exit 1; fi
done
# The portal migrates the database and writes the demo directory, then stops: the import runs alone against PostgreSQL.
bench_start 180
curl -fs "http://127.0.0.1:$WEB_PORT/healthz" >/dev/null || { echo "Le portail ne démarre pas :"; tail -30 "$DIR/portal.log"; exit 1; }
kill "$PORTAL_PID"; wait "$PORTAL_PID" 2>/dev/null || true; PORTAL_PID=

echo "Machine : $(nproc) cœurs, $(free -g | awk '/Mem:/ {print $2}') Go ; charge avant : $(uptime | sed 's/.*load average: //')"
bench import-file "$CS" "$COUNT" "$DIR/observations.csv" "$DIR/observations.xlsx"
for file in observations.csv observations.xlsx; do
  echo "== $file"
  bench import "$CS" "$DIR/$file" coordination@observatoire.test
done
echo "Charge après : $(uptime | sed 's/.*load average: //')"
