package dev.heapdelta.analyzer.hprof;

/** The top-level HPROF record tags, each with its wire code. */
enum HprofTag {
    STRING_IN_UTF8(0x01),
    LOAD_CLASS(0x02),
    UNLOAD_CLASS(0x03),
    STACK_FRAME(0x04),
    STACK_TRACE(0x05),
    ALLOC_SITES(0x06),
    HEAP_SUMMARY(0x07),
    START_THREAD(0x0a),
    END_THREAD(0x0b),
    HEAP_DUMP(0x0c),
    CPU_SAMPLES(0x0d),
    CONTROL_SETTINGS(0x0e),
    HEAP_DUMP_SEGMENT(0x1c),
    HEAP_DUMP_END(0x2c);

    private static final HprofTag[] BY_CODE = new HprofTag[256];

    static {
        for (HprofTag tag : values()) {
            BY_CODE[tag.code] = tag;
        }
    }

    final int code;

    HprofTag(int code) {
        this.code = code;
    }

    /** The tag for a wire code, or null for a code HPROF does not define. */
    static HprofTag ofCode(int code) {
        return BY_CODE[code & 0xff];
    }
}
