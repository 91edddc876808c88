#!/usr/bin/env bash
# Installer smoke test, run by CI after `mvn verify`: builds the app image (jlink runtime + jpackage
# launcher, not the .deb, to stay fast) and runs its launcher headless on the bundled sample dumps.
# Run from anywhere; it works in the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

fail() {
  echo "installer smoke test FAILED: $*" >&2
  exit 1
}

echo "== build the app image (mvn -Pinstaller -Dinstaller.skipPackage package)"
mvn -B -ntp -q -Dstyle.color=never -Pinstaller -DskipTests -Dinstaller.skipPackage package

image=installer/target/app-image/heapdelta
launcher=$image/bin/heapdelta
[[ -x $launcher ]] || fail "no launcher at $launcher"
echo "app image: $(du -sh "$image" | cut -f1), runtime modules: $("$image/lib/runtime/bin/java" --list-modules | cut -d@ -f1 | paste -sd, -)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Headless: no display, as in CI and on a server.
run() {
  env -u DISPLAY -u WAYLAND_DISPLAY "$launcher" "$@"
}

echo "== heapdelta --version"
version=$(run --version)
echo "$version"
[[ $version == "heapdelta "* ]] || fail "--version printed '$version'"

echo "== the launcher passes the exit code through (2 for input that is not a dump)"
printf 'not a heap dump' > "$work/not-a-dump.hprof"
set +e
run summary "$work/not-a-dump.hprof" > /dev/null 2> "$work/not-a-dump.err"
code=$?
set -e
[[ $code == 2 ]] || fail "summary of a non-dump exited with $code, expected 2: $(cat "$work/not-a-dump.err")"

t0=sample-dumps/java/leaks-t0.hprof.gz
t2=sample-dumps/java/leaks-t2.hprof.gz

echo "== heapdelta summary $t0"
set +e
run summary "$t0" --json "$work/summary.json" 2> "$work/summary.err"
code=$?
set -e
if grep -q "HPROF reading is not available in this build" "$work/summary.err"; then
  echo "SKIPPED: summary and diff on the sample dumps, because this build has no HPROF reader yet"
  echo "         (summary answered: $(cat "$work/summary.err"))"
else
  [[ $code == 0 ]] || fail "summary exited with $code: $(cat "$work/summary.err")"

  echo "== heapdelta diff --json $t0 $t2"
  run diff "$t0" "$t2" --json "$work/diff.json" || fail "diff exited with $?"

  python3 - "$work/summary.json" "$work/diff.json" <<'PY'
import json, sys
summary = json.load(open(sys.argv[1]))
assert summary["format"] == "hprof", summary["format"]
assert summary["objects"] > 0 and summary["totalShallowBytes"] > 0, summary
print(f"summary: {summary['objects']:,} objects, {summary['totalShallowBytes']:,} bytes, {summary['classes']:,} classes")
diff = json.load(open(sys.argv[2]))
assert len(diff["snapshots"]) == 2, diff["snapshots"]
assert diff["suspects"], "the diff of the leaking sample found no suspect"
# The sample's biggest leak, as scripts/test.sh expects it from the jar.
assert diff["suspects"][0]["pathKey"] == "static SessionStore.CACHE", [s["pathKey"] for s in diff["suspects"]][:5]
print("diff: first suspect:", diff["suspects"][0]["title"], "at", diff["suspects"][0]["pathKey"])
PY
fi

echo "installer smoke test passed in $((SECONDS - started)) s"
