#!/usr/bin/env bash
# Runs the portal on http://127.0.0.1:5080 with demo data.
# Without ConnectionStrings__Observatoire, it creates (once) and starts a PostgreSQL cluster under .data/;
# running it again keeps the data; Ctrl-C stops the portal and the database it started.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
. scripts/lib/pg.sh

port_file=.data/pg.port
started_pg=""

cleanup() {
  if [ -n "$started_pg" ]; then
    echo "Arrêt de PostgreSQL…"
    pg_stop "$root/.data/pg"
  fi
}
trap cleanup EXIT INT TERM

if [ -z "${ConnectionStrings__Observatoire:-}" ]; then
  pg_require
  if [ ! -f .data/pg/PG_VERSION ]; then
    echo "Création de la base locale dans .data/pg…"
    mkdir -p .data
    pg_init "$root/.data/pg"
  fi
  [ -f "$port_file" ] || pg_free_port > "$port_file"
  pg_port=$(cat "$port_file")
  if ! pg_as "$PG_BIN/pg_isready" -h 127.0.0.1 -p "$pg_port" -q; then
    pg_start "$root/.data/pg" "$pg_port"
    started_pg=1
  fi
  pg_as "$PG_BIN/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='observatoire'" | grep -q 1 \
    || pg_as "$PG_BIN/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres observatoire
  # The migrations were squashed into one Baseline (December 2026): a local database migrated before then cannot be
  # upgraded, and the portal would refuse it. It holds demo data, so it is put aside and a new one made.
  baseline=$(basename "$(ls src/Observatoire.Web/Data/Migrations/*_Baseline.cs)" .cs)
  local_sql() { pg_as "$PG_BIN/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -XAtq "$@"; }
  if [ "$(local_sql -d observatoire -c "SELECT to_regclass('\"__EFMigrationsHistory\"') IS NOT NULL")" = t ] \
    && [ "$(local_sql -d observatoire -c "SELECT count(*) FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '$baseline'")" = 0 ]; then
    aside=observatoire_avant_baseline_$(date +%Y%m%d_%H%M%S)
    echo "La base locale date d'avant la migration $baseline, qui a regroupé les migrations précédentes :"
    echo "c'est une base de démonstration, elle est recréée. L'ancienne est gardée sous le nom $aside"
    echo "(pour la supprimer : dropdb -h 127.0.0.1 -p $pg_port -U postgres $aside)."
    local_sql -d postgres -c "ALTER DATABASE observatoire RENAME TO $aside"
    pg_as "$PG_BIN/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres observatoire
  fi
  export ConnectionStrings__Observatoire="Host=127.0.0.1;Port=$pg_port;Database=observatoire;Username=postgres"
  export Observatoire__DemoData=${Observatoire__DemoData:-true}
fi

# PDF syntheses print through Debian's Chromium; install it when we can.
if ! command -v chromium >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installation de chromium (synthèses PDF)…"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null) \
    || echo "chromium n'a pas pu être installé : les synthèses PDF seront indisponibles." >&2
fi

echo "Compilation…"
dotnet build src/Observatoire.Web -c Release -v quiet -nologo >/dev/null

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
if [ "${Observatoire__DemoData:-}" = true ]; then
  cat <<TXT

Comptes de démonstration (mot de passe : Observatoire-2026)
  Administrateur : admin@observatoire.test
  Coordination   : coordination@observatoire.test
  Contributeur   : contributeur@observatoire.test
  Partenaire     : partenaire@observatoire.test

TXT
  # The demo accounts' passwords are printed above: two-factor sign-in would protect nothing here, and a newcomer
  # without an authenticator app could not try the staff roles. It stays required by default everywhere else.
  export Observatoire__Security__RequireTwoFactorForStaff=${Observatoire__Security__RequireTwoFactorForStaff:-false}
  if [ "$Observatoire__Security__RequireTwoFactorForStaff" = true ]; then
    cat <<TXT
Administrateur et Coordination doivent activer la double authentification à leur première connexion :
le portail affiche un code QR à scanner avec une application (FreeOTP, Aegis, Google Authenticator…).

TXT
  else
    cat <<TXT
Démonstration : la double authentification, obligatoire en production pour Administrateur et Coordination,
est désactivée ici. Pour l'essayer : Observatoire__Security__RequireTwoFactorForStaff=true scripts/run.sh

TXT
  fi
fi
echo "Portail sur http://127.0.0.1:5080 (Ctrl-C pour arrêter)"
# The demo makes no outbound request: without Observatoire__Smtp__Host nothing leaves, every message stays readable.
if [ -z "${Observatoire__Smtp__Host:-}" ]; then
  cat <<TXT
Courriels de la démonstration : aucun serveur SMTP n'est configuré, rien ne part. Chaque personne lit ses notifications
sur http://127.0.0.1:5080/notifications ; l'administrateur lit tous les courriels (invitations, notifications, résumés)
sur http://127.0.0.1:5080/admin/courriels.
TXT
fi
# The content root must be absolute: a relative one is read from the binary's folder.
dotnet src/Observatoire.Web/bin/Release/net10.0/Observatoire.Web.dll --urls http://127.0.0.1:5080 --contentRoot "$root/src/Observatoire.Web" &
app=$!
# Under set -e a failing kill (portal already gone) would end the trap before the database is stopped.
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; cleanup' EXIT INT TERM
wait $app
