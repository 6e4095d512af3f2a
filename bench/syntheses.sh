#!/usr/bin/env bash
# PDF synthesis generation time over the demo data, then with 1M generated observations (+100k survey responses),
# portal in Release. Usage: bench/syntheses.sh [generations per scenario, default 5] — prints Markdown for docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/bench.sh
RUNS=${1:-5}
bench_workspace

if ! dotnet build -c Release -v q -nologo bench/Observatoire.Bench >"$DIR/build.log" 2>&1; then cat "$DIR/build.log"; exit 1; fi
bench_start 180

echo "## Données de démonstration"
bench syntheses "http://127.0.0.1:$WEB_PORT" partenaire@observatoire.test Observatoire-2026 "$RUNS"
echo
echo "## 1 000 000 observations générées (en plus des données de démonstration)"
bench generate "$CS" 1000000 100000
bench syntheses "http://127.0.0.1:$WEB_PORT" partenaire@observatoire.test Observatoire-2026 "$RUNS"
