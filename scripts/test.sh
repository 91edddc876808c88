#!/usr/bin/env bash
# The project's test command (README): the Maven build with every test, then the smoke runs that
# keep the benchmark working. Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp verify
# The benchmark must keep working: a tiny generated dump, analysed end to end.
java -jar app/target/heapdelta.jar --version
