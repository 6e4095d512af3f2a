#!/usr/bin/env bash
# Fault run: under a steady load of writes, PostgreSQL is restarted brutally (pg_ctl restart -m immediate).
# Checks that the portal recovers by itself, that every acknowledged write is stored exactly once and whole,
# and that requests caught by the outage got the French 503 "réessayez" page — never a 500.
# Writes: invitations by an administrator (account + role + e-mail + audit line, one transaction), answers to the
# demo survey (one POST per screen, the last one stores the response; a failed POST is sent again with the same
# idempotency key, as a person pressing the button again) and wiki saves (page + revision + links, one transaction).
# Usage: scripts/faults.sh   (or OBSERVATOIRE_FAULTS=1 scripts/test.sh). Environment: LOAD_SECONDS (default 20),
# WORKERS (default 6: a third invite, a third answer the survey, a third save wiki pages).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
. scripts/lib/portal.sh

ops_prepare faults curl
ops_settle() { sleep 1; }
# Default durability settings (fsync on): an immediate restart must not lose what was acknowledged.
ops_app_and_database
# Short connection timeout: during the outage, requests fail fast with 503 instead of queueing.
export ConnectionStrings__Observatoire="Host=127.0.0.1;Port=$pg_port;Database=observatoire;Username=postgres;Timeout=5"
export Observatoire__Admin__Email=admin@pannes.test Observatoire__Admin__Password=Pannes-Base-2026
# The demo data brings the open survey "vos-usages-du-numerique"; the load comes from one address, so its limit is raised.
export Observatoire__DemoData=true Observatoire__RateLimits__SurveySubmit__PermitLimit=100000
port=$(pg_free_port)
pid=$(portal_start "$app" "$port" "$work/portal.log"); pids+=("$pid")
portal_wait "$port"
echo "Portail :$port (pid $pid), PostgreSQL :$pg_port."

PYTHONUNBUFFERED=1 PYTHONPATH="$root/scripts/lib" PG_BIN="$PG_BIN" PGPORT="$pg_port" PGDIR="$work/pg" python3 - "$port" <<'PY'
import html, os, re, subprocess, sys, threading, time, uuid
from portal_client import Browser, answer_survey, token
from ops_checks import as_postgres, check, finish, sql

base = f"http://127.0.0.1:{sys.argv[1]}"

admin = Browser(base, timeout=30)
admin.sign_in(os.environ["Observatoire__Admin__Email"], os.environ["Observatoire__Admin__Password"])
admin.enrol_totp()

results, acknowledged, lock, stop = [], [], threading.Lock(), threading.Event()
surveyed, survey_statuses, saved, wiki_failed = [], [], [], []
SURVEY = "vos-usages-du-numerique"
check(Browser(base).get(f"/enquetes/{SURVEY}").status == 200, f"l'enquête « {SURVEY} » est ouverte")

def invite(n, i):
    address = f"panne-{n}-{i}-{uuid.uuid4().hex[:6]}@pannes.test"
    page = admin.get("/admin/comptes/inviter")
    if page.status != 200:
        return page.status, page.body
    r = admin.post("/admin/comptes/inviter", {"__RequestVerificationToken": token(page.body), "Input.DisplayName": f"Panne {n}-{i}",
                                              "Input.Email": address, "Input.Role": "Contributeur"})
    # Acknowledged: the page shows the invitation link, which only exists once the account is committed.
    if r.status == 200 and 'aria-label="Lien d' in r.body:
        with lock: acknowledged.append(address)
    return r.status, r.body

def answer(n, i):
    ok, statuses, key = answer_survey(Browser(base, timeout=30), SURVEY, retries=40, retry_pause=0.5)
    with lock:
        survey_statuses.extend(statuses)
        if ok: surveyed.append(key)
    failing = [s for s in statuses if not (isinstance(s, int) and s < 500)]
    return (200, "") if ok else (failing[-1] if failing else statuses[-1], "réessayez")

def save_wiki(n, i):
    # One page per worker, so that saves never conflict; a save lost in the outage is simply made again on the next turn.
    slug, marker = f"panne-wiki-{n}", f"sauvegarde-{n}-{i}-{uuid.uuid4().hex[:8]}"
    page = admin.get(f"/wiki/{slug}/modifier")
    if page.status != 200:
        return page.status, page.body
    base_revision = re.search(r'name="Input.BaseRevision"[^>]*value="(\d+)"|value="(\d+)"[^>]*name="Input.BaseRevision"', page.body)
    r = admin.post(f"/wiki/{slug}/modifier", {"__RequestVerificationToken": token(page.body),
        "Input.BaseRevision": next(g for g in base_revision.groups() if g), "Input.Title": f"Panne wiki {n}",
        "Input.Markdown": f"Texte de la sauvegarde **{marker}**, voir [[Accueil]].", "Input.Comment": marker,
        "Input.Visibility": "Public", "Input.Type": "Page"})
    with lock:
        if r.status == 302 and r.location == f"/wiki/{slug}": saved.append(marker)
        elif r.status != 200: wiki_failed.append(marker)
    return (200 if r.status == 302 else r.status), r.body

