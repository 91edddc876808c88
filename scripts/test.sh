#!/usr/bin/env bash
# The project's test command (README): the Maven build with every test, then the smoke runs that
# keep the shipped commands working end to end. Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -ntp verify

# Fixed-time fuzzing of each reader (about 60 s each, docs/robustness.md); a finding fails the run
# and leaves its input under analyzer/src/test/resources/…/*FuzzTestInputs/ as a new regression seed.
for target in HprofReaderFuzzTest V8SnapshotReaderFuzzTest; do
  echo "== fuzz: $target"
  # libFuzzer prints its progress and the closing "Done N runs in 61 second(s)" on the console.
  mvn -B -ntp -q -Pfuzz -pl analyzer surefire:test -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false
done

jar=app/target/heapdelta.jar
smoke=$(mktemp -d)
trap 'rm -rf "$smoke"' EXIT

echo "== smoke: version"
java -jar "$jar" --version

echo "== smoke: benchmark on a small generated HPROF"
java -jar "$jar" bench --generate hprof --scale 0.01 --out "$smoke"

echo "== smoke: benchmark on a small generated V8 snapshot"
java -jar "$jar" bench --generate v8 --scale 0.01 --out "$smoke"

echo "== smoke: diff of the bundled Java example series"
java -jar "$jar" diff sample-dumps/java/leaks-t0.hprof.gz sample-dumps/java/leaks-t1.hprof.gz \
  sample-dumps/java/leaks-t2.hprof.gz --json "$smoke/diff.json" --pdf "$smoke/report.pdf"
head -c 5 "$smoke/report.pdf" | grep -q '%PDF-' || { echo "diff --pdf wrote no PDF" >&2; exit 1; }
python3 - "$smoke/diff.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
keys = [s["pathKey"] for s in report["suspects"]]
assert keys and keys[0] == "static SessionStore.CACHE", keys[:5]
print("first suspect:", report["suspects"][0]["title"])
PY

echo "== smoke: installer app image"
./installer/smoke-test.sh
