#!/usr/bin/env python3
"""Turns the JSON lines of scripts/bench.sh into bench/results/<date>.json and the "Banc d'essai" section of
docs/performance.md (figures against the issue 9 targets, each with its ratio to the baseline run in the same session)."""
import json, re, sys, datetime

lines_path, json_path, doc_path, load = sys.argv[1:5]
settings = sys.argv[5] if len(sys.argv) > 5 else ""
rows = [json.loads(l) for l in open(lines_path) if l.strip()]
json.dump({"date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"), "load_average": load,
           "portal_settings": settings, "results": rows},
          open(json_path, "w"), indent=1, ensure_ascii=False)

def of(scenario, volume=None):
    return [r["result"] for r in rows if r["scenario"] == scenario and (volume is None or r["volume"] == volume)]

def fr(x, unit=""):
    s = f"{x:,.0f}".replace(",", "\u202f") if abs(x) >= 100 else f"{x:.1f}".replace(".", ",")
    return s + unit

base_runs = of("baseline")
base_peak = max((r["rps"] for r in base_runs), default=0)
base_rate = (of("baseline-rate") or [None])[0]
base_p50 = base_rate["p50_ms"] if base_rate else None
volumes = sorted({r["volume"] for r in rows if r["volume"] > 0})

out = ["| scénario | volume | mesure | cible | rapport à la référence | atteinte |", "|---|---|---|---|---|---|"]
def line(name, volume, figure, target, ratio, ok):
    out.append(f"| {name} | {volume} | {figure} | {target} | {ratio} | {'oui' if ok else '**non**'} |")
def vol(v): return f"{v:,}".replace(",", "\u202f") if v else "—"

if base_peak:
    out.append(f"| référence Fortunes (débit max.) | — | {fr(base_peak)} req/s | — | 1 | — |")
if base_rate:
    out.append(f"| référence Fortunes, {base_rate['target_rps']} req/s | — | p50 {fr(base_rate['p50_ms'])} ms, p99 {fr(base_rate['p99_ms'])} ms | — | 1 | — |")
def ratio(x, digits=2): return f"{x:.{digits}f}".replace(".", ",")
def latency_ratio(p50): return f"× {ratio(p50 / base_p50, 1)} (p50)" if base_p50 else "—"

def fr3(x): return f"{x:.2f}".replace(".", ",")

# The pages of the answering path measured one by one (scripts/bench.sh, survey scenario).
SURVEY_PAGES = [("survey-page-form", "formulaire (première visite)"), ("survey-page-start", "début (introduction → questions)"),
                ("survey-page-send", "envoi final (réponse enregistrée, commit durable)")]

# Pages timed one request after another: (scenario, row name, p50 target in ms), in the order of the table.
PAGE_LATENCIES = [
    ("observations", "liste d'observations filtrée, page 1", 100),
    ("dashboard-cold", "tableau de bord, 2 filtres, froid", 300),
    ("dashboard-repeated", "tableau de bord, 2 filtres, répété", 50),
    ("search", "recherche plein texte (wiki + observations)", 100),
]

for v in volumes:
    wiki = of("wiki", v)
    if wiki:
        peak = max(r["rps"] for r in wiki)
        line("page de wiki publique, débit max.", vol(v), f"{fr(peak)} req/s", "≥ 0,5 × référence",
             ratio(peak / base_peak) if base_peak else "—", base_peak and peak >= 0.5 * base_peak)
    for r in of("wiki-rate", v):
        line(f"page de wiki publique, {r['target_rps']} req/s (débit fixe)", vol(v), f"p50 {fr(r['p50_ms'])} ms, p99 {fr(r['p99_ms'])} ms",
             "p99 < 50 ms", latency_ratio(r["p50_ms"]), r["p99_ms"] < 50 and r["errors"] == 0)
    for r in of("wiki-rss", v):
        line("mémoire du portail sous la charge wiki", vol(v), f"{r['max_mb']} Mo (VmRSS max.)", "< 400 Mo", "—", r["max_mb"] < 400)
    for scenario, name, limit in PAGE_LATENCIES:
        for r in of(scenario, v):
            line(name, vol(v), f"p50 {fr(r['p50_ms'])} ms, p95 {fr(r['p95_ms'])} ms", f"p50 < {limit} ms",
                 latency_ratio(r["p50_ms"]), r["p50_ms"] < limit)
    for r in of("survey", v):
        exact = r["stored"] == r["acknowledged"] and r["duplicate_keys"] == 0 and r["failures"] == 0
        line(f"réponse à une enquête (3 requêtes, {r['concurrency']} répondants simultanés)", vol(v),
             f"{fr(r['responses_per_s'])} réponses/s ; {r['acknowledged']} acquittées, {r['stored']} enregistrées, {r['failures']} échecs",
             "≥ 1 000/s, chacune enregistrée une fois", f"{ratio(r['responses_per_s'] * 3 / base_peak)} (requêtes/s)" if base_peak else "—",
             exact and r["responses_per_s"] >= 1000)
    # Each page of the answering path against Fortunes measured just before it, the same way (issue #20: ≥ 0.5 ×).
    bases = of("survey-page-baseline")
    for scenario, name in SURVEY_PAGES:
        for i, r in enumerate(of(scenario, v)):
            b = bases[i] if i < len(bases) else None
            rate = r["rps"] / b["rps"] if b else 0
            cpu = r["app_ms"] + r["pg_ms"]
            line(f"enquête, {name} (série {i + 1})", vol(v),
                 f"{fr(r['rps'])} req/s ; CPU par requête : portail {fr3(r['app_ms'])} ms, PostgreSQL {fr3(r['pg_ms'])} ms "
                 f"(Fortunes : {fr3(b['app_ms'])} + {fr3(b['pg_ms'])} ms)" if b else f"{fr(r['rps'])} req/s",
                 "≥ 0,5 × référence", f"{ratio(rate)} (req/s) ; CPU × {ratio(cpu / (b['app_ms'] + b['pg_ms']), 1)}" if b else "—",
                 rate >= 0.5 and r["errors"] + r["non2xx"] == 0)
    for r in of("pdf", v):
        line(f"synthèse PDF ({r['pages']} pages) — {r['name']}", vol(v), f"p50 {fr(r['p50_ms'] / 1000)} s, max. {fr(r['max_ms'] / 1000)} s",
             "< 10 s", "—", r["max_ms"] < 10000)

