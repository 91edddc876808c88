#!/usr/bin/env python3
"""The closing summary of scripts/test.sh: JUnit tests run / failed / skipped per module (from the
surefire XML reports), each skipped test with its reason, then the script's own checks (fuzzing per
reader, smoke runs, installer), and a last line `N passed, N failed, N skipped`.

Under CI=true a skipped test fails the run unless the allow-list names it with a reason; a line of
the allow-list is `Class[#testPrefix]  reason` (simple or fully qualified class name).

Usage: test-summary.py --checks CHECKS.tsv --allowed-skips FILE MODULE_DIR...
Exits 1 when anything failed (or, under CI, a skip is not allowed)."""
import argparse
import glob
import os
import sys
import xml.etree.ElementTree as ElementTree


def read_allowed(path):
    allowed = []
    if not os.path.exists(path):
        return allowed
    for number, line in enumerate(open(path), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split(None, 1)
        if len(parts) < 2:
            sys.exit(f"{path}:{number}: an allowed skip needs a reason after the test's name")
        name, reason = parts
        cls, _, method = name.partition("#")
        allowed.append((cls, method, reason))
    return allowed


def is_allowed(allowed, classname, test):
    simple = classname.rsplit(".", 1)[-1]
    return any(cls in (classname, simple) and test.startswith(method) for cls, method, _ in allowed)


def module_results(module):
    tests = failed = skipped = 0
    skips, failures = [], []
    for report in sorted(glob.glob(os.path.join(module, "target", "surefire-reports", "TEST-*.xml"))):
        root = ElementTree.parse(report).getroot()
        for case in root.iter("testcase"):
            tests += 1
            classname, name = case.get("classname", ""), case.get("name", "")
            skip = case.find("skipped")
            problem = case.find("failure") if case.find("failure") is not None else case.find("error")
            if problem is not None:
                failed += 1
                message = (problem.get("message") or problem.get("type") or "").splitlines()
                failures.append((classname, name, message[0][:200] if message else ""))
            elif skip is not None:
                skipped += 1
                skips.append((classname, name, (skip.get("message") or "no reason given").strip()))
    return tests, failed, skipped, skips, failures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--checks", required=True)
    parser.add_argument("--allowed-skips", required=True)
    parser.add_argument("modules", nargs="+")
    args = parser.parse_args()
    on_ci = os.environ.get("CI") == "true"
    allowed = read_allowed(args.allowed_skips)

    passed = failed = skipped = 0
    not_allowed = []
    print("== summary")
    print(f"{'module':<14}{'run':>7}{'failed':>8}{'skipped':>9}")
    all_skips, all_failures = [], []
    for module in args.modules:
        tests, module_failed, module_skipped, skips, failures = module_results(module)
        if tests == 0:
            print(f"{module:<14}{'no test reports':>24}")
            continue
        print(f"{module:<14}{tests:>7,}{module_failed:>8,}{module_skipped:>9,}")
        passed += tests - module_failed - module_skipped
        failed += module_failed
        skipped += module_skipped
        all_skips += [(module,) + s for s in skips]
        all_failures += [(module,) + f for f in failures]
    for module, classname, name, message in all_failures:
        print(f"FAILED  {module}: {classname}.{name}: {message}")
    if all_skips:
        print("skipped:")
    for module, classname, name, reason in all_skips:
        verdict = ""
        if on_ci and not is_allowed(allowed, classname, name):
            verdict = "  [not in " + args.allowed_skips + ": fails the run under CI]"
            not_allowed.append(name)
        print(f"  {module}: {classname.rsplit('.', 1)[-1]}.{name}: {reason}{verdict}")

    print("checks:")
    for line in open(args.checks) if os.path.exists(args.checks) else []:
        name, status, detail = (line.rstrip("\n").split("\t") + ["", ""])[:3]
        print(f"  {'ok    ' if status == 'ok' else 'FAILED'} {name}{': ' + detail if detail else ''}")
        if status == "ok":
            passed += 1
        else:
            failed += 1
    if not_allowed:
        print(f"{len(not_allowed)} skipped test(s) not allowed under CI=true (add them, with a reason, "
              f"to {args.allowed_skips} only if the skip is expected on CI)")
    print(f"{passed:,} passed, {failed:,} failed, {skipped:,} skipped")
    return 1 if failed or not_allowed else 0


if __name__ == "__main__":
    sys.exit(main())
