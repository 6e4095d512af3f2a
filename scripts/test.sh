#!/usr/bin/env bash
# Builds the solution once and runs every test project against one throwaway PostgreSQL cluster.
# Usage: scripts/test.sh [dotnet test options], e.g. scripts/test.sh --filter RoleMatrix
# Then scripts/published.sh (the published portal in Production, every asset checked; OBSERVATOIRE_PUBLISHED=0 skips it).
# OBSERVATOIRE_FAULTS=1 also runs the operations scripts: two instances behind nginx, PostgreSQL restarts under load,
# reads on a streaming replica stopped under load.
# The last line is the summary read by CI: "N passed, N failed[, N skipped]".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# Playwright drives Debian's Chromium (/usr/bin/chromium); it must never fetch a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# --- Machine packages the tests need (a fresh Debian 12 has none of them) ---
. scripts/lib/packages.sh
mapfile -t missing < <(missing_packages chromium fonts-dejavu-core poppler-utils)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql postgresql-contrib)
# The trx summary below and scripts/lib/pg.sh use python3, absent from a minimal Debian.
command -v python3 >/dev/null || missing+=(python3)
install_packages "${missing[@]}"

. scripts/lib/pg.sh
pg_require

# --- Build once; the test projects then run with --no-build ---
echo "Compilation de Observatoire.sln…"
if ! dotnet build Observatoire.sln -c Debug -nologo -v quiet -tl:off; then
  echo "La compilation a échoué." >&2
  exit 1
fi

# --- One throwaway PostgreSQL cluster for the whole run ---
pg_dir=$(mktemp -d /tmp/observatoire-test-pg.XXXXXX)
results=$(mktemp -d /tmp/observatoire-test-results.XXXXXX)
cleanup() {
  [ -z "${browser_pid:-}" ] || kill "$browser_pid" 2>/dev/null || true
  # OBSERVATOIRE_KEEP_TRX=dir keeps the trx files (per-test durations) for a look at what takes time.
  if [ -n "${OBSERVATOIRE_KEEP_TRX:-}" ]; then mkdir -p "$OBSERVATOIRE_KEEP_TRX"; cp "$results"/*.trx "$OBSERVATOIRE_KEEP_TRX"/ 2>/dev/null || true; fi
  pg_stop "$pg_dir"
  rm -rf "$pg_dir" "$results"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

pg_init "$pg_dir"
pg_port=$(pg_free_port)
# Durability is worthless for a cluster deleted at exit; skipping it makes resets and migrations faster.
pg_start "$pg_dir" "$pg_port" "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
export OBSERVATOIRE_TEST_PG="Host=127.0.0.1;Port=$pg_port;Username=postgres"
echo "PostgreSQL de test sur le port $pg_port."

# --- Test projects ---
# The unit tests first; then the browser tests run beside the integration tests: the first mostly wait on Chromium, the
# second on PostgreSQL, and on two cores the pair takes about the time of the longer one. They use their own databases
# of the cluster. The browser tests' log is printed when both are done. OBSERVATOIRE_SERIAL=1 runs them one after the other.
run_project() {
  local project=$1 name rc=0
  shift
  name=$(basename "$project")
  dotnet test "$project" --no-build -c Debug -nologo \
    --logger "trx;LogFileName=$name.trx" \
    --results-directory "$results" "$@" || rc=$?
  if [ ! -s "$results/$name.trx" ]; then
    echo "$name n'a pas pu s'exécuter (code $rc, aucun résultat produit)." >&2
    echo "$name" >>"$results/not-run"
  elif [ "$rc" != 0 ]; then
    echo "$name : des tests ont échoué (code $rc)." >&2
  fi
}

echo
echo "=== Observatoire.Tests ==="
run_project tests/Observatoire.Tests "$@"
if [ "${OBSERVATOIRE_SERIAL:-}" = 1 ]; then
  for project in tests/Observatoire.IntegrationTests tests/Observatoire.BrowserTests; do
    echo
    echo "=== $(basename "$project") ==="
    run_project "$project" "$@"
  done
else
  run_project tests/Observatoire.BrowserTests "$@" >"$results/browser.log" 2>&1 &
  browser_pid=$!
  echo
  echo "=== Observatoire.IntegrationTests (Observatoire.BrowserTests en même temps, journal plus bas) ==="
  run_project tests/Observatoire.IntegrationTests "$@"
  wait "$browser_pid" || true
  echo
  echo "=== Observatoire.BrowserTests ==="
  cat "$results/browser.log"
fi
not_run=()
[ ! -f "$results/not-run" ] || mapfile -t not_run <"$results/not-run"

# --- Operations scripts; each counts as one test in the summary ---
# scripts/published.sh always (about a minute and a half): the published portal started in Production on a new
# database of this cluster, every asset checked with gzip and br. OBSERVATOIRE_PUBLISHED=0 leaves it out, for a quick
# filtered run while working on something else.
ops_passed=0 ops_failed=0
if [ "${OBSERVATOIRE_PUBLISHED:-1}" != 0 ]; then
  echo
  echo "=== scripts/published.sh ==="
  if bash scripts/published.sh; then ops_passed=$((ops_passed + 1)); else ops_failed=$((ops_failed + 1)); echo "scripts/published.sh a échoué." >&2; fi
fi
# OBSERVATOIRE_FAULTS=1 scripts/test.sh adds scripts/two-instances.sh (two instances behind nginx, one killed),
# scripts/faults.sh (PostgreSQL restarted under load) and scripts/replica.sh (reads on a hot standby, stopped under load).
# They need root for nginx and take a few minutes.
if [ "${OBSERVATOIRE_FAULTS:-}" = 1 ]; then
  for script in scripts/two-instances.sh scripts/faults.sh scripts/replica.sh; do
    echo
    echo "=== $script ==="
    if bash "$script"; then ops_passed=$((ops_passed + 1)); else ops_failed=$((ops_failed + 1)); echo "$script a échoué." >&2; fi
  done
fi

# --- Summary from the trx files: the last line printed ---
summary=$(python3 - "$results" "$ops_passed" "$ops_failed" <<'PY'
import glob, sys
import xml.etree.ElementTree as ET

ns = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
passed, failed, skipped = int(sys.argv[2]), int(sys.argv[3]), 0
for path in sorted(glob.glob(sys.argv[1] + "/*.trx")):
    for result in ET.parse(path).getroot().iter(ns + "UnitTestResult"):
        outcome = result.get("outcome", "")
        if outcome == "Passed":
            passed += 1
        elif outcome in ("NotExecuted", "Inconclusive"):
            skipped += 1
        else:  # Failed, Error, Timeout, Aborted…
            failed += 1
line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
PY
)

status=0
[ ${#not_run[@]} -eq 0 ] || { echo "Projets non exécutés : ${not_run[*]}" >&2; status=1; }
case "$summary" in *", 0 failed"*) ;; *) status=1 ;; esac
echo
echo "$summary"
exit "$status"