# The scale scenario (issue #20.2): what a volume costs to load, to keep and to store, and an import into it.
scale = ["| volume | chargement | disque | travail des agrégats par observation enregistrée | import de fichier | charge au début des mesures |",
         "|---|---|---|---|---|---|"]
for v in volumes:
    load_, disk, cost, imp, quiet = (of(s, v) for s in ("scale-load", "scale-disk", "scale-rollup-cost", "scale-import", "scale-quiet"))
    if not load_:
        continue
    l = load_[0]
    d = disk[0] if disk else None
    families = ", ".join(f"{k} {fr(m)} Mo" for k, m in sorted(d["families_mb"].items(), key=lambda kv: -kv[1])) if d else "—"
    c = cost[0] if cost else None
    i = imp[0] if imp and imp[0] else None
    imported = (f"{i['lines']} lignes : essai {fr(i['dry_run_s'])} s, import {fr(i['commit_s'])} s, "
                f"réimport à blanc {fr(i['reimport_dry_run_s'])} s") if i else "—"
    scale.append(
        f"| {vol(v)} observations, {vol(d['responses']) if d else '—'} réponses, {vol(d['wiki_pages']) if d else '—'} pages de wiki "
        f"| +{vol(l['observations_added'])} observations : copie {fr(l['copy_s'] or 0)} s, agrégats reconstruits à {fr(l['rollups_rebuilt_at_s'] or 0)} s, "
        f"total {fr(l['total_s'] or 0)} s ; VACUUM ANALYZE {fr(l['vacuum_analyze_s'])} s "
        f"| {fr(d['database_mb']) if d else '—'} Mo ({families}) "
        f"| {fr3(c['rollup_ms_per_observation']) + ' ms' if c and c['rollup_ms_per_observation'] is not None else '—'} "
        f"(1 000 mises à jour : {c['with_rollups_ms'] if c else '—'} ms avec, {c['without_rollups_ms'] if c else '—'} ms sans) "
        f"| {imported} "
        f"| {quiet[0]['one_minute'] if quiet else '—'} |")

detail = ["| série | volume | connexions | req/s | p50 | p99 | erreurs |", "|---|---|---|---|---|---|---|"]
for r in rows:
    x = r["result"]
    if x.get("kind") == "wrk":
        detail.append(f"| {r['scenario']} | {vol(r['volume'])} | {x['connections']} | {fr(x['rps'])} | {fr(x['p50_ms'])} ms | {fr(x['p99_ms'])} ms | {x['errors'] + x['non2xx']} |")

marker = "scale" if len(scale) > 2 else "bench"
if marker == "scale":
    out += ["", *scale]
section = "\n".join([
    f"<!-- {marker}:start (written by scripts/bench.sh; edit the text outside these markers) -->",
    f"Dernière exécution : {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, charge moyenne de la machine "
    f"au moment du rapport : {load}. Machine partagée à 2 cœurs : les chiffres sont des bornes hautes de latence et basses de débit.",
    "", *out, "", "Débit sous `wrk` (1 fil, épinglé sur le cœur 1 par `taskset -c 1`, "
    "chaque série après 3 s de chauffe) :", "", *detail, f"<!-- {marker}:end -->"])

doc = open(doc_path).read()
if f"<!-- {marker}:start" in doc:
    doc = re.sub(rf"<!-- {marker}:start.*?<!-- {marker}:end -->", lambda _: section, doc, flags=re.S)
else:
    title = "Dix millions d'observations (issue #20.2), `scripts/bench.sh scale`" if marker == "scale" else "Banc d'essai (issue 9)"
    doc = doc.rstrip() + f"\n\n## {title}\n\n" + section + "\n"
open(doc_path, "w").write(doc)
print("\n".join(out))
