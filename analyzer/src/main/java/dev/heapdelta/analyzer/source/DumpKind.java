package dev.heapdelta.analyzer.source;

/** What a file's first bytes say it is. */
public enum DumpKind {
    HPROF,
    V8_SNAPSHOT,
    UNKNOWN
}
