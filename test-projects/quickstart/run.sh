#!/usr/bin/env bash
# Builds the plugin, builds this example with it, runs the example, and shows what the plugin made:
# the build's summary line, its account of the generator in words, then the generated class.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."

echo "== Installing the runtime and the plugin (tests skipped; about a minute the first time)"
mvn -q -f "$root/pom.xml" install -DskipTests -Dinvoker.skip

echo "== Building the example with the plugin (mvn clean package): its summary line, one per goal"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! mvn -B -f "$here/pom.xml" clean package -DskipTests >"$log" 2>&1; then
    cat "$log"
    exit 1
fi
# One line per goal: rewrite (target/classes), then rewrite-tests (target/test-classes).
grep 'generators: scanned' "$log" | sed 's/^\[INFO\] //' | paste -d ' ' <(printf '   main classes:\n   test classes:\n') -

classes="$here/target/classes"
runtime="$root/runtime/target/generators-runtime-0.1.0-SNAPSHOT.jar"
echo
echo "== Running example.Fib: the first ten Fibonacci numbers, from a for-each over the generator"
java -cp "$classes:$runtime" example.Fib

echo
echo "== What the plugin made of Fib.fibonacci (target/generators/explain/example/Fib.txt)"
cat "$here/target/generators/explain/example/Fib.txt"

echo
echo "== The generator class (javap -c -p): its fields are the method's locals"
javap -c -p -cp "$classes:$runtime" 'example.Fib$fibonacci$Generator'
echo
echo "docs/how-it-works.md walks through this listing and the rewritten Fib.fibonacci, line by line."
echo "To see the rewritten Fib too: (cd test-projects/quickstart && javap -c -p -cp target/classes:../../runtime/target/generators-runtime-0.1.0-SNAPSHOT.jar example.Fib)"
