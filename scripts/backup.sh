#!/usr/bin/env bash
# Backs up the whole portal database — every table, attachments included (they are stored in PostgreSQL) —
# in pg_dump's custom format (compressed, restorable table by table).
# Usage: scripts/backup.sh [FILE]          default FILE: backups/observatoire-YYYYMMDD-HHMMSS.dump
# Database: ConnectionStrings__Observatoire when set, else the local one of scripts/run.sh.
# With docker compose: docker compose exec -T db pg_dump -U observatoire -Fc observatoire > observatoire.dump
# Restore with scripts/restore.sh FILE NEW_DATABASE.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/pg.sh
pg_require
pg_target

file=${1:-backups/observatoire-$(date +%Y%m%d-%H%M%S).dump}
mkdir -p "$(dirname "$file")"
partial="$file.partial"
trap 'rm -f "$partial"' EXIT

echo "Sauvegarde de $PGDATABASE ($PGHOST:$PGPORT) vers $file…"
# One consistent snapshot (pg_dump runs in a single repeatable-read transaction): the portal may keep running.
"$PG_BIN/pg_dump" --format=custom --compress=6 --no-owner --no-privileges --file="$partial" "$PGDATABASE"
# A dump that pg_restore cannot list is worthless: check it before it replaces anything.
entries=$("$PG_BIN/pg_restore" --list "$partial" | grep -c "TABLE DATA" || true)
mv "$partial" "$file"
echo "Sauvegarde terminée : $file ($(du -h "$file" | cut -f1), $entries tables)."
