#!/usr/bin/env bash
# Load benchmark of the portal's main paths against a baseline app, in one session, on a private PostgreSQL.
# Usage: scripts/bench.sh [scenario]   scenario: all (default) | wiki | observations | dashboard | search | survey | pdf | scale
#        scale: at each volume (default "1000000 10000000", with 100k wiki pages and 1M survey responses), the load time,
#        the disk size, the rollup work per saved observation, the list, dashboard, search, PDF and an import of
#        BENCH_SCALE_IMPORT (10,000) observations, each measured once the machine is quiet again (issue #20.2).
#        scripts/bench.sh imports [N]   N observations imported from a .csv and a .xlsx (bench/imports.sh; not part of "all")
# Environment: BENCH_VOLUMES="10000 100000 1000000" (observations, cumulative), BENCH_SECONDS=10 (per wrk run),
#              BENCH_CONCURRENCY="8 32 128" (wrk connections), BENCH_WIKI_PAGES=10000, BENCH_SURVEY_RESPONSES=5000,
#              BENCH_PORTAL_ENV="Key=Value …" (extra portal settings, e.g. Observatoire__OutputCache__Enabled=false for
#              "before" figures), BENCH_KEEP=1 (leave PostgreSQL running afterwards, for EXPLAIN ANALYZE).
# Plans of statements slower than 100 ms (auto_explain) are saved next to the results.
# Writes bench/results/<date>.json and replaces the "Banc d'essai" section of docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
. scripts/lib/pg.sh
SCENARIO=${1:-all}
[ "$SCENARIO" = imports ] && exec bench/imports.sh "${@:2}"
SECONDS_PER_RUN=${BENCH_SECONDS:-10}
CONCURRENCY=${BENCH_CONCURRENCY:-"8 32 128"}
SURVEY_RESPONSES=${BENCH_SURVEY_RESPONSES:-5000}
if [ "$SCENARIO" = scale ]; then
  VOLUMES=${BENCH_VOLUMES:-"1000000 10000000"}; WIKI_PAGES=${BENCH_WIKI_PAGES:-100000}; GENERATED_RESPONSES=${BENCH_RESPONSES:-1000000}
else
  VOLUMES=${BENCH_VOLUMES:-"10000 100000 1000000"}; WIKI_PAGES=${BENCH_WIKI_PAGES:-10000}; GENERATED_RESPONSES=${BENCH_RESPONSES:-100000}
fi
# The scale scenario measures the list, the dashboard, the search and the PDF at each volume, without the wiki's wrk runs.
want() {
  [ "$SCENARIO" = all ] || [ "$SCENARIO" = "$1" ] ||
    { [ "$SCENARIO" = scale ] && case $1 in observations | dashboard | search | pdf-each | wiki-data) true ;; *) false ;; esac; }
}

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
pg_require
set -f  # no globbing from here: URLs with "?" are passed unquoted
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else echo "wrk est introuvable : apt-get install wrk" >&2; exit 1; fi
fi

DIR=$(mktemp -d /tmp/obs-bench-XXXX); chmod 755 "$DIR"
PG_PORT=$(pg_free_port); WEB_PORT=$(pg_free_port); BASE_PORT=$(pg_free_port)
PORTAL_PID=; BASELINE_PID=
cleanup() {
  [ -n "$PORTAL_PID" ] && kill "$PORTAL_PID" 2>/dev/null || true
  [ -n "$BASELINE_PID" ] && kill "$BASELINE_PID" 2>/dev/null || true
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "PostgreSQL laissé en marche : $DIR/pg, port $PG_PORT"
  else pg_stop "$DIR/pg"; rm -rf "$DIR"; fi
}
trap cleanup EXIT
RESULTS="$DIR/results.jsonl"; : >"$RESULTS"
# record NAME VOLUME JSON — one measured figure set, tagged with its scenario and observation volume.
record() { printf '{"scenario":"%s","volume":%s,"result":%s}\n' "$1" "$2" "$3" >>"$RESULTS"; echo "  $1 @ $2 : $3"; }

echo "Compilation (Release)…"
for project in src/Observatoire.Web bench/Observatoire.Bench bench/Baseline; do
  if ! dotnet build -c Release -v q -nologo "$project" >"$DIR/build.log" 2>&1; then cat "$DIR/build.log"; exit 1; fi
done

