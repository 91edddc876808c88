#!/usr/bin/env bash
# The project's test command (README): the Maven build with every test, fixed-time fuzzing of each
# reader, then the smoke runs that keep the shipped commands working end to end. It ends with one
# summary (scripts/test-summary.py): tests run / failed / skipped per module, every skip with its
# reason, the fuzz and smoke figures, and a last line "N passed, N failed, N skipped". Under CI=true
# a skipped test fails the run unless scripts/allowed-skips.txt lists it with a reason. Each step's
# full output is in target/test-run/<step>.log. Run from the repository root.
set -uo pipefail
cd "$(dirname "$0")/.."

run=target/test-run
rm -rf "$run"
mkdir -p "$run"
checks=$run/checks.tsv
: > "$checks"
# The modules whose tests the summary counts: the parent pom's, less the installer profile's.
modules=$(sed -n 's|.*<module>\(.*\)</module>.*|\1|p' pom.xml | grep -vx installer | tr '\n' ' ')

record() { # name, status, detail
  printf '%s\t%s\t%s\n' "$1" "$2" "$3" >> "$checks"
}

# step NAME COMMAND…: runs it with its output in $run/NAME.log; on failure shows the log's tail.
step() {
  local name=$1
  shift
  echo "== $name"
  local code=0
  "$@" > "$run/$name.log" 2>&1 || code=$?
  if ((code != 0)); then
    tail -n 25 "$run/$name.log" | sed 's/^/   | /'
  fi
  return $code
}

if [[ -f test-node/package-lock.json ]]; then
  if step npm-ci npm ci --prefix test-node --no-audit --no-fund; then
    record "npm ci (test-node)" ok ""
  else
    record "npm ci (test-node)" failed "see $run/npm-ci.log"
  fi
fi

# Test failures do not stop the build, so that every module's tests run and the summary counts them
# all; a build that cannot compile or package stops here.
echo "== maven: mvn verify (output: $run/maven.log)"
mvn -B -ntp -Dstyle.color=never -Dmaven.test.failure.ignore=true verify 2>&1 | tee "$run/maven.log" |
  grep --line-buffered -E '^\[INFO\] Building heapdelta|Tests run:.*(Fail|Err)[a-z]*: [1-9]|^\[ERROR\]|BUILD (SUCCESS|FAILURE)' || true
if grep -q 'BUILD SUCCESS' "$run/maven.log"; then
  record "maven build" ok ""
else
  record "maven build" failed "see $run/maven.log"
  python3 scripts/test-summary.py --checks "$checks" --allowed-skips scripts/allowed-skips.txt $modules
  exit 1
fi

# Fixed-time fuzzing of each reader (about 60 s each, docs/robustness.md); a finding fails the run
# and leaves its input under analyzer/src/test/resources/…/*FuzzTestInputs/ as a new regression seed.
for target in HprofReaderFuzzTest V8SnapshotReaderFuzzTest; do
  corpus=analyzer/.cifuzz-corpus/dev.heapdelta.analyzer.robustness.$target/anyBytesReadAsAGraphOrATypedError
  if step "fuzz-$target" mvn -B -ntp -q -Pfuzz -pl analyzer surefire:test -Dtest="$target" \
      -Dsurefire.failIfNoSpecifiedTests=false; then
    outcome="0 findings"
    status=ok
  else
    outcome="a finding (see $run/fuzz-$target.log)"
    status=failed
  fi
  record "fuzz $target" $status "$(python3 scripts/fuzz-figures.py "$target" "$corpus" "$outcome" "$run/fuzz-$target.log" \
    "analyzer/target/surefire-reports/dev.heapdelta.analyzer.robustness.$target-output.txt" | cut -d: -f2-)"
done

jar=app/target/heapdelta.jar
smoke=$(mktemp -d)
trap 'rm -rf "$smoke"' EXIT

if step smoke-version java -jar "$jar" --version; then
  record "smoke: --version" ok "$(head -n 1 "$run/smoke-version.log")"
else
  record "smoke: --version" failed "see $run/smoke-version.log"
fi

for format in hprof v8; do
  if step "smoke-bench-$format" java -jar "$jar" bench --generate $format --scale 0.01 --out "$smoke"; then
    record "smoke: bench --generate $format --scale 0.01" ok \
      "$(grep -E '^  (objects|read) ' "$run/smoke-bench-$format.log" | sed 's/^ *//; s/  */ /g' | paste -sd ';' - | sed 's/;/; /g')"
  else
    record "smoke: bench --generate $format --scale 0.01" failed "see $run/smoke-bench-$format.log"
  fi
done

diff_of_the_example() {
  java -jar "$jar" diff sample-dumps/java/leaks-t0.hprof.gz sample-dumps/java/leaks-t1.hprof.gz \
    sample-dumps/java/leaks-t2.hprof.gz --json "$smoke/diff.json" --pdf "$smoke/report.pdf" || return 1
  head -c 5 "$smoke/report.pdf" | grep -q '%PDF-' || { echo "diff --pdf wrote no PDF"; return 1; }
  python3 - "$smoke/diff.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
keys = [s["pathKey"] for s in report["suspects"]]
assert keys and keys[0] == "static SessionStore.CACHE", keys[:5]
print("first suspect:", report["suspects"][0]["title"])
PY
}
if step smoke-diff diff_of_the_example; then
  record "smoke: diff of the bundled Java example, --json and --pdf" ok "$(tail -n 1 "$run/smoke-diff.log")"
else
  record "smoke: diff of the bundled Java example, --json and --pdf" failed "see $run/smoke-diff.log"
fi

if step installer ./installer/smoke-test.sh; then
  record "installer: app image smoke test" ok "$(tail -n 1 "$run/installer.log")"
else
  record "installer: app image smoke test" failed "see $run/installer.log"
fi

python3 scripts/test-summary.py --checks "$checks" --allowed-skips scripts/allowed-skips.txt $modules
