#!/bin/sh
# Run once by the postgres image when it creates the primary's cluster (/docker-entrypoint-initdb.d): lets the
# db-replica service of docker-compose.yml stream the WAL with the database owner's password. "all" in pg_hba.conf
# does not cover replication connections, hence this line. An existing cluster needs it added by hand (docs/scaling.md).
set -e
echo "host replication ${POSTGRES_USER} all scram-sha-256" >> "$PGDATA/pg_hba.conf"
