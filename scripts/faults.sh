#!/usr/bin/env bash
# Fault run: under a steady load of writes, PostgreSQL is restarted brutally (pg_ctl restart -m immediate).
# Checks that the portal recovers by itself, that every acknowledged write is stored exactly once and whole,
# and that requests caught by the outage got the French 503 "réessayez" page — never a 500.
# Writes today: invitations by an administrator (account + role + e-mail + audit line, one transaction).
# Survey answers and wiki saves join the load when those modules are merged.
# Usage: scripts/faults.sh   (or OBSERVATOIRE_FAULTS=1 scripts/test.sh). Environment: LOAD_SECONDS (default 20), WORKERS (4).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
. scripts/lib/pg.sh
. scripts/lib/portal.sh

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
need_packages curl
pg_require

work=$(mktemp -d /tmp/observatoire-faults.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  sleep 1
  pg_stop "$work/pg"
  if [ "${KEEP:-}" = 1 ]; then echo "Journaux gardés dans $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

app=${OBSERVATOIRE_APP_DIR:-$work/app}
[ -f "$app/Observatoire.Web.dll" ] || portal_publish "$app"

pg_init "$work/pg"
pg_port=$(pg_free_port)
# Default durability settings (fsync on): an immediate restart must not lose what was acknowledged.
pg_start "$work/pg" "$pg_port"
pg_as "$PG_BIN/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres observatoire
# Short connection timeout: during the outage, requests fail fast with 503 instead of queueing.
export ConnectionStrings__Observatoire="Host=127.0.0.1;Port=$pg_port;Database=observatoire;Username=postgres;Timeout=5"
export Observatoire__Admin__Email=admin@pannes.test Observatoire__Admin__Password=Pannes-Base-2026
port=$(pg_free_port)
pid=$(portal_start "$app" "$port" "$work/portal.log"); pids+=("$pid")
portal_wait "$port"
echo "Portail :$port (pid $pid), PostgreSQL :$pg_port."

PYTHONUNBUFFERED=1 PYTHONPATH="$root/scripts/lib" PG_BIN="$PG_BIN" PGPORT="$pg_port" PGDIR="$work/pg" python3 - "$port" <<'PY'
import html, os, subprocess, sys, threading, time, uuid
from portal_client import Browser, token

base = f"http://127.0.0.1:{sys.argv[1]}"
failures = []
def check(ok, message):
    print(("  ok   " if ok else "  ÉCHEC ") + message)
    if not ok: failures.append(message)

def as_postgres(cmd):
    return ["runuser", "-u", "postgres", "--"] + cmd if os.getuid() == 0 else cmd

def sql(query):
    return subprocess.run(as_postgres([os.environ["PG_BIN"] + "/psql", "-h", "127.0.0.1", "-p", os.environ["PGPORT"], "-U", "postgres",
                                       "-d", "observatoire", "-tAc", query]), check=True, capture_output=True, text=True).stdout.strip()

admin = Browser(base, timeout=30)
admin.sign_in(os.environ["Observatoire__Admin__Email"], os.environ["Observatoire__Admin__Password"])
admin.enrol_totp()

results, acknowledged, lock, stop = [], [], threading.Lock(), threading.Event()
def worker(n):
    i = 0
    while not stop.is_set():
        i += 1
        address = f"panne-{n}-{i}-{uuid.uuid4().hex[:6]}@pannes.test"
        started = time.time()
        try:
            page = admin.get("/admin/comptes/inviter")
            if page.status != 200:
                r = page
            else:
                r = admin.post("/admin/comptes/inviter", {"__RequestVerificationToken": token(page.body), "Input.DisplayName": f"Panne {n}-{i}",
                                                          "Input.Email": address, "Input.Role": "Contributeur"})
            status, body = r.status, r.body
        except Exception as e:
            status, body = type(e).__name__, ""
        with lock:
            results.append((started, status, "réessayez" in html.unescape(body).lower()))
            # Acknowledged: the page shows the invitation link, which only exists once the account is committed.
            if status == 200 and 'aria-label="Lien d' in body:
                acknowledged.append(address)
        if status != 200:
            time.sleep(0.2)

seconds = float(os.environ.get("LOAD_SECONDS", "20"))
threads = [threading.Thread(target=worker, args=(n,)) for n in range(int(os.environ.get("WORKERS", "4")))]
for t in threads: t.start()
time.sleep(seconds / 3)
restart_at = time.time()
subprocess.run(as_postgres([os.environ["PG_BIN"] + "/pg_ctl", "-D", os.environ["PGDIR"], "-m", "immediate", "-w", "restart",
                            "-l", os.environ["PGDIR"] + "/server.log"]), check=True, capture_output=True)
back_at = time.time()
print(f"  PostgreSQL redémarré (-m immediate) en {back_at - restart_at:.1f} s")
time.sleep(seconds * 2 / 3)
stop.set()
for t in threads: t.join()

ok = [r for r in results if r[1] == 200]
failed = [r for r in results if r[1] != 200]
print(f"  {len(results)} requêtes, {len(ok)} réussies, {len(failed)} en échec, {len(acknowledged)} invitations confirmées")
statuses = sorted(set(str(r[1]) for r in failed))
check(all(r[1] == 503 and r[2] for r in failed), f"chaque échec est un 503 avec « Réessayez » (statuts vus : {statuses or 'aucun'})")
check(any(r[0] < restart_at for r in ok) and len(acknowledged) > 0, "des écritures ont réussi avant la panne")
recovered = [r for r in results if r[0] > back_at + 3]
check(len(recovered) > 0 and all(r[1] == 200 for r in recovered),
      f"le portail s'est rétabli seul : {sum(r[1] != 200 for r in recovered)} échec(s) sur {len(recovered)} requêtes 3 s après le redémarrage")
if acknowledged:
    emails = ",".join("'" + a + "'" for a in acknowledged)
    rows = sql(f'SELECT count(*), count(DISTINCT u."Email"), count(*) FILTER (WHERE (SELECT count(*) FROM "AspNetUserRoles" r WHERE r."UserId" = u."Id") = 1), '
               f'count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "AuditEntries" a WHERE a."Action" = \'Invitation\' AND a."Target" LIKE \'%<\' || u."Email" || \'>\')) '
               f'FROM "AspNetUsers" u WHERE u."Email" IN ({emails})')
    total, distinct, with_role, audited = map(int, rows.split("|"))
    check(total == distinct == len(acknowledged), f"{len(acknowledged)} invitations confirmées, {total} comptes en base, {distinct} distincts")
    check(with_role == total and audited == total, f"chaque compte est entier : {with_role} avec exactement un rôle, {audited} avec sa ligne d'audit")
orphans = int(sql('SELECT count(*) FROM "AspNetUsers" u WHERE u."Email" LIKE \'panne-%\' AND NOT EXISTS (SELECT 1 FROM "AspNetUserRoles" r WHERE r."UserId" = u."Id")'))
check(orphans == 0, f"aucun compte à moitié écrit (sans rôle) : {orphans}")
print()
print("Toutes les vérifications sont passées." if not failures else f"{len(failures)} vérification(s) en échec.")
sys.exit(1 if failures else 0)
PY
