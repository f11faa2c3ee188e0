#!/bin/sh
# ./mechanist spark ...: Mechanist's Spark application (docs/scale-out.md).
#   ./mechanist spark                      how to submit the application jar to a cluster (spark-submit)
#   ./mechanist spark capture [options]    a capture on a Spark inside this JVM (master MECHANIST_SPARK_MASTER,
#                                          default local[2]); the options of `mechanist capture` plus --shard-mb
#   ./mechanist spark sweep [options]      a steering sweep on a Spark inside this JVM, stored as `mechanist steer`
#                                          stores it; the options of `mechanist steer` plus --prompts-per-task
#   ./mechanist spark bench [copies] [N]   benchmark: single-process capture against Spark local[N] (default 5, 2)
# Needs the build (./mechanist build); runs on the JDK .mvn/jdk.sh finds.
set -e
MODULE="$(cd "$(dirname "$0")" && pwd)"
BASEDIR="$(cd "$MODULE/../.." && pwd)"
. "$BASEDIR/.mvn/jdk.sh"
JAR="$MODULE/target/mechanist-spark.jar"
NATIVES="$(ls "$MODULE"/target/natives/pytorch-native-cpu-*-linux-x86_64.jar 2>/dev/null | head -n 1)"
# What spark-submit adds to its JVMs (Spark's JavaModuleOptions), for JVMs started without it; as in pom.xml.
SPARK_JVM_OPTIONS="-XX:+IgnoreUnrecognizedVMOptions --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true"
MECHANIST_JVM_OPTIONS="--enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -XX:G1HeapRegionSize=16m ${MECHANIST_JAVA_OPTIONS:--Xmx8g}"

need_build() {
  if [ ! -f "$JAR" ] || [ ! -f "$MODULE/target/test-classpath.txt" ]; then
    echo "mechanist spark: $JAR is not built yet; run ./mechanist build first." >&2
    exit 1
  fi
}

local_java() { # runs a main class on Spark's own jars from the build's class path, in this JVM
  need_build
  if ! mechanist_find_jdk; then
    echo "mechanist spark: no JDK 21 or newer found." >&2
    exit 1
  fi
  main="$1"; shift
  # shellcheck disable=SC2086
  exec "$MECHANIST_JDK/bin/java" $MECHANIST_JVM_OPTIONS $SPARK_JVM_OPTIONS -Dspark.master="${MECHANIST_SPARK_MASTER:-local[2]}" \
    -cp "$MODULE/target/classes:$MODULE/target/test-classes:$(cat "$MODULE/target/test-classpath.txt")" "$main" "$@"
}

case "${1-}" in
  capture|sweep)
    local_java io.mechanist.spark.SparkCaptureMain "$@"
    ;;
  bench)
    shift
    cd "$MODULE" # the benchmark finds the demo model and dataset from here, as the tests do
    local_java io.mechanist.spark.SparkCaptureBenchmark "$@"
    ;;
  ""|help|--help|-h)
    cat <<USAGE
Mechanist on Apache Spark 4.2 (Scala 2.13, Java 21 or newer; docs/scale-out.md). Application jar:
  $JAR$( [ -f "$JAR" ] || echo "   (not built yet: ./mechanist build)")
DJL's natives for linux x86_64 CPU executors (ship them, the executors must not download):
  ${NATIVES:-$MODULE/target/natives/pytorch-native-cpu-<version>-linux-x86_64.jar}
A capture's store is on the driver's disk, where executors either see it at the same path (a shared volume) or
stage their shards on a Hadoop filesystem (--staging hdfs://... | s3a://... | file:/...) for the driver to fetch
and commit; or the store itself is on a Hadoop filesystem (--store hdfs://... | s3a://...), executors write their
shards into it and the driver commits them there (copy it down to open it: hadoop fs -get, aws s3 sync).
The checkpoint is a folder at the same path everywhere, or a Hadoop URI (--model hdfs://.../gpt2) that the driver
and each executor copy once (safetensors, config and tokenizer files only). A capture's driver loads no
weights; a sweep's executors write nothing, so a sweep needs no shared volume with a Hadoop URI checkpoint.

  spark-submit --master spark://HOST:7077 \\
    --class io.mechanist.spark.SparkCaptureMain \\
    --jars ${NATIVES:-pytorch-native-cpu-2.7.1-linux-x86_64.jar} \\
    --conf spark.executorEnv.OMP_WAIT_POLICY=PASSIVE \\
    --conf spark.driver.extraJavaOptions="--enable-native-access=ALL-UNNAMED -Dai.djl.offline=true" \\
    --conf spark.executor.extraJavaOptions="--enable-native-access=ALL-UNNAMED -Dai.djl.offline=true" \\
    $JAR \\
    capture --store /shared/my-store --model /shared/models/gpt2 --dataset /shared/prompts.jsonl \\
            --sites 'blocks.*.resid_post' --shard-mb 256

  without a shared volume: the same, ending in
    capture --store /data/my-store --model hdfs://nn:8020/models/gpt2 --dataset /data/prompts.jsonl \\
            --staging hdfs://nn:8020/tmp/mechanist --sites 'blocks.*.resid_post' --shard-mb 256
  or with the store on HDFS or S3:
    capture --store hdfs://nn:8020/stores/my-store --model hdfs://nn:8020/models/gpt2 --dataset /data/prompts.jsonl \\
            --sites 'blocks.*.resid_post' --shard-mb 256

A steering sweep (the options of \`mechanist steer\` plus --prompts-per-task; stored as that verb stores it):
  the same spark-submit line, ending in
    $JAR \\
    sweep --store /shared/my-store --model /shared/models/gpt2 --held-out ab --contrast ab \\
          --layers 2,4,6 --multipliers -1,0,1 --prompts-per-task 64

  ./mechanist spark capture --store DIR --model DIR --dataset FILE ...   the same on local[2] in one JVM
  ./mechanist spark sweep --store DIR --model DIR --held-out CAPTURE ...  a sweep on local[2] in one JVM
  ./mechanist spark bench [copies] [N]     single-process capture against Spark local[N], timed in one run
USAGE
    ;;
  *)
    echo "mechanist spark: unknown command '$1' (./mechanist spark lists them)" >&2
    exit 2
    ;;
esac
