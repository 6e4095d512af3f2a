#!/usr/bin/env bash
# Two portal instances, one PostgreSQL, nginx in front — the production topology, on loopback ports:
#   1. sign in through instance A, keep working through instance B with the same cookie and forms
#      (Data Protection keys are shared in PostgreSQL);
#   2. the demo survey answered through nginx (each screen may land on either instance): every acknowledged answer
#      is stored once in "Responses";
#   3. under a steady load through nginx, instance A is killed (SIGKILL): B keeps serving.
# Usage: scripts/two-instances.sh        (root installs nginx, postgresql and curl when missing)
# Environment: LOAD_SECONDS (default 12), WORKERS (default 4), SURVEY_ANSWERS (default 30), OBSERVATOIRE_APP_DIR (an already published portal),
# KEEP=1 (keep logs). Exit code 0 when every check holds.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
. scripts/lib/portal.sh

ops_prepare two nginx curl
ops_settle() { for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done; }
ops_app_and_database
export ConnectionStrings__Observatoire="Host=127.0.0.1;Port=$pg_port;Database=observatoire;Username=postgres"
export Observatoire__Admin__Email=admin@deux-instances.test Observatoire__Admin__Password=Deux-Instances-2026
export Observatoire__DemoData=${Observatoire__DemoData:-true}
# Every simulated respondent comes through nginx from 127.0.0.1: one address, so the per-address survey limit is raised.
export Observatoire__RateLimits__SurveySubmit__PermitLimit=100000

port_a=$(pg_free_port); port_b=$(pg_free_port); port_n=$(pg_free_port)
# A first: it migrates and loads the data; B then starts on a ready database (the advisory lock would also serialise them).
pid_a=$(portal_start "$app" "$port_a" "$work/a.log"); pids+=("$pid_a")
portal_wait "$port_a"
pid_b=$(portal_start "$app" "$port_b" "$work/b.log"); pids+=("$pid_b")
portal_wait "$port_b"

mkdir -p "$work/nginx"
for d in body proxy fastcgi uwsgi scgi; do mkdir -p "$work/nginx/$d"; chmod 777 "$work/nginx/$d"; done
sed -e "s/__PORT__/$port_n/; s/__A__/127.0.0.1:$port_a/; s/__B__/127.0.0.1:$port_b/; s#__DIR__#$work/nginx#g" \
  > "$work/nginx/nginx.conf" <<'NGINX'
daemon off;
worker_processes 1;
pid __DIR__/nginx.pid;
error_log __DIR__/error.log warn;
events { worker_connections 512; }
http {
    access_log __DIR__/access.log;
    log_format upstream '$upstream_addr';
    access_log __DIR__/upstream.log upstream;
    client_body_temp_path __DIR__/body;
    proxy_temp_path __DIR__/proxy;
    fastcgi_temp_path __DIR__/fastcgi;
    uwsgi_temp_path __DIR__/uwsgi;
    scgi_temp_path __DIR__/scgi;
    upstream portal {
        server __A__ max_fails=1 fail_timeout=10s;
        server __B__ max_fails=1 fail_timeout=10s;
    }
    server {
        listen 127.0.0.1:__PORT__;
        client_max_body_size 25m;
        location / {
            proxy_pass http://portal;
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_connect_timeout 2s;
        }
    }
}
NGINX
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
pids+=($!)
portal_wait "$port_n" 30
echo "Instances A :$port_a (pid $pid_a), B :$port_b, nginx :$port_n, PostgreSQL :$pg_port."

NGINX_DIR="$work/nginx" PYTHONUNBUFFERED=1 PYTHONPATH="$root/scripts/lib" PG_BIN="$PG_BIN" PGPORT="$pg_port" python3 - "$port_a" "$port_b" "$port_n" "$pid_a" <<'PY'
import os, re, signal, sys, threading, time, uuid
from portal_client import Browser, answer_survey, token
from ops_checks import check, finish, sql

port_a, port_b, port_n, pid_a = sys.argv[1:5]
A, B, N = (f"http://127.0.0.1:{p}" for p in (port_a, port_b, port_n))
email, password = os.environ["Observatoire__Admin__Email"], os.environ["Observatoire__Admin__Password"]

print("1. Connexion par A, travail par B")
admin = Browser(A)
admin.sign_in(email, password)
key = admin.enrol_totp()           # staff must enrol: done through A
check(admin.get("/admin").status == 200, "A : l'administrateur (double authentification activée) ouvre /admin")
at_b = admin.at(B)
check(at_b.get("/admin/comptes").status == 200, "B accepte le cookie de session émis par A")
page = admin.get("/admin/comptes/inviter")
marker = f"b-{uuid.uuid4().hex[:8]}@deux-instances.test"
r = at_b.post("/admin/comptes/inviter", {"__RequestVerificationToken": token(page.body), "Input.DisplayName": "Invitée par B",
                                           "Input.Email": marker, "Input.Role": "Contributeur"})
check(r.status == 200 and "invitation" in r.body.lower(), f"B accepte un formulaire dont le jeton vient de A ({r.status})")
check(marker in admin.get("/admin/comptes").body, "A voit le compte créé par B")

