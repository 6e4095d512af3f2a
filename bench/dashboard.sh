#!/usr/bin/env bash
# Dashboard latency at 10k, 100k and 1M observations (+100k survey responses), portal in Release.
# Usage: bench/dashboard.sh [runs per scenario, default 40]   — prints Markdown tables for docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/pg.sh
RUNS=${1:-40}
pg_require
DIR=$(mktemp -d /tmp/obs-bench-XXXX); chmod 755 "$DIR"
PG_PORT=$(pg_free_port); WEB_PORT=$(pg_free_port)
PORTAL_PID=
cleanup() { [ -n "$PORTAL_PID" ] && kill "$PORTAL_PID" 2>/dev/null || true; pg_stop "$DIR/pg"; rm -rf "$DIR"; }
trap cleanup EXIT

dotnet build -c Release -nologo -v q bench/Observatoire.Bench | grep -E "error|Erreur" && exit 1 || true
pg_init "$DIR/pg"
pg_start "$DIR/pg" "$PG_PORT" "-c shared_buffers=512MB -c work_mem=32MB -c max_wal_size=4GB -c synchronous_commit=off"
pg_as "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres obs
CS="Host=127.0.0.1;Port=$PG_PORT;Database=obs;Username=postgres"

ConnectionStrings__Observatoire="$CS" Observatoire__DemoData=true ASPNETCORE_ENVIRONMENT=Production \
  dotnet src/Observatoire.Web/bin/Release/net10.0/Observatoire.Web.dll --urls "http://127.0.0.1:$WEB_PORT" --contentRoot "$PWD/src/Observatoire.Web" >"$DIR/portal.log" 2>&1 &
PORTAL_PID=$!
for _ in $(seq 120); do curl -fs "http://127.0.0.1:$WEB_PORT/healthz" >/dev/null && break; sleep 1; done

bench() { dotnet bench/Observatoire.Bench/bin/Release/net10.0/Observatoire.Bench.dll "$@"; }
have=0; responses=100000
for target in 10000 100000 1000000; do
  echo "## $target observations générées (en plus des données de démonstration)"
  bench generate "$CS" $((target - have)) "$responses"
  have=$target; responses=0
  bench measure "http://127.0.0.1:$WEB_PORT" partenaire@observatoire.test Observatoire-2026 "$RUNS"
done
