#!/usr/bin/env bash
# PDF synthesis generation time over the demo data, then with 1M generated observations (+100k survey responses),
# portal in Release. Usage: bench/syntheses.sh [generations per scenario, default 5] — prints Markdown for docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/pg.sh
RUNS=${1:-5}
pg_require
DIR=$(mktemp -d /tmp/obs-bench-XXXX)
chmod 755 "$DIR"
PG_PORT=$(pg_free_port); WEB_PORT=$(pg_free_port)
PORTAL_PID=
cleanup() { [ -n "$PORTAL_PID" ] && kill "$PORTAL_PID" 2>/dev/null || true; pg_stop "$DIR/pg"; rm -rf "$DIR"; }
trap cleanup EXIT

if ! dotnet build -c Release -v q -nologo bench/Observatoire.Bench >"$DIR/build.log" 2>&1; then cat "$DIR/build.log"; exit 1; fi
pg_init "$DIR/pg"
pg_start "$DIR/pg" "$PG_PORT" "-c shared_buffers=512MB -c work_mem=32MB -c max_wal_size=4GB -c synchronous_commit=off"
pg_as "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres obs
CS="Host=127.0.0.1;Port=$PG_PORT;Database=obs;Username=postgres"

ConnectionStrings__Observatoire="$CS" Observatoire__DemoData=true ASPNETCORE_ENVIRONMENT=Production \
  dotnet src/Observatoire.Web/bin/Release/net10.0/Observatoire.Web.dll --urls "http://127.0.0.1:$WEB_PORT" --contentRoot "$PWD/src/Observatoire.Web" >"$DIR/portal.log" 2>&1 &
PORTAL_PID=$!
for _ in $(seq 180); do curl -fs "http://127.0.0.1:$WEB_PORT/healthz" >/dev/null && break; sleep 1; done

bench() { dotnet bench/Observatoire.Bench/bin/Release/net10.0/Observatoire.Bench.dll "$@"; }
echo "## Données de démonstration"
bench syntheses "http://127.0.0.1:$WEB_PORT" partenaire@observatoire.test Observatoire-2026 "$RUNS"
echo
echo "## 1 000 000 observations générées (en plus des données de démonstration)"
bench generate "$CS" 1000000 100000
bench syntheses "http://127.0.0.1:$WEB_PORT" partenaire@observatoire.test Observatoire-2026 "$RUNS"