print("2. Réponses à l'enquête de démonstration, écrans répartis sur A et B par nginx")
slug = "vos-usages-du-numerique"
check(Browser(N).get(f"/enquetes/{slug}").status == 200, f"l'enquête « {slug} » est ouverte")
before = int(sql('SELECT count(*) FROM "Responses"'))
keys_before = int(sql('SELECT count(DISTINCT "IdempotencyKey") FROM "Responses"'))
outcomes, answers_lock = [], threading.Lock()
def respondent(n):
    # nginx spreads the screens of one answer over both instances: the hidden state written by one is read by the other.
    for i in range(int(os.environ.get("SURVEY_ANSWERS", "30")) // 3):
        visitor = Browser(N)
        acknowledged, statuses, key = answer_survey(visitor, slug)
        with answers_lock: outcomes.append((acknowledged, statuses, key))
threads = [threading.Thread(target=respondent, args=(n,)) for n in range(3)]
for t in threads: t.start()
for t in threads: t.join()
acknowledged = sum(1 for a, _, _ in outcomes if a)
posts = sum(len(s) - 1 for _, s, _ in outcomes)
check(acknowledged == len(outcomes), f"{len(outcomes)} réponses envoyées ({posts} écrans postés), {acknowledged} confirmées (page Merci)")
upstreams = open(os.environ["NGINX_DIR"] + "/upstream.log").read().split()
used = {u for u in upstreams if u.startswith("127.0.0.1:")}
check(len(used) == 2, f"les écrans ont été servis par {len(used)} instance(s) : " + ", ".join(f"{u} ×{upstreams.count(u)}" for u in sorted(used)))
after = int(sql('SELECT count(*) FROM "Responses"'))
keys_after = int(sql('SELECT count(DISTINCT "IdempotencyKey") FROM "Responses"'))
check(after - before == acknowledged and keys_after - keys_before == acknowledged,
      f'table "Responses" : {after - before} lignes nouvelles, {keys_after - keys_before} clés distinctes, pour {acknowledged} réponses confirmées')
keys = [k for a, _, k in outcomes if a]
if keys:
    once = int(sql('SELECT count(*) FROM (SELECT "IdempotencyKey" FROM "Responses" WHERE "IdempotencyKey" IN (' +
                   ",".join(f"'{k}'" for k in keys) + ') GROUP BY 1 HAVING count(*) = 1) t'))
    check(once == len(keys), f"chaque réponse confirmée est en base exactement une fois : {once} sur {len(keys)}")

print("3. Charge par nginx, arrêt brutal de A")
proxied = admin.at(N)
results, stop, kill_at = [], threading.Event(), [None]
invited = []
lock = threading.Lock()
def worker(n):
    i = 0
    while not stop.is_set():
        i += 1
        started = time.time()
        try:
            if i % 3 == 0:
                address = f"charge-{n}-{i}-{uuid.uuid4().hex[:6]}@deux-instances.test"
                r = proxied.post_form("/admin/comptes/inviter", {"Input.DisplayName": f"Charge {n}-{i}", "Input.Email": address, "Input.Role": "Partenaire"})
                if r.status == 200:
                    with lock: invited.append(address)
            else:
                r = proxied.get("/admin/comptes" if i % 2 else "/")
            status = r.status
        except Exception as e:          # connection reset while A dies
            status = type(e).__name__
        with lock: results.append((started, time.time(), status))
threads = [threading.Thread(target=worker, args=(n,)) for n in range(int(os.environ.get("WORKERS", "4")))]
for t in threads: t.start()
seconds = float(os.environ.get("LOAD_SECONDS", "12"))
time.sleep(seconds / 3)
kill_at[0] = time.time()
os.kill(int(pid_a), signal.SIGKILL)
print(f"  instance A (pid {pid_a}) tuée")
time.sleep(seconds * 2 / 3)
stop.set()
for t in threads: t.join()
ok = lambda s: s in (200, 302)
k = kill_at[0]
before_kill = [s for t, e, s in results if e < k]
# In flight when A died, or sent in the next 2 s: a POST caught on A cannot be replayed safely (it may have been
# committed), so nginx answers 502 for it; GETs are retried on B by nginx.
window = [s for t, e, s in results if t <= k + 2 and e >= k]
after_grace = [s for t, e, s in results if t > k + 2]
print(f"  {len(results)} requêtes : {len(before_kill)} terminées avant l'arrêt, {len(window)} en cours ou dans les 2 s qui suivent, {len(after_grace)} ensuite")
check(all(ok(s) for s in before_kill), f"avant l'arrêt : {sum(not ok(s) for s in before_kill)} échec(s)")
check(len(after_grace) > 0 and all(ok(s) for s in after_grace),
      f"après l'arrêt de A, B sert seul : {sum(not ok(s) for s in after_grace)} échec(s) sur {len(after_grace)}")
print(f"  pendant l'arrêt : {sum(not ok(s) for s in window)} requête(s) en cours sur A perdue(s) (statuts vus : {sorted(set(map(str, window)))})")
if invited:
    rows = sql("SELECT count(*), count(DISTINCT u.\"Email\") FROM \"AspNetUsers\" u WHERE u.\"Email\" IN (" +
               ",".join("'" + a + "'" for a in invited) + ")")
    total, distinct = map(int, rows.split("|"))
    check(total == len(invited) == distinct, f"{len(invited)} invitations acceptées, {total} comptes en base, {distinct} distincts")
finish()
PY