# Durable commits (synchronous_commit on, the default): the survey scenario promises stored responses.
pg_init "$DIR/pg"
pg_start "$DIR/pg" "$PG_PORT" "-c shared_buffers=512MB -c work_mem=32MB -c max_wal_size=4GB -c max_connections=200 \
  -c shared_preload_libraries=auto_explain -c auto_explain.log_min_duration=100ms -c auto_explain.log_format=text"
for db in obs baseline; do pg_as "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$db"; done
CS="Host=127.0.0.1;Port=$PG_PORT;Database=obs;Username=postgres"
psql_obs() { pg_as "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d obs -XAtq "$@"; }
bench() { dotnet bench/Observatoire.Bench/bin/Release/net10.0/Observatoire.Bench.dll "$@"; }

# Reference data and the demo accounts come from the demo dataset (a few hundred rows); the volume is generated.
env ${BENCH_PORTAL_ENV:-} ConnectionStrings__Observatoire="$CS" ASPNETCORE_ENVIRONMENT=Production Observatoire__DemoData=true \
  Observatoire__Security__RequireTwoFactorForStaff=false Observatoire__RateLimits__Enabled=false \
  Logging__LogLevel__Default=Warning \
  dotnet src/Observatoire.Web/bin/Release/net10.0/Observatoire.Web.dll --urls "http://127.0.0.1:$WEB_PORT" \
  --contentRoot "$root/src/Observatoire.Web" >"$DIR/portal.log" 2>&1 &
PORTAL_PID=$!
ConnectionStrings__Baseline="Host=127.0.0.1;Port=$PG_PORT;Database=baseline;Username=postgres" ASPNETCORE_ENVIRONMENT=Production \
  dotnet bench/Baseline/bin/Release/net10.0/Baseline.dll --urls "http://127.0.0.1:$BASE_PORT" >"$DIR/baseline.log" 2>&1 &
BASELINE_PID=$!
for _ in $(seq 180); do curl -fs "http://127.0.0.1:$WEB_PORT/healthz" >/dev/null && break; sleep 1; done
for _ in $(seq 60); do curl -fs "http://127.0.0.1:$BASE_PORT/fortunes" >/dev/null && break; sleep 1; done
curl -fs "http://127.0.0.1:$WEB_PORT/healthz" >/dev/null || { echo "Le portail ne démarre pas :"; tail -30 "$DIR/portal.log"; exit 1; }
URL="http://127.0.0.1:$WEB_PORT"
MEMBER=$(bench cookie "$URL" partenaire@observatoire.test Observatoire-2026)

# wrk_peak NAME VOLUME URL PATHS_FILE [cookie]: wrk on core 1 at each concurrency; records each run, prints the best rate.
wrk_peak() {
  local name=$1 volume=$2 url=$3 paths=$4 cookie=${5:--} best=0 c out
  local header=(); [ "$cookie" != - ] && header=(-H "Cookie: $cookie")
  taskset -c 1 wrk -t1 -c8 -d3s "${header[@]}" -s bench/wrk-paths.lua "$url" -- "$paths" >/dev/null # warm-up
  for c in $CONCURRENCY; do
    out=$(taskset -c 1 wrk -t1 -c"$c" -d"${SECONDS_PER_RUN}s" --timeout 10s "${header[@]}" -s bench/wrk-paths.lua "$url" -- "$paths" | tail -n 1)
    record "$name" "$volume" "$(printf '%s' "$out" | sed "s/^{/{\"connections\":$c,/")"
    best=$(python3 -c "import json,sys; print(max($best, json.loads(sys.argv[1])['rps']))" "$out")
  done
  PEAK=$best
}
# fixed_rate NAME VOLUME URL PATHS_FILE RPS [cookie]: open-loop load on core 1 for 20 s, latency percentiles.
fixed_rate() {
  local out
  out=$(taskset -c 1 dotnet bench/Observatoire.Bench/bin/Release/net10.0/Observatoire.Bench.dll rate "$3" "$5" 20 "${6:--}" $(cat "$4") | tail -n 1)
  record "$1" "$2" "$out"
}

# cpu_ticks PID: user + system time of a process, in clock ticks (1/100 s); pg_ticks: the whole PostgreSQL cluster (the
# postmaster, its live children, and the children that have exited).
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
pg_ticks() {
  local pm; pm=$(head -1 "$DIR/pg/postmaster.pid")
  { awk '{print $14 + $15 + $16 + $17}' "/proc/$pm/stat"
    # The postmaster has one thread: its children are listed under its own task (no glob: this script runs with set -f).
    for c in $(cat "/proc/$pm/task/$pm/children"); do awk '{print $14 + $15}' "/proc/$c/stat" 2>/dev/null || true; done; } | awk '{s += $1} END {print s}'
}
# cpu_run NAME VOLUME PID URL PATH [BODY COOKIE]: one page under wrk (core 1, 32 connections, bench/wrk-survey.lua) after a
# 5 s warm-up (the first series still meets code not yet recompiled by the JIT's second tier); records its rate with the CPU milliseconds per request of the server process PID and of PostgreSQL.
cpu_run() {
  local name=$1 volume=$2 pid=$3 url=$4 a b pa pb out
  shift 4
  taskset -c 1 wrk -t1 -c16 -d5s -s bench/wrk-survey.lua "$url" -- "$@" >/dev/null
  a=$(cpu_ticks "$pid"); pa=$(pg_ticks)
  out=$(taskset -c 1 wrk -t1 -c32 -d"${SECONDS_PER_RUN}s" --timeout 10s -s bench/wrk-survey.lua "$url" -- "$@" | tail -n 1)
  b=$(cpu_ticks "$pid"); pb=$(pg_ticks)
  record "$name" "$volume" "$(python3 -c "
import json, sys
r = json.loads(sys.argv[1]); n = max(1, r['requests'])
r.update(kind='cpu', app_ms=round(($b - $a) * 10 / n, 3), pg_ms=round(($pb - $pa) * 10 / n, 3))
print(json.dumps(r))" "$out")"
}

# measure_pdf VOLUME: three generations of each synthesis scenario (bench syntheses), one record per scenario.
measure_pdf() {
  echo "Synthèse PDF…"
  bench syntheses "$URL" partenaire@observatoire.test Observatoire-2026 3 | tee "$DIR/pdf.md" || echo "  échec de la synthèse PDF"
  python3 - "$DIR/pdf.md" "$1" >>"$RESULTS" <<'PY' || true
import json, re, sys
rows = [l for l in open(sys.argv[1]) if l.startswith("| douze mois")]
for l in rows:
    cells = [c.strip() for c in l.strip().strip("|").split("|")]
    print(json.dumps({"scenario": "pdf", "volume": int(sys.argv[2]), "result": {"kind": "pdf", "name": cells[0], "pages": int(cells[1]),
        "p50_ms": float(cells[2].split()[0]), "max_ms": float(cells[3].split()[0])}}))
PY
}
# quiet_wait VOLUME: after a load, a checkpoint, then up to 15 minutes for the one-minute load average to fall under 1.5
# (other work on the machine, autovacuum); records the load the measurements started under.
quiet_wait() {
  psql_obs -c "CHECKPOINT"
  for _ in $(seq "${BENCH_QUIET_TRIES:-90}"); do
    python3 -c "import os, sys; sys.exit(0 if os.getloadavg()[0] < 1.5 else 1)" && break
    sleep 10
  done
  record scale-quiet "$1" "{\"kind\":\"load-average\",\"one_minute\":$(cut -d' ' -f1 /proc/loadavg)}"
}
# The database's size on disk, and its tables by family (each with its indexes and TOAST).
DISK_SQL=$(cat <<'SQL'
SELECT json_build_object('kind', 'disk', 'database_mb', pg_database_size(current_database()) / 1048576,
  'observations', (SELECT count(*) FROM "Observations"), 'responses', (SELECT count(*) FROM "Responses"),
  'wiki_pages', (SELECT count(*) FROM "WikiPages"),
  'families_mb', (SELECT json_object_agg(family, mb) FROM (
    SELECT CASE WHEN relname ~ '^Observation' THEN 'observations' WHEN relname ~ '^Analysis' THEN 'rollups'
                WHEN relname IN ('Responses', 'Answers', 'SurveyAnswerDays') THEN 'responses'
                WHEN relname ~ '^Wiki' THEN 'wiki' ELSE 'other' END AS family,
           sum(pg_total_relation_size(c.oid)) / 1048576 AS mb
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'm') GROUP BY 1) f))
SQL
)

echo "Référence (Fortunes)…"
echo /fortunes >"$DIR/baseline.paths"
wrk_peak baseline 0 "http://127.0.0.1:$BASE_PORT" "$DIR/baseline.paths"
BASE_PEAK=$PEAK
fixed_rate baseline-rate 0 "http://127.0.0.1:$BASE_PORT" "$DIR/baseline.paths" "$(python3 -c "print(max(10, int($BASE_PEAK * 0.6)))")"

if want wiki || want wiki-data; then
  echo "Wiki : $WIKI_PAGES pages…"
  bench wiki "$CS" "$WIKI_PAGES"
  psql_obs -c "SELECT '/wiki/' || \"Slug\" FROM \"WikiPages\" WHERE \"Slug\" LIKE 'banc-page-%' ORDER BY random() LIMIT 200" >"$DIR/wiki.paths"
fi

have=0; responses=$GENERATED_RESPONSES
for volume in $VOLUMES; do
  echo "== $volume observations =="
  bench generate "$CS" $((volume - have)) "$responses" | tee "$DIR/generate.log"
  if [ "$SCENARIO" = scale ]; then
    # What a loaded database looks like after a while in production: vacuumed (visibility map set) and analysed.
    started=$(date +%s.%N)
    psql_obs -c "VACUUM (ANALYZE)"
    record scale-load "$volume" "$(python3 - "$DIR/generate.log" $((volume - have)) "$responses" "$started" "$(date +%s.%N)" <<'PY'
import json, re, sys
log = open(sys.argv[1]).read()
def seconds(label):
    m = re.search(r"(?:%s) en ([0-9.]+) s" % label, log)
    return float(m.group(1)) if m else None
print(json.dumps({"kind": "load", "observations_added": int(sys.argv[2]), "responses_added": int(sys.argv[3]),
  "copy_s": seconds("copiées"), "links_s": seconds("liens copiés"), "rollups_rebuilt_at_s": seconds("agrégats reconstruits"),
  "total_s": seconds("terminé"), "vacuum_analyze_s": round(float(sys.argv[5]) - float(sys.argv[4]), 1)}))
PY
)"
    quiet_wait "$volume"
    record scale-disk "$volume" "$(psql_obs -c "$DISK_SQL")"
    record scale-rollup-cost "$volume" "$(psql_obs <bench/rollup-cost.sql | tail -n 1)"
  fi
  have=$volume; responses=0

  if want wiki; then
    # RSS sampled every half second while wrk runs: the highest value is the figure.
    ( max=0; while kill -0 "$PORTAL_PID" 2>/dev/null; do
        rss=$(awk '/VmRSS/ {print $2}' "/proc/$PORTAL_PID/status"); [ "${rss:-0}" -gt "$max" ] && max=$rss && echo "$max" >"$DIR/rss"
        sleep 0.5; done ) & SAMPLER=$!
    wrk_peak wiki "$volume" "$URL" "$DIR/wiki.paths"
    kill "$SAMPLER" 2>/dev/null || true
    record wiki-rss "$volume" "{\"kind\":\"rss\",\"max_mb\":$(( $(cat "$DIR/rss") / 1024 ))}"
    # Capped at BENCH_RATE_CAP (default 5000/s): one .NET client on one core cannot send much more on schedule, and a
    # late client would report its own lag as the portal's latency (seen at 23,000/s with the output cache).
    fixed_rate wiki-rate "$volume" "$URL" "$DIR/wiki.paths" "$(python3 -c "print(max(10, min(${BENCH_RATE_CAP:-5000}, int($PEAK * 0.6))))")"
  fi

  if want observations; then
    printf '%s\n' "/observations?theme=emploi&territoire=rabiere" "/observations?theme=emploi" \
      "/observations?territoire=rabiere&public=demandeurs-d-emploi" "/observations?outil=pix" >"$DIR/obs.paths"
    record observations "$volume" "$(bench latency "$URL" 60 "$MEMBER" $(cat "$DIR/obs.paths") | tail -n 1)"
  fi

  if want dashboard; then
    today=$(date -u +%F)
    # Cold: every request a one-year period never asked before (shifted back 3 days each time); repeated: one URL.
    cold=$(for i in $(seq 1 40); do au=$(date -u -d "$today - $((i * 3)) days" +%F); du=$(date -u -d "$au - 1 year + 1 day" +%F)
      echo "/tableau-de-bord?du=$du&au=$au&territoire=rabiere&theme=emploi"; done)
    record dashboard-cold "$volume" "$(bench latency "$URL" 40 "$MEMBER" $cold | tail -n 1)"
    record dashboard-repeated "$volume" "$(bench latency "$URL" 40 "$MEMBER" "/tableau-de-bord?territoire=rabiere&theme=emploi" | tail -n 1)"
  fi

  if want search; then
    record search "$volume" "$(bench latency "$URL" 60 "$MEMBER" "/recherche?q=mediation+numerique" "/recherche?q=atelier+CV" \
      "/recherche?q=d%C3%A9marches+administratives" "/recherche?q=%22caf%C3%A9+num%C3%A9rique%22" "/recherche?q=permanence+jeunes" | tail -n 1)"
  fi
  # Before the PDF: a search measured just after the PDF generations took 200 ms at p50 against 52 ms alone (2,000 obs.).
  if want pdf-each; then measure_pdf "$volume"; fi
  # Last: the import adds its observations (the next volume's file has its own numbers).
  if [ "$SCENARIO" = scale ]; then
    BENCH_IMPORT_TAG="V$volume-" bench import-file "$CS" "${BENCH_SCALE_IMPORT:-10000}" "$DIR/import.csv" >/dev/null
    out=$(BENCH_IMPORT_REBUILD_CHECK=0 bench import "$CS" "$DIR/import.csv" coordination@observatoire.test 2>"$DIR/import.log" | tail -n 1) ||
      { cat "$DIR/import.log"; echo "$out"; }
    record scale-import "$volume" "${out:-null}"
  fi
