#!/usr/bin/env bash
# The end-to-end load benchmark (never part of the tests). One command:
#   ops/bench/load.sh [--smoke] [--tenants N] [--invoices M] [--seconds S] [--warmup S] [--clients C]
#                     [--pgbench-seconds S] [--accounts N] [--admin-tenants N] [--jfr] [--no-build] [--out DIR]
# --tenants: how many tenants (the first --admin-tenants, default 100, through the admin API, the rest by SQL);
# --accounts: how many of them get a Stripe account (webhook and pay-page scenarios), default 1000;
# --invoices: existing paid invoices bulk-loaded by SQL before the run.
# It builds the platform, the Stripe plugin and the benchmark client; starts a PostgreSQL of its own (the Debian
# server binaries, PG_BIN, default /usr/lib/postgresql/15/bin) in a temporary folder on 127.0.0.1; bootstraps it with
# ops/db/bootstrap.sql; runs `./billingnow db migrate` and `./billingnow server` over HTTPS (the self-signed
# billingnow-https connector); issues an operator token with `./billingnow operators create-token`; runs pgbench's
# TPC-B-like load and its select-only load (-S, the per-statement ceiling) on the same PostgreSQL; then the client
# (io.billingnow.bench.load.LoadBenchmark) provisions the tenants and drives the scenarios, counting the statements
# each operation costs with pg_stat_statements, and runs the pay page once more with wrk when it is installed.
# Report: DIR/load.json and DIR/load.md (default results/load-<time>-<point>/).
# --smoke: seconds instead of minutes, for CI; it proves the harness works and says nothing about speed.
# Everything it starts is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$(pwd)"

pgbench_scale=10 tenants=100 invoices=0 seconds=20 warmup=5 clients=32 pgbench_seconds=20 accounts=1000 admin_tenants=100 jfr=0 build=1 out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) tenants=2 seconds=2 warmup=1 clients=4 pgbench_seconds=2 pgbench_scale=1 accounts=2 ;;
    --tenants) tenants="$2"; shift ;;
    --invoices) invoices="$2"; shift ;;
    --seconds) seconds="$2"; shift ;;
    --warmup) warmup="$2"; shift ;;
    --clients) clients="$2"; shift ;;
    --pgbench-seconds) pgbench_seconds="$2"; shift ;;
    --accounts) accounts="$2"; shift ;;
    --admin-tenants) admin_tenants="$2"; shift ;;
    --jfr) jfr=1 ;;
    --no-build) build=0 ;;
    --out) out="$2"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

if [ -z "${PG_BIN:-}" ]; then
  PG_BIN=/usr/lib/postgresql/15/bin
  [ -x "$PG_BIN/initdb" ] || PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
fi
[ -x "${PG_BIN:-/nonexistent}/initdb" ] || { echo "PostgreSQL server binaries not found; set PG_BIN" >&2; exit 1; }
pg_port="${BENCH_PG_PORT:-15432}" app_port="${BENCH_APP_PORT:-18443}" admin_port="${BENCH_ADMIN_PORT:-18081}"
out="${out:-results/load-$(date -u +%Y%m%dT%H%M%S)-t${tenants}-i${invoices}}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

if [ "$build" = 1 ]; then
  ./mvnw -B -q ${BENCH_MAVEN_ARGS:-} -Pbench -pl ops/bench,plugins/stripe -am package -DskipTests
fi

work="$(mktemp -d /tmp/billingnow-bench.XXXXXX)"
chmod 755 "$work"
server_pid=""
# PostgreSQL refuses to run as root: when we are root it runs as the postgres account.
as_pg=()
if [ "$(id -u)" -eq 0 ]; then as_pg=(runuser -u postgres --); fi
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$server_pid" 2>/dev/null || break; sleep 1; done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  if [ -f "$work/pg/postmaster.pid" ]; then
    "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null 2>&1 || true
  fi
  cp -f "$work/server.log" "$out/server.log" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# Statements per request, counted by PostgreSQL itself, when its pg_stat_statements module is installed.
statements_opts="" statement_profile=false
if [ -f "$PG_BIN/../lib/pg_stat_statements.so" ]; then
  statements_opts="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all"
  statement_profile=true
fi
echo "[bench] PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') in $work/pg, port $pg_port" >&2
mkdir -p "$work/pg" && chown "$(id -u postgres 2>/dev/null || id -u)" "$work/pg" 2>/dev/null || true
"${as_pg[@]}" "$PG_BIN/initdb" -D "$work/pg" -U postgres -A trust -E UTF8 --no-sync >/dev/null
"${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w start -o \
  "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=512MB $statements_opts" \
  >/dev/null
psql() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres "$@"; }
psql -d postgres -f ops/db/bootstrap.sql >/dev/null
if [ "$statement_profile" = true ]; then
  psql -d billingnow -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null
fi

