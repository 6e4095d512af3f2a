#!/usr/bin/env bash
# Dashboard latency at 10k, 100k and 1M observations (+100k survey responses), portal in Release.
# Usage: bench/dashboard.sh [runs per scenario, default 40]   — prints Markdown tables for docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/bench.sh
RUNS=${1:-40}
bench_workspace

dotnet build -c Release -nologo -v q bench/Observatoire.Bench | grep -E "error|Erreur" && exit 1 || true
bench_start 120

have=0; responses=100000
for target in 10000 100000 1000000; do
  echo "## $target observations générées (en plus des données de démonstration)"
  bench generate "$CS" $((target - have)) "$responses"
  have=$target; responses=0
  bench measure "http://127.0.0.1:$WEB_PORT" partenaire@observatoire.test Observatoire-2026 "$RUNS"
done
