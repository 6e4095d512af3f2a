#!/usr/bin/env bash
# The portal as docs/deploy.md installs it: published (dotnet publish -c Release), started from its own folder with
# ASPNETCORE_ENVIRONMENT=Production on a new, empty database. Then:
#   1. the home page and every file it references (stylesheets, scripts, icons), plus every file of wwwroot, fetched
#      with "Accept-Encoding: gzip, br" and without: 200, the right Content-Type, a non-empty body that decodes to the
#      published file (scripts/lib/published_checks.py);
#   2. its start-up log holds no fail or crit line;
#   3. the same files from the build output started as `dotnet run -c Release` starts it (bin/Release, in the project
#      folder, Production): the case that answered every stylesheet with an empty body (#14).
# Usage: scripts/published.sh   (scripts/test.sh runs it; about a minute and a half, most of it the Release build)
# Database: on the cluster of scripts/test.sh (OBSERVATOIRE_TEST_PG) a new database, dropped at the end; else a
# throwaway cluster of its own. KEEP=1 keeps the logs. Exit code 0 when every check holds.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
. scripts/lib/portal.sh

# curl to wait for /healthz, brotli to decode what the portal sends as br.
ops_prepare published curl brotli
database=published_$(date +%s)_$$
ops_settle() {
  for pid in "${pids[@]}"; do while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done; done
  if [ -n "${OBSERVATOIRE_TEST_PG:-}" ]; then "$PG_BIN/dropdb" --if-exists "$database" 2>/dev/null || true; fi
}

if [ -n "${OBSERVATOIRE_TEST_PG:-}" ]; then
  ConnectionStrings__Observatoire="$OBSERVATOIRE_TEST_PG;Database=$database" pg_target
else
  pg_init "$work/pg"
  pg_port=$(pg_free_port)
  pg_start "$work/pg" "$pg_port" "-c fsync=off"
  ConnectionStrings__Observatoire="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$database" pg_target
fi
"$PG_BIN/createdb" "$database"
# Nothing else, whatever the caller's environment holds: no administrator, no demo data, as a first installation starts.
while read -r name; do unset "$name"; done < <(compgen -e | grep -E '^(Observatoire__|ASPNETCORE_|DOTNET_ENVIRONMENT)' || true)
export ConnectionStrings__Observatoire="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Database=$database"

app="$work/app"
portal_publish "$app"

# start NAME DIR COMMAND…: the portal started in DIR with COMMAND, in Production, on a free port ($port, $pid), its
# output in $work/NAME.log; returns once /healthz answers, or fails showing the end of the log if the portal stopped.
start() {
  local name=$1 dir=$2 i
  shift 2
  port=$(pg_free_port)
  (cd "$dir" && ASPNETCORE_ENVIRONMENT=Production exec "$@" --urls "http://127.0.0.1:$port" >"$work/$name.log" 2>&1) &
  pid=$!
  pids+=("$pid")
  for ((i = 0; i < 240; i++)); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  echo "  ÉCHEC le portail ($name) ne répond pas sur /healthz ; fin de son journal :"
  tail -n 20 "$work/$name.log"
  return 1
}

stop() {
  kill "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
}

checks() { PYTHONPATH="$root/scripts/lib" python3 scripts/lib/published_checks.py "$@"; }

failed=0
echo
echo "1. Le portail publié, lancé depuis son dossier ($app), base vide"
if start published "$app" dotnet Observatoire.Web.dll; then
  checks assets "http://127.0.0.1:$port" "$app/wwwroot" "$app/Observatoire.Web.staticwebassets.endpoints.json" || failed=1
  stop
  echo
  echo "2. Son journal de démarrage"
  checks log "$work/published.log" || failed=1
else
  failed=1
fi

# dotnet publish has just built bin/Release: the build output that `dotnet run -c Release` starts from the project folder.
web="$root/src/Observatoire.Web"
echo
echo "3. La compilation Release non publiée (bin/Release, comme dotnet run -c Release), même base"
if start build "$web" "$web/bin/Release/net10.0/Observatoire.Web"; then
  checks assets "http://127.0.0.1:$port" "$web/wwwroot" "$web/bin/Release/net10.0/Observatoire.Web.staticwebassets.endpoints.json" || failed=1
  stop
else
  failed=1
fi

echo
if [ "$failed" = 0 ]; then echo "Portail publié : tout est bon."; else echo "Portail publié : des vérifications ont échoué (journaux : KEEP=1 $0)."; fi
exit "$failed"
