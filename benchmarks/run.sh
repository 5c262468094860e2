#!/usr/bin/env bash
# Cordon's benchmark (docs/benchmarks.md): builds the jars it needs, starts the local stack on free
# ports and measures. Results: benchmarks/target/results.md.
#   benchmarks/run.sh            full run (200, 2,000 and 10,000 accounts; ~30 min on 2 cores)
#   benchmarks/run.sh --quick    200 accounts, small samples (development)
# Add --no-build to reuse jars already built.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
build=true
args=()
for arg in "$@"; do
  if [ "$arg" = "--no-build" ]; then build=false; else args+=("$arg"); fi
done
if [ "$build" = true ]; then
  ./mvnw -q -B -ntp -DskipTests -Dspotless.check.skip=true package \
    -pl graph-simulator,account-service,playbook-service,notification-service,benchmarks -am
fi
exec java -Dcordon.repository="$root" \
  -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" \
  io.cordon.bench.Benchmarks "${args[@]+"${args[@]}"}"
