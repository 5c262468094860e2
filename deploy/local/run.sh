#!/usr/bin/env bash
# The local stack: embedded PostgreSQL and Kafka, the graph-simulator and the three services as
# separate processes, dev tokens per role. Needs only a JDK 17.
#   deploy/local/run.sh            start, print URLs and tokens, run until Ctrl-C
#   deploy/local/run.sh --demo     also run the 200-account demo incident and print its summary
# Options: --build (rebuild the jars first), --exit-after-demo, --incident=<csv>,
#          --ports=<name>:<port>,... and --work-dir=<dir> (a second stack beside a running one)
# Ctrl-C (or SIGTERM) stops every process in under 10 s; a start after a kill -9 ends the leftovers.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

build=false
args=()
for arg in "$@"; do
  if [ "$arg" = "--build" ]; then build=true; else args+=("$arg"); fi
done
for jar in graph-simulator account-service playbook-service notification-service; do
  [ -f "$jar/target/quarkus-app/quarkus-run.jar" ] || build=true
done
[ -f deploy/local/target/local-stack.jar ] || build=true

if [ "$build" = true ]; then
  echo "Building Cordon (the first time takes a few minutes) ..."
  ./mvnw -q -B -ntp -DskipTests -Dspotless.check.skip=true package \
    -pl graph-simulator,account-service,playbook-service,notification-service,deploy/local -am
fi

# A launcher started in the background of a script inherits an ignored SIGINT (shells do that to
# background jobs) and a JVM keeps it ignored, so Ctrl-C would never stop the stack: restore it
# where env can (GNU coreutils 8.31 and later).
java=(java)
if env --default-signal=INT true 2>/dev/null; then java=(env --default-signal=INT java); fi

exec "${java[@]}" -Dcordon.repository="$root" \
  -cp "deploy/local/target/local-stack.jar:deploy/local/target/lib/*" \
  io.cordon.local.LocalStack "${args[@]+"${args[@]}"}"
