#!/usr/bin/env bash
# Several replicas, one token: P JVM processes x T threads against the simulator's rate limit, with and without
# RedisCoordination, and a token-refresh run (4 processes, 3 s tokens with rotation, 60 s). Needs Debian's
# redis-server on the PATH. Never part of ./mvnw verify. About 10 minutes on 2 cores.
#
#   benchmarks/replicas.sh                                  every run
#   benchmarks/replicas.sh --runs bucket4x16,steady         some runs (bucket4x16,bucket8x8,window,steady,refresh)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true
java -cp benchmarks/target/benchmarks.jar io.github.wxcsdk.bench.replicas.ReplicasBenchmark "$@"
