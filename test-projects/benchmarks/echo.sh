#!/usr/bin/env bash
# The event loop's echo benchmark (docs/event-loop.md, "Performance"): round trips per second and
# p99 latency at 1, 100 and 1,000 connections against Netty, virtual threads, asyncio and uvloop,
# then the heap per idle connection with 10,000 open. Run by hand, not in CI:
#
#   bash test-projects/benchmarks/echo.sh [EchoBenchmark options, e.g. --rounds 5 --seconds 5]
#   bash test-projects/benchmarks/echo.sh --servers loop --only idle     # the heap per idle connection alone
#
# It builds the modules and this project into a Maven repository of its own (target/local-repo
# unless MAVEN_REPO is set), installs Debian's python3-uvloop if it can (or says it skips uvloop),
# and runs the servers and the load generator on JDK 25 if it is there (for virtual threads).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
repo="${MAVEN_REPO:-$root/target/local-repo}"

# 10,000 idle connections need 10,000 descriptors on each side.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" || true
echo "open files allowed: $(ulimit -n)"

if /usr/bin/python3 -c 'import uvloop' 2>/dev/null; then
  echo "uvloop: installed for /usr/bin/python3"
elif command -v apt-get >/dev/null && [ "$(id -u)" = 0 ] \
    && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-uvloop >/dev/null; then
  echo "uvloop: installed python3-uvloop with apt-get"
else
  echo "uvloop: not installed (apt-get install -y python3-uvloop, as root): the uvloop server is skipped"
fi

(cd "$root" && mvn -q -Dmaven.repo.local="$repo" install -DskipTests -Dinvoker.skip)
# clean: classes compiled against an older loop may not link with this one (StreamReader and
# StreamWriter were classes before they were interfaces).
(cd "$here" && mvn -q -Dmaven.repo.local="$repo" clean package)

java=java
if [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
fi
exec "$java" -cp "$here/target/benchmarks.jar" bench.loop.EchoBenchmark --idle 10000 "$@"
