#!/usr/bin/env bash
# Compares `heapdelta summary --json` on the reference dumps (reference/, see its README.md) with the
# figures Eclipse MAT and Chrome DevTools computed on the same files. Run after
# `mvn -q -DskipTests package`. Usage: scripts/check-reference.sh [JAR]
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
ref=$root/reference
jar=${1:-$root/app/target/heapdelta.jar}
[[ -f $jar ]] || { echo "no $jar: build with mvn -q -DskipTests package"; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
status=0
run() { # dump, kind, reference
  local name=$(basename "$1"); local plain=$tmp/${name%.gz}
  gunzip -c "$1" > "$plain"
  if timeout 60 java -jar "$jar" summary "$plain" --json "$tmp/s.json" --top 60 >/dev/null 2>"$tmp/err"; then
    python3 "$(dirname "$0")/check-summary.py" "$2" "$tmp/s.json" "$3" | sed "s/^/$name: /" | grep -vE ": ok  " || status=1
  else
    echo "$name: summary failed: $(head -c 300 "$tmp/err")"; status=1
  fi
}
run "$ref/java/java-small-b.hprof.gz" mat "$ref/java/java-small-b.mat.tsv"
run "$ref/node/node-all-t2.heapsnapshot.gz" devtools "$ref/node/devtools-summary-node-all-t2.json"
exit $status