mkdir -p "$work/plugins" "$work/tls"
cp plugins/stripe/target/*-plugin.zip "$work/plugins/"
head -c 32 /dev/urandom | base64 > "$work/master.key" && chmod 600 "$work/master.key"
jdbc="jdbc:postgresql://127.0.0.1:$pg_port/billingnow"
cat > "$work/bench.yml" <<YAML
server:
  applicationConnectors:
    - type: billingnow-https
      port: $app_port
      bindHost: 127.0.0.1
      certificate:
        source: self-signed
        selfSignedDirectory: $work/tls
  adminConnectors:
    - type: http
      port: $admin_port
      bindHost: 127.0.0.1
database:
  driverClass: org.postgresql.Driver
  url: $jdbc
  user: billingnow_app
  password: change-me-app
  maxSize: 32
migrationDatabase:
  driverClass: org.postgresql.Driver
  url: $jdbc
  user: billingnow_owner
  password: change-me-owner
platform:
  publicBaseUrl: https://localhost:$app_port
keys:
  masterKey:
    type: local
    file: $work/master.key
plugins:
  directory: $work/plugins
  # The benchmark's Stripe accounts name https://127.0.0.1:9 as their API (never called: no scenario opens a
  # checkout), so a stray call cannot reach Stripe. Loopback is allowed here explicitly; production refuses it.
  egress:
    allowLoopback: true
    extraHosts:
      stripe: [127.0.0.1]
# Every client of the benchmark comes from 127.0.0.1 with few credentials: the default budgets would answer 429
# within a second. The limiter stays on (its cost is part of every request) with budgets no run can exhaust.
monitoring:
  rateLimits:
    backend: memory
    api: { perAddress: { requests: 1000000000 }, perCredential: { requests: 1000000000 }, perTenant: { requests: 1000000000 } }
    webhooks: { perAddress: { requests: 1000000000 }, perCredential: { requests: 1000000000 }, perTenant: { requests: 1000000000 } }
    pay: { perAddress: { requests: 1000000000 }, perCredential: { requests: 1000000000 } }
logging:
  level: WARN
YAML

./billingnow db migrate "$work/bench.yml" >"$work/migrate.log" 2>&1 || { cat "$work/migrate.log" >&2; exit 1; }
java_opts="${BENCH_SERVER_JAVA_OPTS:-}"
if [ "$jfr" = 1 ]; then
  java_opts="$java_opts -XX:StartFlightRecording=filename=$out/server.jfr,settings=profile,dumponexit=true"
fi
BILLINGNOW_JAVA_OPTS="$java_opts" ./billingnow server "$work/bench.yml" >"$work/server.log" 2>&1 &
server_pid=$!
for i in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$admin_port/healthcheck" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { tail -50 "$work/server.log" >&2; exit 1; }
  [ "$i" = 120 ] && { echo "server did not become healthy" >&2; tail -50 "$work/server.log" >&2; exit 1; }
  sleep 1
done
operator="$(./billingnow operators create-token "$work/bench.yml" --name bench --role operator 2>/dev/null \
  | grep -o 'bno_[A-Za-z0-9_-]*' | head -n 1)"
[ -n "$operator" ] || { echo "no operator token" >&2; exit 1; }

pgbench_tps="" pgbench_select_tps=""
if [ -x "$PG_BIN/pgbench" ] && [ "$pgbench_seconds" -gt 0 ]; then
  psql -d postgres -c "CREATE DATABASE pgbench" >/dev/null
  "$PG_BIN/pgbench" -h 127.0.0.1 -p "$pg_port" -U postgres -i -q -s "$pgbench_scale" pgbench >"$out/pgbench-init.log" 2>&1
  "$PG_BIN/pgbench" -h 127.0.0.1 -p "$pg_port" -U postgres -c 32 -j 2 -T "$pgbench_seconds" -n pgbench \
    >"$out/pgbench.log" 2>&1
  pgbench_tps="$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$out/pgbench.log" | tail -n 1)"
  echo "[bench] pgbench -c 32 -j 2 -T $pgbench_seconds (scale $pgbench_scale): $pgbench_tps tps" >&2
  # The per-statement ceiling: one primary-key SELECT per transaction (pgbench -S), i.e. round trips per second.
  "$PG_BIN/pgbench" -h 127.0.0.1 -p "$pg_port" -U postgres -S -c 32 -j 2 -T "$pgbench_seconds" -n pgbench \
    >"$out/pgbench-select.log" 2>&1
  pgbench_select_tps="$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$out/pgbench-select.log" | tail -n 1)"
  echo "[bench] pgbench -S -c 32 -j 2 -T $pgbench_seconds: $pgbench_select_tps tps" >&2
fi

classpath="$(sed 's#platform/target/billingnow-platform.jar#platform/target/classes#' ops/bench/target/classpath.txt)"
java -cp "ops/bench/target/billingnow-bench-0.1.0-SNAPSHOT.jar:$classpath" io.billingnow.bench.load.LoadBenchmark \
  --base "https://localhost:$app_port" --operator-token "$operator" \
  --app-jdbc "$jdbc" --app-password change-me-app --superuser-jdbc "jdbc:postgresql://127.0.0.1:$pg_port/billingnow" \
  --tenants "$tenants" --accounts "$accounts" --admin-tenants "$admin_tenants" --bulk-invoices "$invoices" --clients "$clients" \
  --warmup "$warmup" --seconds "$seconds" --pgbench-tps "$pgbench_tps" --pgbench-select-tps "$pgbench_select_tps" \
  --pgbench-seconds "$pgbench_seconds" \
  --statement-profile "$statement_profile" --server-pid "$server_pid" --out "$out/load.json"
echo "[bench] report: $out/load.md" >&2
cat "$out/load.md"