done

if want survey; then
  echo "Enquête : $SURVEY_RESPONSES réponses…"
  bench bench-survey "$CS"
  # Each page of the answering path at the baseline's concurrency, with the CPU it costs the portal and PostgreSQL per
  # request, beside Fortunes measured the same way in the same minutes: the form (a first visit), the start (intro to
  # the questions) and the final send (a new response stored, durable commit, on every request).
  bench survey-bodies "$URL" banc-d-essai "$DIR/survey"
  for round in 1 2; do
    cpu_run survey-page-baseline 0 "$BASELINE_PID" "http://127.0.0.1:$BASE_PORT" /fortunes
    cpu_run survey-page-form "$have" "$PORTAL_PID" "$URL" /enquetes/banc-d-essai
    cpu_run survey-page-start "$have" "$PORTAL_PID" "$URL" /enquetes/banc-d-essai "$DIR/survey/start.body" "$DIR/survey/cookie"
    cpu_run survey-page-send "$have" "$PORTAL_PID" "$URL" /enquetes/banc-d-essai "$DIR/survey/send.body" "$DIR/survey/cookie"
  done
  before=$(psql_obs -c "SELECT count(*) FROM \"Responses\" r JOIN \"Surveys\" s ON s.\"Id\" = r.\"SurveyId\" WHERE s.\"Slug\" = 'banc-d-essai'")
  for c in 16 64; do
    out=$(taskset -c 1 dotnet bench/Observatoire.Bench/bin/Release/net10.0/Observatoire.Bench.dll survey "$URL" banc-d-essai "$SURVEY_RESPONSES" "$c" | tail -n 1) || true
    after=$(psql_obs -c "SELECT count(*) FROM \"Responses\" r JOIN \"Surveys\" s ON s.\"Id\" = r.\"SurveyId\" WHERE s.\"Slug\" = 'banc-d-essai'")
    dup=$(psql_obs -c "SELECT count(*) - count(DISTINCT \"IdempotencyKey\") FROM \"Responses\"")
    record survey "$have" "$(printf '%s' "$out" | sed "s/^{/{\"stored\":$((after - before)),\"duplicate_keys\":$dup,/")"
    before=$after
  done
fi

if want pdf; then measure_pdf "$have"; fi

mkdir -p bench/results
stamp=$(date -u +%Y%m%dT%H%M%SZ)
grep -A40 "duration: [0-9.]* ms  plan:" "$DIR/pg/server.log" >"bench/results/$stamp-slow-plans.log" || true
python3 bench/report.py "$RESULTS" "bench/results/$stamp.json" docs/performance.md "$(uptime | sed 's/.*load average: //')" "${BENCH_PORTAL_ENV:-}"
echo "Résultats : bench/results/$stamp.json ; tableau dans docs/performance.md"
