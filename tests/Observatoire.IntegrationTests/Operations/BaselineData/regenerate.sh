#!/usr/bin/env bash
# Regenerates demo.sql.gz: the demo dataset as the portal wrote it into a database at the Baseline migration, as plain
# INSERTs (no migration history, no Data Protection key). UpgradeTests loads it into a database migrated to Baseline,
# then applies every later migration. The rows are written by the portal of a commit whose only migration is Baseline,
# never by today's model: a later migration must upgrade them as they really were.
# Usage: tests/Observatoire.IntegrationTests/Operations/BaselineData/regenerate.sh [commit]
#   commit: defaults to the newest commit of HEAD's history whose Data/Migrations holds Baseline alone.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../../../.."
. scripts/lib/portal.sh

migrations=src/Observatoire.Web/Data/Migrations
only_baseline() {
  [ -z "$(git ls-tree --name-only "$1" "$migrations/" | grep -v -e '_Baseline\.' -e 'ModelSnapshot\.cs$' || true)" ] \
    && git ls-tree --name-only "$1" "$migrations/" | grep -q '_Baseline\.cs$'
}
commit=${1:-}
if [ -z "$commit" ]; then
  for c in $(git rev-list HEAD); do
    if only_baseline "$c"; then commit=$c; break; fi
  done
fi
[ -n "$commit" ] && only_baseline "$commit" || { echo "Aucun commit dont Baseline est la seule migration." >&2; exit 1; }
echo "Données de démonstration écrites par le portail du commit $(git log -1 --format='%h (%s)' "$commit")"

pg_require
work=$(mktemp -d /tmp/observatoire-baseline-data.XXXXXX)
chmod 755 "$work"
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  pg_stop "$work/pg"
  rm -rf "$work"
}
trap cleanup EXIT

mkdir "$work/src"
git archive "$commit" | tar -x -C "$work/src"
dotnet build "$work/src/src/Observatoire.Web" -c Release -o "$work/app" -nologo -v quiet -tl:off >/dev/null
pg_init "$work/pg"
pg_port=$(pg_free_port)
pg_start "$work/pg" "$pg_port"
pg_as "$PG_BIN/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres observatoire

export ConnectionStrings__Observatoire="Host=127.0.0.1;Port=$pg_port;Database=observatoire;Username=postgres"
export Observatoire__DemoData=true
web_port=$(pg_free_port)
pid=$(portal_start "$work/app" "$web_port" "$work/portal.log")
portal_wait "$web_port" 300 || { tail -20 "$work/portal.log" >&2; exit 1; }
kill "$pid"; wait "$pid" 2>/dev/null || true; pid=

# --column-inserts: plain SQL that any client can run (the test sends it through Npgsql); psql's \restrict lines go.
pg_as "$PG_BIN/pg_dump" -h 127.0.0.1 -p "$pg_port" -U postgres --data-only --column-inserts --rows-per-insert=200 --no-owner \
    --exclude-table='"__EFMigrationsHistory"' --exclude-table='"DataProtectionKeys"' observatoire \
  | grep -v '^\\' | gzip -9n > "$here/demo.sql.gz"
echo "$here/demo.sql.gz : $(du -h "$here/demo.sql.gz" | cut -f1)"
