#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into a NEW database on the same server, never over the live one.
# Usage: scripts/restore.sh FILE NEW_DATABASE
# Server: that of ConnectionStrings__Observatoire when set, else the local one of scripts/run.sh.
# Then point the portal at it: ConnectionStrings__Observatoire="…;Database=NEW_DATABASE".
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/pg.sh

if [ $# -ne 2 ]; then
  echo "Usage : scripts/restore.sh FICHIER NOUVELLE_BASE" >&2
  exit 2
fi
file=$1 target=$2
[ -r "$file" ] || { echo "Fichier de sauvegarde illisible : $file" >&2; exit 1; }
case "$target" in *[!A-Za-z0-9_]*|"") echo "Nom de base invalide : lettres, chiffres et _ seulement." >&2; exit 2 ;; esac

pg_require
pg_target
exists=$("$PG_BIN/psql" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$target'")
if [ "$exists" = 1 ]; then
  echo "La base $target existe déjà : choisissez un autre nom (la restauration ne remplace jamais une base)." >&2
  exit 1
fi

echo "Restauration de $file dans la nouvelle base $target ($PGHOST:$PGPORT)…"
"$PG_BIN/createdb" --template=template0 --encoding=UTF8 "$target"
# One transaction: a restore that fails half-way leaves an empty database, not a partial one.
if ! "$PG_BIN/pg_restore" --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$target" "$file"; then
  "$PG_BIN/dropdb" "$target"
  echo "La restauration a échoué ; la base $target a été supprimée." >&2
  exit 1
fi
tables=$("$PG_BIN/psql" -d "$target" -tAc "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
echo "Restauration terminée dans $target ($tables tables)."
