package dev.heapdelta.analyzer.hprof;

import dev.heapdelta.analyzer.source.DumpFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The file header: {@code JAVA PROFILE 1.0.x} and a NUL, the identifier size, and the dump time.
 *
 * @param version the header text without its NUL, as the file states it
 * @param firstRecordOffset where the records start
 */
record HprofHeader(String version, int idSize, long timestampMillis, long firstRecordOffset) {
    private static final String MAGIC = "JAVA PROFILE ";
    private static final int MAX_VERSION_LENGTH = 32;

    static HprofHeader read(BlockInput in, String fileName, ReadProblems problems) throws IOException {
        in.seek(0);
        if (in.fileSize() == 0) {
            throw new DumpFormatException(fileName, 0, "empty file");
        }
        int available = (int) Math.min(in.fileSize(), MAX_VERSION_LENGTH + 13);
        in.ensure(available);
        byte[] buffer = in.buffer();
        int start = in.index();
        int nul = -1;
        for (int i = 0; i < available; i++) {
            if (buffer[start + i] == 0) {
                nul = i;
                break;
            }
        }
        String prefix = new String(buffer, start, Math.min(available, MAGIC.length()), StandardCharsets.ISO_8859_1);
        if (!MAGIC.startsWith(prefix)) {
            throw new DumpFormatException(fileName, 0, "not an HPROF file (no JAVA PROFILE header)");
        }
        if (nul < 0) {
            if (available < MAGIC.length() + MAX_VERSION_LENGTH) {
                throw new DumpFormatException(fileName, available, "truncated in the header");
            }
            throw new DumpFormatException(fileName, 0, "not an HPROF file (header is not NUL-terminated)");
        }
        String version = new String(buffer, start, nul, StandardCharsets.ISO_8859_1);
        if (!version.startsWith(MAGIC)) {
            throw new DumpFormatException(fileName, 0, "not an HPROF file (no JAVA PROFILE header)");
        }
        if (!version.equals("JAVA PROFILE 1.0.1") && !version.equals("JAVA PROFILE 1.0.2")
                && !version.equals("JAVA PROFILE 1.0.3") && !version.equals("JAVA PROFILE 1.0")) {
            problems.warn("unknown HPROF version, read as 1.0.2", version);
        }
        in.advance(nul + 1);
        long afterVersion = in.position();
        if (!in.ensure(12)) {
            throw new DumpFormatException(fileName, in.fileSize(), "truncated in the header");
        }
        int idSize = in.i4();
        if (idSize != 4 && idSize != 8) {
            throw new DumpFormatException(fileName, afterVersion,
                    "identifier size " + idSize + " is not supported (only 4 or 8)");
        }
        long timestamp = in.i8();
        return new HprofHeader(version, idSize, timestamp, in.position());
    }
}
