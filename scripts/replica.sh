#!/usr/bin/env bash
# Replica run: a primary PostgreSQL and a hot standby made from it with pg_basebackup, the portal reading its dashboard,
# search, exports and public pages from the standby (ConnectionStrings__ObservatoireReplica). Under load — survey answers
# written on the primary, dashboard and public pages read by anonymous visitors and a partner, and a coordinator who
# creates a structure then reads the directory at once — the standby is stopped brutally (pg_ctl stop -m immediate),
# then started again. Checks: no error seen by anyone, every acknowledged survey answer stored once, never a stale read
# after one's own write, the reads leave the standby when it stops and come back when it returns.
# Usage: scripts/replica.sh   (or OBSERVATOIRE_FAULTS=1 scripts/test.sh). Environment: LOAD_SECONDS (default 30).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
. scripts/lib/portal.sh

ops_prepare replica curl
ops_settle() { pg_stop "$work/standby"; }
# Default durability settings on the primary (wal_level=replica is PostgreSQL 15's default, and initdb's pg_hba.conf
# lets 127.0.0.1 replicate): the standby is made as in production.
ops_app_and_database
standby_port=$(pg_free_port)
mkdir -p "$work/standby"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$work/standby"
chmod 700 "$work/standby"
# -R writes standby.signal and primary_conninfo: the copy starts as a hot standby streaming from the primary.
# The primary's socket lives in its data directory: pg_basebackup says it skips it, which is what we want.
pg_as "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$pg_port" -U postgres -D "$work/standby" -R -X stream -c fast \
  2> >(grep -v 'skipping special file' >&2)
pg_start "$work/standby" "$standby_port"
echo "PostgreSQL principal :$pg_port, réplique (hot standby) :$standby_port."

export ConnectionStrings__Observatoire="Host=127.0.0.1;Port=$pg_port;Database=observatoire;Username=postgres;Timeout=5"
export ConnectionStrings__ObservatoireReplica="Host=127.0.0.1;Port=$standby_port;Database=observatoire;Username=postgres;Timeout=3"
export Observatoire__Admin__Email=admin@replique.test Observatoire__Admin__Password=Replique-Base-2026
# The demo data brings the open survey and the partner's account; the load comes from one address, so limits are off.
export Observatoire__DemoData=true Observatoire__RateLimits__Enabled=false
port=$(pg_free_port)
pid=$(portal_start "$app" "$port" "$work/portal.log"); pids+=("$pid")
portal_wait "$port"
echo "Portail :$port (pid $pid)."

PYTHONUNBUFFERED=1 PYTHONPATH="$root/scripts/lib" PG_BIN="$PG_BIN" PGPORT="$pg_port" PGDIR="$work/pg" STANDBY_DIR="$work/standby" \
  STANDBY_PORT="$standby_port" PORTAL_LOG="$work/portal.log" python3 - "$port" <<'PY'
import os, re, statistics, subprocess, sys, threading, time, uuid
from urllib.parse import quote
from portal_client import Browser, answer_survey, token
from ops_checks import as_postgres, check, finish, sql

base = f"http://127.0.0.1:{sys.argv[1]}"
HEADER = "X-Observatoire-Lecture"
SURVEY = "vos-usages-du-numerique"
PG_CTL = os.environ["PG_BIN"] + "/pg_ctl"
STANDBY = os.environ["STANDBY_DIR"]

admin = Browser(base, timeout=30)
admin.sign_in(os.environ["Observatoire__Admin__Email"], os.environ["Observatoire__Admin__Password"])
admin.enrol_totp()
partner = Browser(base, timeout=30)
partner.sign_in("partenaire@observatoire.test", "Observatoire-2026")
kind = re.search(r'name="Input.KindId".*?<option value="(\d+)"', admin.get("/annuaire/structures/nouvelle").body, re.S).group(1)

# (started, seconds, who, path, status, served by)
reads, lock, stop = [], threading.Lock(), threading.Event()
surveyed, survey_statuses, stale, written = [], [], [], []

