#!/usr/bin/env bash
# Builds and runs the JMH benchmarks (never part of the tests). Arguments go to JMH, e.g.
#   ops/bench/run.sh                          # everything, with the iterations declared in the classes
#   ops/bench/run.sh -wi 1 -i 3 -r 1s FieldCipherBenchmark
# The PKCS#11 cold-path case needs SoftHSM2: ops/ci/install-softhsm.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -Pbench -pl ops/bench -am package -DskipTests
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export SOFTHSM2_CONF="$work/softhsm2.conf"
# The platform jar's manifest adds target/lib/* to the class path, which would put the PostgreSQL binaries there twice;
# its classes folder does not.
classpath="$(sed 's#platform/target/billingnow-platform.jar#platform/target/classes#' ops/bench/target/classpath.txt)"
java -cp "ops/bench/target/billingnow-bench-0.1.0-SNAPSHOT.jar:$classpath" org.openjdk.jmh.Main "$@"
