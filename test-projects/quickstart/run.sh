#!/usr/bin/env bash
# Builds the plugin, builds this example with it, runs the example, and shows what the plugin made.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."

echo "== Installing the runtime and the plugin (tests skipped)"
mvn -q -f "$root/pom.xml" install -DskipTests -Dinvoker.skip

echo "== Building the example with the plugin"
mvn -q -f "$here/pom.xml" package -DskipTests

classes="$here/target/classes"
runtime="$root/runtime/target/generators-runtime-0.1.0-SNAPSHOT.jar"
echo "== Running example.Fib"
java -cp "$classes:$runtime" example.Fib

echo "== javap -c -p: the generated frame class"
javap -c -p -cp "$classes:$runtime" 'example.Fib$fibonacci$Generator'
echo "== javap -c -p: the rewritten class"
javap -c -p -cp "$classes:$runtime" example.Fib
