#!/bin/sh
# The code-site scan of a 60 MB Spring Boot layout fat jar: builds target/bench/boot-60mb.jar from the jars
# of the local Maven repository (one version per artifact, BOOT-INF/lib, stored as Spring Boot stores them)
# with HeapDelta's analyzer classes as BOOT-INF/classes, then times `heapdelta bench --classpath` on it.
# Run from the repository root after `mvn -q -DskipTests package`.
set -eu
repository="${MAVEN_REPOSITORY:-$HOME/.m2/repository}"
jar=target/bench/boot-60mb.jar
mkdir -p target/bench
python3 - "$repository" "$jar" analyzer/target/classes <<'PY'
import os, sys, zipfile
repository, out, classes = sys.argv[1], sys.argv[2], sys.argv[3]
budget = 60 * 1024 * 1024
newest = {}
for root, dirs, files in sorted(os.walk(repository)):
    dirs.sort()
    for name in sorted(files):
        if not name.endswith(".jar") or name.endswith(("-sources.jar", "-javadoc.jar", "-tests.jar")):
            continue
        artifact = os.path.dirname(os.path.dirname(os.path.join(root, name)))
        newest[artifact] = os.path.join(root, name)
total = 0
with zipfile.ZipFile(out, "w") as fat:
    for base, _, files in os.walk(classes):
        for name in sorted(files):
            path = os.path.join(base, name)
            fat.write(path, "BOOT-INF/classes/" + os.path.relpath(path, classes), zipfile.ZIP_DEFLATED)
    for artifact in sorted(newest):
        path = newest[artifact]
        try:
            zipfile.ZipFile(path).close()
        except zipfile.BadZipFile:
            continue
        if total + os.path.getsize(path) > budget:
            continue
        fat.write(path, "BOOT-INF/lib/" + os.path.basename(path), zipfile.ZIP_STORED)
        total += os.path.getsize(path)
print("%s: %.1f MB, %.1f MB of nested jars" % (out, os.path.getsize(out) / 1048576, total / 1048576))
PY
java -Xmx512m -jar app/target/heapdelta.jar bench --classpath "$jar"