def timed(browser, who, path):
    started = time.time()
    try:
        r = browser.get(path)
        status, served, body = r.status, r.headers.get(HEADER), r.body
    except Exception as e:
        status, served, body = type(e).__name__, None, ""
    with lock:
        reads.append((started, time.time() - started, who, path, status, served))
    return status, body

def reader(who, browser, paths):
    i = 0
    while not stop.is_set():
        timed(browser, who, paths[i % len(paths)])
        i += 1

def surveyor():
    while not stop.is_set():
        ok, statuses, key = answer_survey(Browser(base, timeout=30), SURVEY, retries=5, retry_pause=0.5)
        with lock:
            survey_statuses.extend(statuses)
            if ok: surveyed.append(key)

def writer():
    # Creates a structure, then at once lists the directory filtered on its name: the page is read from the replica
    # only once the replica has replayed the write, else from the primary; either way the structure must be there.
    i = 0
    while not stop.is_set():
        i += 1
        name = f"Structure réplique {i} {uuid.uuid4().hex[:6]}"
        page = admin.get("/annuaire/structures/nouvelle")
        r = admin.post("/annuaire/structures/nouvelle",
                       {"__RequestVerificationToken": token(page.body), "Input.Name": name, "Input.KindId": kind})
        if r.status != 302:
            with lock: stale.append((name, f"création : {r.status}"))
            continue
        with lock: written.append(name)
        status, body = timed(admin, "écrivain", "/annuaire/structures?q=" + quote(name))
        if status != 200 or name not in body.replace("&#xE9;", "é").replace("&#xE8;", "è"):
            with lock: stale.append((name, f"lecture : {status}"))

def cpu_seconds(datadir):
    """CPU time of a cluster's postmaster and its live processes (backends that already exited are not counted)."""
    postmaster, total = int(open(datadir + "/postmaster.pid").readline()), 0
    for entry in os.listdir("/proc"):
        try:
            stat = open(f"/proc/{entry}/stat").read() if entry.isdigit() else ""
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split() if stat else []
        if fields and postmaster in (int(entry), int(fields[1])):
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")

seconds = float(os.environ.get("LOAD_SECONDS", "30"))
anonymous = ["/tableau-de-bord", "/", "/tableau-de-bord/carte", "/donnees-ouvertes", "/recherche?q=atelier",
             "/tableau-de-bord?theme=emploi", "/annuaire/structures"]
threads = [threading.Thread(target=surveyor), threading.Thread(target=surveyor),
           threading.Thread(target=reader, args=("anonyme", Browser(base), anonymous)),
           threading.Thread(target=reader, args=("anonyme", Browser(base), anonymous[::-1])),
           threading.Thread(target=reader, args=("partenaire", partner, ["/tableau-de-bord", "/tableau-de-bord/participation", "/syntheses"])),
           threading.Thread(target=writer)]
started = time.time()
cpu_start = (cpu_seconds(os.environ["PGDIR"]), cpu_seconds(STANDBY))
for t in threads: t.start()
time.sleep(seconds / 3)
cpu_used = (cpu_seconds(os.environ["PGDIR"]) - cpu_start[0], cpu_seconds(STANDBY) - cpu_start[1])
stopped_at = time.time()
subprocess.run(as_postgres([PG_CTL, "-D", STANDBY, "-m", "immediate", "-w", "stop"]), check=True, capture_output=True)
print(f"  réplique arrêtée (-m immediate) à t+{stopped_at - started:.1f} s")
time.sleep(seconds / 3)
restarted_at = time.time()
subprocess.run(as_postgres([PG_CTL, "-D", STANDBY, "-l", STANDBY + "/server.log", "-w", "start", "-o",
                            f"-p {os.environ['STANDBY_PORT']} -c listen_addresses=127.0.0.1 -c unix_socket_directories='{STANDBY}'"]),
               check=True, capture_output=True)
print(f"  réplique redémarrée à t+{restarted_at - started:.1f} s")
time.sleep(seconds / 3)
stop.set()
for t in threads: t.join()

def phase(a, b):
    return [r for r in reads if a <= r[0] < b]

