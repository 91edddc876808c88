#!/usr/bin/env bash
# Long fuzzing of both readers, outside CI: scripts/fuzz-long.sh [MINUTES] fuzzes each reader for
# MINUTES (default 30), stopping early once FUZZ_RUNS executions (default 1,000,000) are done, at
# nice 19 so that the machine stays usable. The corpus grows in analyzer/src/test/fuzz-corpus/
# (kept in git, fed back in on the next run); a finding fails the reader and leaves its input under
# analyzer/src/test/resources/…/*FuzzTestInputs/, where every `mvn verify` replays it. Figures per
# reader (executions, seconds, coverage, corpus, findings) go to target/fuzz-long/summary.txt;
# libFuzzer's progress goes to target/fuzz-long/<reader>.log. FUZZ_TARGETS picks the readers
# (default both, one after the other); FUZZ_SKIP_COMPILE=1 skips the test-compile (two runs at once
# from one checkout, each with its own FUZZ_TARGETS).
set -euo pipefail
cd "$(dirname "$0")/.."

minutes=${1:-30}
runs=${FUZZ_RUNS:-1000000}
out=target/fuzz-long
mkdir -p "$out"
targets=${FUZZ_TARGETS:-HprofReaderFuzzTest V8SnapshotReaderFuzzTest}

[ -n "${FUZZ_SKIP_COMPILE:-}" ] || mvn -B -ntp -q -DskipTests test-compile -pl analyzer

status=0
for target in $targets; do
  kept=analyzer/src/test/fuzz-corpus/$target
  working=analyzer/.cifuzz-corpus/dev.heapdelta.analyzer.robustness.$target/anyBytesReadAsAGraphOrATypedError
  mkdir -p "$kept" "$working"
  cp -rn "$kept"/. "$working"/
  log=$out/$target.log
  echo "== fuzz-long: $target, up to $minutes min or $runs executions (log: $log)"
  # jazzer.internal.arg.N are libFuzzer's arguments (0 is argv[0]); they come after the annotation's
  # -max_total_time, and libFuzzer keeps the last value of a flag.
  if nice -n 19 mvn -B -ntp -Pfuzz -pl analyzer surefire:test -Dtest="$target" \
      -Dsurefire.failIfNoSpecifiedTests=false \
      -Djazzer.internal.arg.0=fuzz-long \
      -Djazzer.internal.arg.1=-max_total_time=$((minutes * 60)) \
      -Djazzer.internal.arg.2=-runs="$runs" \
      -Djazzer.internal.arg.3=-print_final_stats=1 >"$log" 2>&1; then
    outcome="0 findings"
  else
    outcome="FINDING or failure (see $log)"
    status=1
  fi
  cp -rn "$working"/. "$kept"/
  cp "analyzer/target/surefire-reports/dev.heapdelta.analyzer.robustness.$target-output.txt" "$out/$target.output.txt" 2>/dev/null || true
  python3 scripts/fuzz-figures.py "$target" "$kept" "$outcome" "$log" "$out/$target.output.txt" | tee "$out/$target.figures"
done
cat "$out"/*.figures > "$out/summary.txt"
exit $status
