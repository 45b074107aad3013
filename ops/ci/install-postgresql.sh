#!/usr/bin/env bash
# Installs the PostgreSQL server binaries (initdb, pg_ctl, pgbench) that ops/bench/load.sh starts its own database with,
# if none are present. The tests do not need them: they use the embedded PostgreSQL. Idempotent.
set -euo pipefail

if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "PostgreSQL server binaries present: $(ls -d /usr/lib/postgresql/*/bin | tr '\n' ' ')"
    exit 0
fi

. "$(dirname "$0")/apt.sh"
apt_install --no-install-recommends postgresql postgresql-contrib
