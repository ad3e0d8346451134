#!/usr/bin/env bash
# The benchmark command. Builds the facade and the runnable benchmarks jar (Maven profile 'benchmarks'; the default
# build only compiles the benchmarks), lists the facade's runtime dependency closure, then runs every suite against a
# canned loopback server in its own JVM. Writes benchmarks/target/results.json and benchmarks/target/results.md.
#
#   benchmarks/run.sh            the full run (about 20 minutes on 2 cores)
#   benchmarks/run.sh --quick    a smoke run (about 3 minutes): fewer iterations, rounds and JVMs
#   benchmarks/run.sh --suites async            the async API with 500 calls in flight (about 3 minutes)
#   benchmarks/run.sh --suites latency,cold     only some suites (parity,latency,throughput,interleaved,cold,deps,layers,transports,servers,throttling,async)
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
./mvnw -B -q -Pbenchmarks -pl benchmarks -am package dependency:list -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true \
  -DincludeScope=runtime -DoutputAbsoluteArtifactFilename=true -DoutputFile=target/runtime-deps.txt
status=0
java -jar benchmarks/target/benchmarks.jar "$@" || status=$?
echo "benchmarks/run.sh: $(( $(date +%s) - started )) s including the build"
exit "$status"
