"""What scripts/two-instances.sh and scripts/faults.sh share besides the browser: checks printed as they go, the verdict
that ends the run, and queries to the run's private cluster (PG_BIN and PGPORT in the environment, database observatoire)."""
import os
import subprocess
import sys

failures = []


def check(ok, message):
    print(("  ok   " if ok else "  ÉCHEC ") + message)
    if not ok:
        failures.append(message)


def finish():
    """Prints the verdict and exits: 0 when every check held, else 1."""
    print()
    print("Toutes les vérifications sont passées." if not failures else f"{len(failures)} vérification(s) en échec.")
    sys.exit(1 if failures else 0)


def as_postgres(cmd):
    """The command as the postgres user when running as root (PostgreSQL refuses to run as root)."""
    return ["runuser", "-u", "postgres", "--"] + cmd if os.getuid() == 0 else cmd


def sql(query):
    """Runs the query with psql and returns its unaligned output, stripped (columns separated by |)."""
    return subprocess.run(as_postgres([os.environ["PG_BIN"] + "/psql", "-h", "127.0.0.1", "-p", os.environ["PGPORT"], "-U", "postgres",
                                       "-d", "observatoire", "-tAc", query]), check=True, capture_output=True, text=True).stdout.strip()