def worker(n):
    kind = (invite, answer, save_wiki)[n % 3]
    i = 0
    while not stop.is_set():
        i += 1
        started = time.time()
        try:
            status, body = kind(n, i)
        except Exception as e:
            status, body = type(e).__name__, ""
        with lock:
            results.append((started, status, "réessayez" in html.unescape(body).lower(), kind.__name__))
        if status != 200:
            time.sleep(0.2)

seconds = float(os.environ.get("LOAD_SECONDS", "20"))
threads = [threading.Thread(target=worker, args=(n,)) for n in range(int(os.environ.get("WORKERS", "6")))]
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
print(f"  {len(results)} opérations, {len(ok)} réussies, {len(failed)} en échec : {len(acknowledged)} invitations confirmées, "
      f"{len(surveyed)} réponses à l'enquête confirmées ({len(survey_statuses)} requêtes), {len(saved)} sauvegardes du wiki confirmées")
for kind in ("invite", "answer", "save_wiki"):
    mine = [r for r in results if r[3] == kind]
    print(f"    {kind} : {len(mine)} opérations, {sum(r[1] == 200 for r in mine)} réussies")
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
if surveyed:
    keys = ",".join(f"'{k}'" for k in surveyed)
    once = int(sql(f'SELECT count(*) FROM (SELECT "IdempotencyKey" FROM "Responses" WHERE "IdempotencyKey" IN ({keys}) GROUP BY 1 HAVING count(*) = 1) t'))
    check(once == len(surveyed), f"{len(surveyed)} réponses confirmées, {once} présentes exactement une fois dans \"Responses\"")
dupes = int(sql('SELECT count(*) FROM (SELECT "IdempotencyKey" FROM "Responses" GROUP BY 1 HAVING count(*) > 1) t'))
check(dupes == 0, f"aucune réponse en double (même clé d'idempotence) : {dupes}")
bad_survey = sorted(set(str(s) for s in survey_statuses if not (isinstance(s, int) and (s < 500 or s == 503))))
check(not bad_survey, f"enquête : chaque requête en échec était un 503 « Réessayez » (autres vus : {bad_survey or 'aucun'})")
if saved:
    markers = ",".join(f"'{m}'" for m in saved)
    once = int(sql(f'SELECT count(*) FROM (SELECT "Comment" FROM "WikiRevisions" WHERE "Comment" IN ({markers}) GROUP BY 1 HAVING count(*) = 1) t'))
    check(once == len(saved), f"{len(saved)} sauvegardes du wiki confirmées, {once} révisions présentes exactement une fois")
if wiki_failed:
    markers = ",".join(f"'{m}'" for m in wiki_failed)
    twice = int(sql(f'SELECT count(*) FROM (SELECT "Comment" FROM "WikiRevisions" WHERE "Comment" IN ({markers}) GROUP BY 1 HAVING count(*) > 1) t'))
    check(twice == 0, f"{len(wiki_failed)} sauvegardes en échec : aucune enregistrée deux fois ({twice})")
half = sql('SELECT count(*) FROM "WikiPages" p LEFT JOIN "WikiRevisions" r ON r."Id" = p."CurrentRevisionId" '
           'WHERE r."Id" IS NULL OR r."PageId" <> p."Id" OR r."Number" <> p."CurrentRevisionNumber" OR r."Html" = \'\' '
           'OR r."PlainText" = \'\' OR p."PlainText" <> r."PlainText"')
check(half == "0", f"aucune page du wiki à moitié écrite (révision courante absente, sans HTML ou sans texte) : {half}")
gaps = sql('SELECT count(*) FROM "WikiPages" p WHERE p."CurrentRevisionNumber" <> (SELECT count(*) FROM "WikiRevisions" r WHERE r."PageId" = p."Id")')
check(gaps == "0", f"les numéros de révision se suivent sans trou ni doublon : {gaps} page(s) en défaut")
orphans = int(sql('SELECT count(*) FROM "AspNetUsers" u WHERE u."Email" LIKE \'panne-%\' AND NOT EXISTS (SELECT 1 FROM "AspNetUserRoles" r WHERE r."UserId" = u."Id")'))
check(orphans == 0, f"aucun compte à moitié écrit (sans rôle) : {orphans}")
finish()
PY
