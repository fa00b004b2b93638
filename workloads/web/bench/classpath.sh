# Sourced by the scripts here: sets WEB_CP to a class path with the web workload on it. Uses the
# archbench jar when it is built (./archbench or ./mvnw package builds it), else compiles this module
# alone and asks Maven for its dependencies.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
if [[ -f $root/harness/target/archbench.jar && -z ${WEB_FROM_SOURCES:-} ]]; then
  WEB_CP=$root/harness/target/archbench.jar
else
  (cd "$root" && ./mvnw -B -q -pl workloads/web -am compile dependency:build-classpath \
      -Dmdep.outputFile=target/classpath.txt >/dev/null)
  WEB_CP=$root/workloads/web/target/classes:$(cat "$root/workloads/web/target/classpath.txt")
fi
export WEB_CP
