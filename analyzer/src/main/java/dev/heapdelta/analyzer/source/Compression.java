package dev.heapdelta.analyzer.source;

/** The wrapper a dump arrives in, told by its magic bytes, never its name. */
public enum Compression {
    NONE("plain"),
    GZIP("gzip"),
    BZIP2("bzip2"),
    XZ("xz"),
    ZSTD("zstd"),
    ZIP("zip");

    private final String label;

    Compression(String label) {
        this.label = label;
    }

    /** The name used in messages: "inside the xz stream". */
    public String label() {
        return label;
    }

    /** The wrapper the first bytes of a file show. */
    static Compression of(byte[] head) {
        if (startsWith(head, 0x1f, 0x8b)) {
            return GZIP;
        }
        if (startsWith(head, 'B', 'Z', 'h')) {
            return BZIP2;
        }
        if (startsWith(head, 0xfd, '7', 'z', 'X', 'Z', 0x00)) {
            return XZ;
        }
        if (startsWith(head, 0x28, 0xb5, 0x2f, 0xfd)) {
            return ZSTD;
        }
        if (startsWith(head, 'P', 'K', 0x03, 0x04)) {
            return ZIP;
        }
        return NONE;
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
