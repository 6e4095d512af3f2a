# shellcheck shell=bash
# Helpers for the benchmarks of bench/ (dashboard.sh, syntheses.sh): a private PostgreSQL tuned for bulk loads and the
# portal in Release on top of it.

. "$(dirname "${BASH_SOURCE[0]}")/pg.sh"

# bench_workspace: PostgreSQL installed (pg_require), the run's folder in $DIR, free ports in $PG_PORT and $WEB_PORT,
# and an exit trap that stops the portal ($PORTAL_PID once started) and the cluster, then removes $DIR.
bench_workspace() {
  pg_require
  DIR=$(mktemp -d /tmp/obs-bench-XXXX)
  chmod 755 "$DIR"
  PG_PORT=$(pg_free_port); WEB_PORT=$(pg_free_port)
  PORTAL_PID=
  trap bench_cleanup EXIT
}

bench_cleanup() { [ -n "$PORTAL_PID" ] && kill "$PORTAL_PID" 2>/dev/null || true; pg_stop "$DIR/pg"; rm -rf "$DIR"; }

# bench_start SECONDS: a cluster in $DIR/pg with an empty database "obs" ($CS is its connection string), then the Release
# portal with the demo data on $WEB_PORT ($PORTAL_PID, log in $DIR/portal.log); waits up to SECONDS for /healthz.
# The portal must be built in Release first.
bench_start() {
  local seconds=$1
  pg_init "$DIR/pg"
  pg_start "$DIR/pg" "$PG_PORT" "-c shared_buffers=512MB -c work_mem=32MB -c max_wal_size=4GB -c synchronous_commit=off"
  pg_as "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres obs
  CS="Host=127.0.0.1;Port=$PG_PORT;Database=obs;Username=postgres"

  ConnectionStrings__Observatoire="$CS" Observatoire__DemoData=true ASPNETCORE_ENVIRONMENT=Production \
    dotnet src/Observatoire.Web/bin/Release/net10.0/Observatoire.Web.dll --urls "http://127.0.0.1:$WEB_PORT" --contentRoot "$PWD/src/Observatoire.Web" >"$DIR/portal.log" 2>&1 &
  PORTAL_PID=$!
  for _ in $(seq "$seconds"); do curl -fs "http://127.0.0.1:$WEB_PORT/healthz" >/dev/null && break; sleep 1; done
}

# bench_demo_database: builds the portal and the benchmark tool in Release, lets the portal migrate a new database and
# write the demo directory, then stops it, so that what follows runs alone against PostgreSQL ($CS).
bench_demo_database() {
  for project in src/Observatoire.Web bench/Observatoire.Bench; do
    if ! dotnet build -c Release -nologo -v q "$project" >"$DIR/build.log" 2>&1; then cat "$DIR/build.log"; exit 1; fi
  done
  bench_start 180
  curl -fs "http://127.0.0.1:$WEB_PORT/healthz" >/dev/null || { echo "Le portail ne démarre pas :"; tail -30 "$DIR/portal.log"; exit 1; }
  kill "$PORTAL_PID"; wait "$PORTAL_PID" 2>/dev/null || true; PORTAL_PID=
}

# bench ARGS…: runs the benchmark tool (bench/Observatoire.Bench, built in Release).
bench() { dotnet bench/Observatoire.Bench/bin/Release/net10.0/Observatoire.Bench.dll "$@"; }
