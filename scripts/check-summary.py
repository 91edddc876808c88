#!/usr/bin/env python3
"""Compares a `heapdelta summary --json` result with a reference tool's figures on the same dump.
Usage: check-summary.py mat SUMMARY.json MAT.tsv           (HPROF: the MatRun TSV)
       check-summary.py devtools SUMMARY.json DEVTOOLS.json (V8: the DevTools worker summary)
The field definitions are those of docs/design.md §3 and §6. Prints one line per comparison, then a
figure line; exits 0 when everything agrees within tolerance."""
import json, sys

kind, summary_path, ref_path = sys.argv[1:4]
s = json.load(open(summary_path))
bad = 0

def same(label, ours, ref, tol=0.0):
    global bad
    ok = ours is not None and ref is not None and abs(ours - ref) <= tol * max(abs(ref), 1)
    bad += not ok
    print(f"{'ok  ' if ok else 'DIFF'} {label}: ours {ours} ref {ref}")

def missing(label):
    global bad
    bad += 1
    print(f"MISS {label}")

if kind == "mat":
    ref, hist, dom, big = {}, [], [], []
    for line in open(ref_path):
        f = line.rstrip("\n").split("\t")
        if f[0] == "summary": ref[f[1]] = int(f[2])
        elif f[0] == "hist": hist.append(f)
        elif f[0] == "dom": dom.append(f)
        elif f[0] == "big": big.append(f)
    # MAT counts one pseudo-object for the bootstrap class loader; HeapDelta does not.
    same("objects", s.get("objects"), ref["objects"] - 1)
    same("classes", s.get("classes"), ref["classes"])
    same("gcRoots", s.get("gcRoots"), ref["gc_roots"])
    same("totalShallowBytes", s.get("totalShallowBytes"), ref["heap_bytes"])
    classes = {c["name"]: c for c in s.get("topClasses", [])}
    checked = 0
    for f in hist:
        # columns: rank, class, address, instances, shallow, mat_hist, min_instances, precise_instances
        name, count, shallow, min_retained = f[2], int(f[4]), int(f[5]), int(f[7])
        if count == 0: continue
        c = classes.get(name)
        if c is None:
            missing(f"class {name} not in topClasses")
        else:
            same(f"{name} count", c.get("count"), count)
            same(f"{name} shallow", c.get("shallowBytes"), shallow)
            same(f"{name} retained", c.get("retainedBytes"), min_retained, 0.001)
        checked += 1
        if checked == 20: break
    ours_dom = s.get("topDominators", [])
    for f in dom[:10]:
        # columns: rank, address, class, label, shallow, retained
        cls, label, retained = f[3], f[4], int(f[6])
        hit = [d for d in ours_dom if d.get("className") == cls and abs(d.get("retainedBytes", -1) - retained) <= 0.001 * retained]
        if hit: same(f"dominator {cls} {label}", hit[0]["retainedBytes"], retained, 0.001)
        else: missing(f"dominator {cls} {label} retaining {retained} not in topDominators")
elif kind == "devtools":
    ref = json.load(open(ref_path))
    same("objects (nodes)", s.get("objects"), ref["nodes"])
    same("totalShallowBytes", s.get("totalShallowBytes"), ref["totalSize"])
    ref_classes = ref.get("allClasses") or ref["topClassesByRetained"]
    names = [c["class"] for c in ref_classes]
    ours = {}
    for c in s.get("topClasses", []):
        ours.setdefault(c["name"], []).append(c)
    checked = 0
    for c in ref["topClassesByRetained"]:
        if names.count(c["class"]) > 1 or c["class"] in ("global", "(GC roots)", "(Document DOM trees)"):
            continue
        o = ours.get(c["class"])
        if not o or len(o) > 1:
            missing(f"class {c['class']} not in topClasses exactly once"); continue
        same(f"{c['class']} count", o[0].get("count"), c["count"])
        same(f"{c['class']} retained", o[0].get("retainedBytes"), c["retained"], 0.001)
        checked += 1
        if checked == 15: break
print(f"{kind}: {bad} disagreements")
sys.exit(1 if bad else 0)
