#!/usr/bin/env python3
"""Extracts the figures of one libFuzzer run from its logs: executions, seconds, coverage (edges and
features), corpus size. libFuzzer writes to the test JVM's stderr, which surefire may keep in its
own output file, so every log given is read.
Usage: fuzz-figures.py TARGET CORPUS_DIR OUTCOME LOG... (prints one line)."""
import os
import re
import sys

target, corpus, outcome = sys.argv[1:4]
text = "".join(open(log, errors="replace").read() for log in sys.argv[4:] if os.path.exists(log))
done = re.findall(r"Done (\d+) runs in (\d+) second", text)
stats = re.findall(r"#(\d+)\s+\w+\s+cov: (\d+) ft: (\d+) corp: (\d+)", text)
executions, seconds = (int(done[-1][0]), int(done[-1][1])) if done else (int(stats[-1][0]) if stats else 0, 0)
cov, ft = (int(stats[-1][1]), int(stats[-1][2])) if stats else (0, 0)
files = [f for f in os.listdir(corpus)] if os.path.isdir(corpus) else []
size = sum(os.path.getsize(os.path.join(corpus, f)) for f in files)
print(f"{target}: {executions:,} executions in {seconds:,} s, coverage {cov:,} edges / {ft:,} features, "
      f"corpus {len(files):,} inputs ({size:,} bytes), {outcome}")