def line(label, rows):
    served = {k: sum(r[5] == k for r in rows) for k in ("replique", "primaire", "primaire-secours")}
    unrouted = sum(r[5] is None for r in rows)
    ms = sorted(r[1] * 1000 for r in rows) or [0]
    print(f"    {label:<28} {len(rows):>5} lectures : réplique {served['replique']:>5}, principal {served['primaire']:>5}, "
          f"repris sur le principal {served['primaire-secours']:>3}, sans routage {unrouted:>3} ; "
          f"médiane {statistics.median(ms):.0f} ms, p95 {ms[int(len(ms) * 0.95) - 1 if len(ms) > 1 else 0]:.0f} ms")
    return served

print(f"  {len(reads)} lectures, {len(written)} structures créées puis relues, {len(surveyed)} réponses à l'enquête confirmées "
      f"({len(survey_statuses)} requêtes)")
before = line("réplique en service", phase(started, stopped_at))
during = line("réplique arrêtée", phase(stopped_at, restarted_at))
back = line("réplique redémarrée", phase(restarted_at, time.time()))
for who in ("anonyme", "partenaire", "écrivain"):
    line("  dont " + who, [r for r in reads if r[2] == who])
print(f"  CPU de PostgreSQL pendant les {stopped_at - started:.0f} s avant l'arrêt : principal {cpu_used[0]:.1f} s, réplique {cpu_used[1]:.1f} s")
on_replica = [r for r in reads if r[5] == "replique"]
late = [r for r in on_replica if stopped_at + 0.01 < r[0] < restarted_at]
fallbacks = [r for r in reads if r[5] == "primaire-secours"]
if fallbacks:
    print(f"  requêtes reprises sur le principal : {len(fallbacks)}, durée médiane {statistics.median(r[1] for r in fallbacks) * 1000:.0f} ms")
last_replica = max((r[0] + r[1] for r in on_replica if r[0] < restarted_at), default=stopped_at)
first_back = min((r[0] for r in on_replica if r[0] > restarted_at), default=None)
print(f"  dernière lecture servie par la réplique {max(0, last_replica - stopped_at) * 1000:.0f} ms après l'arrêt ; "
      + (f"première lecture de nouveau sur la réplique {first_back - restarted_at:.1f} s après le redémarrage" if first_back else
         "la réplique n'a plus servi après son redémarrage"))

errors = [r for r in reads if not (isinstance(r[4], int) and r[4] < 500)]
check(not errors, f"aucune erreur vue par les lecteurs : {len(errors)} ({sorted(set(str(r[4]) for r in errors)) or 'aucune'})")
bad_survey = sorted(set(str(s) for s in survey_statuses if not (isinstance(s, int) and s < 500)))
check(not bad_survey, f"aucune erreur vue par les personnes qui répondent à l'enquête (vus : {bad_survey or 'aucun'})")
check(before["replique"] > 0, f"la réplique servait des lectures avant l'arrêt : {before['replique']}")
check(not late, f"aucune lecture commencée après l'arrêt n'a été servie par la réplique : {len(late)}")
check(back["replique"] > 0, f"la réplique sert de nouveau après son redémarrage : {back['replique']}")
check(len(written) > 0 and not stale, f"{len(written)} écritures relues aussitôt, {len(stale)} lecture(s) périmée(s) ou en échec {stale[:3]}")
if surveyed:
    keys = ",".join(f"'{k}'" for k in surveyed)
    once = int(sql(f'SELECT count(*) FROM (SELECT "IdempotencyKey" FROM "Responses" WHERE "IdempotencyKey" IN ({keys}) GROUP BY 1 HAVING count(*) = 1) t'))
    check(once == len(surveyed), f"{len(surveyed)} réponses confirmées, {once} présentes exactement une fois")
names = ",".join("'" + n.replace("'", "''") + "'" for n in written) or "''"
stored = int(sql(f'SELECT count(*) FROM "Structures" WHERE "Name" IN ({names})'))
check(stored == len(written), f"{len(written)} structures confirmées, {stored} en base")
log = open(os.environ["PORTAL_LOG"], encoding="utf-8").read()
check("Réplique écartée" in log or "Réplique en échec" in log, "le journal du portail dit que la réplique a été écartée")
check("Réplique disponible" in log, "le journal du portail dit que la réplique est revenue")
finish()
PY
