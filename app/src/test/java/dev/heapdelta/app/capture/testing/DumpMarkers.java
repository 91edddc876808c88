package dev.heapdelta.app.capture.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * A minimal check that a captured file is a dump holding a marker, for as long as the HPROF reader is
 * not on main: an HPROF must have its header, top-level records that add up exactly to the end of
 * the file, and a LOAD CLASS record whose name string is the marker; a V8 snapshot must be
 * well-formed JSON with the marker among its strings.
 */
public final class DumpMarkers {
    private static final int TAG_UTF8 = 0x01;
    private static final int TAG_LOAD_CLASS = 0x02;

    private DumpMarkers() {
    }

    public static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return isGzip(file) ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
    }

    /**
     * True when the HPROF file (plain or gzipped) loads a class of this name (binary name, {@code a.b.C$D}).
     *
     * @throws IOException when the file is not HPROF or a record runs past its end
     */
    public static boolean hprofLoadsClass(Path file, String className) throws IOException {
        byte[] wanted = className.replace('.', '/').getBytes(StandardCharsets.UTF_8);
        try (DataInputStream in = new DataInputStream(open(file))) {
            byte[] header = "JAVA PROFILE 1.0.".getBytes(StandardCharsets.US_ASCII);
            byte[] start = in.readNBytes(header.length);
            if (!java.util.Arrays.equals(start, header)) {
                throw new IOException(file + " has no HPROF header");
            }
            while (in.readByte() != 0) {
                // The version digit and the terminating NUL.
            }
            int idSize = in.readInt();
            in.readLong();
            Set<Long> markerNameIds = new HashSet<>();
            boolean loaded = false;
            while (true) {
                int tag;
                try {
                    tag = in.readUnsignedByte();
                } catch (EOFException end) {
                    return loaded;
                }
                in.readInt();
                long length = Integer.toUnsignedLong(in.readInt());
                if (tag == TAG_UTF8) {
                    long id = readId(in, idSize);
                    byte[] text = in.readNBytes((int) (length - idSize));
                    if (java.util.Arrays.equals(text, wanted)) {
                        markerNameIds.add(id);
                    }
                } else if (tag == TAG_LOAD_CLASS) {
                    in.readInt();
                    readId(in, idSize);
                    in.readInt();
                    loaded |= markerNameIds.contains(readId(in, idSize));
                } else {
                    in.skipNBytes(length);
                }
            }
        }
    }

    private static long readId(DataInputStream in, int idSize) throws IOException {
        return idSize == 4 ? Integer.toUnsignedLong(in.readInt()) : in.readLong();
    }

    /** True when the V8 snapshot (plain or gzipped) is well-formed JSON whose {@code strings} hold the marker. */
    public static boolean v8SnapshotHasString(Path file, String marker) throws IOException {
        boolean found = false;
        boolean sawSnapshotMeta = false;
        try (JsonParser parser = new JsonFactory().createParser(open(file))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException(file + " is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("snapshot".equals(field)) {
                    sawSnapshotMeta = true;
                    parser.skipChildren();
                } else if ("strings".equals(field) && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.VALUE_STRING) {
                        found |= marker.equals(parser.getText());
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new IOException(file + " has data after the snapshot object");
            }
        }
        return sawSnapshotMeta && found;
    }
}
