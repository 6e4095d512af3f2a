# shellcheck shell=bash
# Helpers to run a private PostgreSQL cluster from the Debian binaries (sourced by run.sh and test.sh).
# As root, the cluster runs as the `postgres` user, which PostgreSQL requires.

PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}

pg_as() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_require() {
  if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "PostgreSQL absent : installation du paquet Debian postgresql…" >&2
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib >/dev/null
      PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    fi
  fi
  if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
    echo "PostgreSQL est introuvable : installez le paquet postgresql (apt-get install postgresql), ou définissez ConnectionStrings__Observatoire." >&2
    exit 1
  fi
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi
  pg_dictionaries
}

# The French dictionary of the search (deploy/postgres/tsearch_data) where this PostgreSQL reads dictionaries; the migration
# FrenchLemmas uses it when it is there, and the search then finds « emploi » for « emplois ».
pg_dictionaries() {
  local root share target file
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  if [ -x "$PG_BIN/pg_config" ]; then share=$("$PG_BIN/pg_config" --sharedir)
  else share=/usr/share/postgresql/$(basename "$(dirname "$PG_BIN")"); fi
  target=$share/tsearch_data
  # Named one by one, not globbed: scripts/bench.sh runs with set -f, which left the pattern unexpanded and the copy failing.
  for file in "$root"/deploy/postgres/tsearch_data/fr_observatoire.affix "$root"/deploy/postgres/tsearch_data/fr_observatoire.dict; do
    cmp -s "$file" "$target/$(basename "$file")" && continue
    if ! cp "$file" "$target/" 2>/dev/null; then
      echo "Attention : impossible de copier $(basename "$file") dans $target (droits root nécessaires) ;" \
        "la recherche ne reconnaîtra pas tous les pluriels (docs/deploy.md)." >&2
      return 0
    fi
  done
}

# A TCP port nobody listens on.
pg_free_port() {
  python3 - <<'PY'
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

# pg_init DIR: a new cluster in DIR (trust on loopback: the cluster only listens on 127.0.0.1).
pg_init() {
  local dir=$1
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir" && chmod 700 "$dir"
  pg_as "$PG_BIN/initdb" -D "$dir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  pg_dictionaries
}

# pg_start DIR PORT [extra -o options]
pg_start() {
  local dir=$1 port=$2 extra=${3:-}
  pg_as "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='$dir' $extra" start >/dev/null
}

pg_stop() {
  local dir=$1
  [ -f "$dir/postmaster.pid" ] && pg_as "$PG_BIN/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
}

# pg_target: exports PGHOST, PGPORT, PGDATABASE, PGUSER (and PGPASSWORD) for the portal's database:
# ConnectionStrings__Observatoire when set (Npgsql "Key=Value;…" form), else the local cluster of scripts/run.sh.
pg_target() {
  local cs=${ConnectionStrings__Observatoire:-}
  if [ -z "$cs" ]; then
    local root
    root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
    if [ ! -f "$root/.data/pg.port" ]; then
      echo "Aucune base : définissez ConnectionStrings__Observatoire, ou lancez d'abord scripts/run.sh." >&2
      return 1
    fi
    cs="Host=127.0.0.1;Port=$(cat "$root/.data/pg.port");Database=observatoire;Username=postgres"
  fi
  local pair key value
  export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres PGDATABASE=observatoire
  IFS=';' read -ra pairs <<< "$cs"
  for pair in "${pairs[@]}"; do
    key=$(printf '%s' "${pair%%=*}" | tr '[:upper:]' '[:lower:]' | tr -d ' ')
    value=${pair#*=}
    case "$key" in
      host|server) export PGHOST=$value ;;
      port) export PGPORT=$value ;;
      database|db) export PGDATABASE=$value ;;
      username|userid|user) export PGUSER=$value ;;
      password|pwd) export PGPASSWORD=$value ;;
    esac
  done
}
