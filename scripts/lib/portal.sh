# shellcheck shell=bash
# Helpers to publish and run portal instances for the operations scripts (two-instances.sh, faults.sh, replica.sh).

. "$(dirname "${BASH_SOURCE[0]}")/pg.sh"
. "$(dirname "${BASH_SOURCE[0]}")/packages.sh"

# The dotnet CLI stays quiet (no banner, no telemetry) in the scripts that publish and run the portal.
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

# portal_publish DIR: a Release build of the portal, published into DIR (the way it runs in production).
portal_publish() {
  local dir=$1
  local output
  echo "Publication Release du portail dans $dir…"
  # Quiet when it works; the compiler's messages when it does not.
  if ! output=$(dotnet publish src/Observatoire.Web -c Release -o "$dir" -nologo -v quiet -tl:off 2>&1); then
    printf '%s\n' "$output" >&2
    echo "La publication a échoué." >&2
    return 1
  fi
}

# portal_start APP_DIR PORT LOG: starts an instance in the background (Production environment) and prints its pid.
# The caller exports ConnectionStrings__Observatoire and any Observatoire__* settings first.
portal_start() {
  local app=$1 port=$2 log=$3
  (cd "$app" && ASPNETCORE_ENVIRONMENT=Production exec dotnet Observatoire.Web.dll --urls "http://127.0.0.1:$port" >"$log" 2>&1) &
  echo $!
}

# portal_wait PORT [SECONDS]: waits until /healthz answers 200.
portal_wait() {
  local port=$1 limit=${2:-120} i
  for ((i = 0; i < limit; i++)); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null; then return 0; fi
    sleep 1
  done
  echo "Le portail sur le port $port ne répond pas après ${limit} s." >&2
  return 1
}

# ops_prepare NAME PKG…: the packages installed (need_packages) and PostgreSQL (pg_require); then the run's folder in
# $work (/tmp/observatoire-NAME.XXXXXX), an empty list $pids of the background processes to stop, and traps so that on
# exit every process of $pids is killed, ops_settle (which the script defines: how it lets them go) runs, the cluster
# in $work/pg stops and $work is removed (kept with KEEP=1).
ops_prepare() {
  need_packages "${@:2}"
  pg_require
  work=$(mktemp -d "/tmp/observatoire-$1.XXXXXX")
  chmod 755 "$work"
  pids=()
  trap ops_cleanup EXIT
  trap 'exit 130' INT TERM
}

ops_cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  ops_settle
  pg_stop "$work/pg"
  if [ "${KEEP:-}" = 1 ]; then echo "Journaux gardés dans $work"; else rm -rf "$work"; fi
}

# ops_app_and_database: the published portal in $app ($OBSERVATOIRE_APP_DIR, else a Release publish into $work/app),
# and a new cluster in $work/pg on port $pg_port (default durability settings) with an empty database "observatoire".
ops_app_and_database() {
  app=${OBSERVATOIRE_APP_DIR:-$work/app}
  [ -f "$app/Observatoire.Web.dll" ] || portal_publish "$app"
  pg_init "$work/pg"
  pg_port=$(pg_free_port)
  pg_start "$work/pg" "$pg_port"
  pg_as "$PG_BIN/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres observatoire
}
