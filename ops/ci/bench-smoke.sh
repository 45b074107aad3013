#!/usr/bin/env bash
# CI: proves the benchmark harnesses still run (ops/bench, docs/performance.md) and write their reports.
# It checks that they ran, never how fast: figures from a CI machine mean nothing.
set -euo pipefail
trap 'echo "bench smoke: failed at line $LINENO" >&2' ERR
cd "$(dirname "$0")/../.."

./mvnw -B -q -Pbench -pl ops/bench,plugins/stripe -am package -DskipTests

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

# One JMH benchmark, one short iteration, no fork.
classpath="$(sed 's#platform/target/billingnow-platform.jar#platform/target/classes#' ops/bench/target/classpath.txt)"
java -Djmh.ignoreLock=true -cp "ops/bench/target/billingnow-bench-0.1.0-SNAPSHOT.jar:$classpath" org.openjdk.jmh.Main \
  -f 0 -wi 0 -i 1 -r 200ms -p lines=3 -rf json -rff "$out/jmh.json" InvoiceCalculatorBenchmark >"$out/jmh.log" 2>&1 \
  || { cat "$out/jmh.log" >&2; exit 1; }
grep -q '"benchmark" : "io.billingnow.bench.InvoiceCalculatorBenchmark.calculate"' "$out/jmh.json"

# The end-to-end harness for a few seconds: its own PostgreSQL, the server over HTTPS, pgbench, three scenarios.
ops/bench/load.sh --smoke --no-build --out "$out/load" >"$out/load.log" 2>&1 || { tail -n 80 "$out/load.log" >&2; exit 1; }
for scenario in invoiceCreateFinalize stripeWebhookPayment payPage serverMemory; do
  grep -q "\"$scenario\"" "$out/load/load.json" || { echo "load report lacks $scenario" >&2; cat "$out/load/load.json" >&2; exit 1; }
done
echo "benchmark harnesses ran: JMH and ops/bench/load.sh --smoke"
