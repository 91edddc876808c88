package dev.heapdelta.analyzer.v8;

import dev.heapdelta.analyzer.source.DumpFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A forward-only JSON tokenizer over raw bytes that knows its byte offset, so that every error can
 * name where it happened. Number arrays are read without creating any object per number; only the
 * small {@code snapshot.meta} object is read as generic values.
 */
final class JsonByteScanner {
    private static final int BUFFER_SIZE = 1 << 20;
    private static final int MAX_NESTING = 64;
    /** The digits of a non-negative integer that always fits a long; V8 writes at most 16. */
    private static final int MAX_DIGITS = 18;

    private final InputStream in;
    private final String file;
    private final byte[] buffer;
    private int position;
    private int limit;
    private long bufferStartOffset;
    private boolean endOfInput;
    private char[] chars = new char[256];

    JsonByteScanner(InputStream in, String file) {
        this(in, file, BUFFER_SIZE);
    }

    /** With a buffer of {@code bufferSize} bytes: tests make it small, so that every path meets a buffer's end. */
    JsonByteScanner(InputStream in, String file, int bufferSize) {
        this.in = in;
        this.file = file;
        this.buffer = new byte[bufferSize];
    }

    /** The offset, in the (decompressed) JSON text, of the next unread byte. */
    long offset() {
        return bufferStartOffset + position;
    }

    String file() {
        return file;
    }

    DumpFormatException error(String problem) {
        return new DumpFormatException(file, offset(), problem);
    }

    private boolean fill() throws IOException {
        if (endOfInput) {
            return false;
        }
        bufferStartOffset += limit;
        position = 0;
        limit = 0;
        while (limit == 0) {
            int n;
            try {
                n = in.read(buffer, 0, buffer.length);
            } catch (java.io.EOFException e) {
                // A truncated gzip or xz stream: what was inflated so far is all there is.
                n = -1;
            } catch (java.io.IOException e) {
                // gzip, bzip2, xz and zstd each report broken or cut data their own way.
                throw error("broken compressed data (" + e.getMessage() + ")");
            }
            if (n < 0) {
                endOfInput = true;
                return false;
            }
            limit = n;
        }
        return true;
    }

    /** The next non-whitespace byte without consuming it, or -1 at the end of the input. */
    int peek() throws IOException {
        while (true) {
            while (position < limit) {
                int b = buffer[position] & 0xFF;
                if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                    position++;
                } else {
                    return b;
                }
            }
            if (!fill()) {
                return -1;
            }
        }
    }

    /** True once the input is exhausted: an error raised now is a truncation, not a syntax error. */
    boolean inputExhausted() {
        return endOfInput && position >= limit;
    }

    boolean atEnd() throws IOException {
        return peek() < 0;
    }

    void expect(char expected) throws IOException {
        int b = peek();
        if (b != expected) {
            throw error(b < 0 ? "unexpected end of data, expected '" + expected + "'"
                    : "expected '" + expected + "' but found " + describe(b));
        }
        position++;
    }

    /** Consumes {@code c} if it is the next token. */
    boolean consume(char c) throws IOException {
        if (peek() == c) {
            position++;
            return true;
        }
        return false;
    }

    private static String describe(int b) {
        return b >= 0x20 && b < 0x7F ? "'" + (char) b + "'" : String.format("byte 0x%02x", b);
    }

    /** After an array element: true if another element follows, false at the closing bracket. */
    boolean nextArrayElement() throws IOException {
        int b = peek();
        if (b == ',') {
            position++;
            return true;
        }
        if (b == ']') {
            position++;
            return false;
        }
        throw error(b < 0 ? "unexpected end of data inside an array" : "expected ',' or ']' but found " + describe(b));
    }

    /** After an object member: true if another member follows, false at the closing brace. */
    boolean nextObjectMember() throws IOException {
        int b = peek();
        if (b == ',') {
            position++;
            return true;
        }
        if (b == '}') {
            position++;
            return false;
        }
        throw error(b < 0 ? "unexpected end of data inside an object" : "expected ',' or '}' but found " + describe(b));
    }

    /**
     * Reads a non-negative integer (V8 writes every node and edge field as one). Returns -1 when the
     * next token is not a plain non-negative integer; the caller reports that with context.
     */
    long readUnsignedLong() throws IOException {
        int b = peek();
        if (b < '0' || b > '9') {
            return -1;
        }
        long value = 0;
        int digits = 0;
        while (true) {
            if (position == limit && !fill()) {
                break;
            }
            b = buffer[position];
            if (b < '0' || b > '9') {
                break;
            }
            value = value * 10 + (b - '0');
            position++;
            if (++digits > MAX_DIGITS) {
                throw error("number too long");
            }
        }
        if (b == '.' || b == 'e' || b == 'E') {
            return -1;
        }
        return value;
    }

    /** {@link #nextArrayNumber} result: the array ended with this element's closing bracket. */
    static final long ARRAY_END = -2;
    /** {@link #nextArrayNumber} result: the next token is not a plain non-negative integer. */
    static final long NOT_A_NUMBER = -1;

    /**
     * Reads one array element that must be a non-negative integer, together with the separator after
     * it: returns the value and leaves the scanner after the comma, or returns the value with {@link
     * #lastElement()} true after the closing bracket. The hot loop of the reader, so it works on the
     * buffer directly while enough bytes are there.
     */
    long nextArrayNumber() throws IOException {
        byte[] b = buffer;
        int p = position;
        if (limit - p >= 32) {
            int c = b[p];
            while ((c == ' ' || c == '\n' || c == '\r' || c == '\t') && p < limit - 1) {
                c = b[++p];
            }
            if (c >= '0' && c <= '9') {
                long value = c - '0';
                // At most 18 digits, as readUnsignedLong takes: a 19th goes there, to fail as too long.
                int end = Math.min(p + MAX_DIGITS, limit - 1);
                c = b[++p];
                while (c >= '0' && c <= '9' && p < end) {
                    value = value * 10 + (c - '0');
                    c = b[++p];
                }
                while ((c == ' ' || c == '\n' || c == '\r' || c == '\t') && p < limit - 1) {
                    c = b[++p];
                }
                if (c == ',') {
                    position = p + 1;
                    lastElement = false;
                    return value;
                }
                if (c == ']') {
                    position = p + 1;
                    lastElement = true;
                    return value;
                }
            }
        }
        long value = readUnsignedLong();
        if (value < 0) {
            return NOT_A_NUMBER;
        }
        lastElement = !nextArrayElement();
        return value;
    }

    /** Bytes kept back at the buffer's end, so that one number and its separators never run past it. */
    private static final int RECORD_MARGIN = 32;

    /**
     * Reads whole records of {@code fields} non-negative integers each from a number array, straight
     * out of the buffer, at most {@code maxRecords}: the values go to {@code values} in file order and
     * each record's buffer position to {@code recordStarts} (see {@link #rewindToRecord}). It stops after
     * the last whole record wherever the plain shape ends (near the buffer's end, at a token that is no
     * plain integer, at an array end inside a record), so that {@link #nextArrayNumber} reads what
     * follows with its own checks, refills and error offsets. Returns the records read; {@link
     * #lastElement()} is true when the last of them closed the array. The reader's hot loop: no call,
     * no refill and no field write per number.
     */
    int nextArrayRecords(long[] values, int fields, int maxRecords, int[] recordStarts) {
        byte[] b = buffer;
        int safe = limit - RECORD_MARGIN;
        int p = position;
        int records = 0;
        int slot = 0;
        boolean closed = false;
        records:
        while (records < maxRecords && p < safe) {
            int start = p;
            for (int field = 0; field < fields; field++) {
                int c = b[p];
                while (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                    if (++p >= safe) {
                        p = start;
                        break records;
                    }
                    c = b[p];
                }
                if (c < '0' || c > '9' || p >= safe) {
                    p = start;
                    break records;
                }
                long value = c - '0';
                int end = p + MAX_DIGITS;
                c = b[++p];
                while (c >= '0' && c <= '9' && p < end) {
                    value = value * 10 + (c - '0');
                    c = b[++p];
                }
                while ((c == ' ' || c == '\n' || c == '\r' || c == '\t') && p < safe) {
                    c = b[++p];
                }
                values[slot + field] = value;
                if (c == ',') {
                    p++;
                } else if (c == ']' && field == fields - 1) {
                    p++;
                    closed = true;
                } else {
                    // Not plain here (a fraction, a 19th digit, the end of the array inside a record, a
                    // long blank run, damage): the one-number read takes it, with its error offsets.
                    p = start;
                    break records;
                }
            }
            recordStarts[records++] = start;
            slot += fields;
            if (closed) {
                break;
            }
        }
        position = p;
        lastElement = closed;
        return records;
    }

    /**
     * Moves back to the start of a record {@link #nextArrayRecords} just read, so that it is read again
     * number by number (one whose value its reader rejects, to fail at the same offset as ever). Only
     * before any other read.
     */
    void rewindToRecord(int recordStart) {
        position = recordStart;
        lastElement = false;
    }

    private boolean lastElement;

    /** True when the element {@link #nextArrayNumber} just returned was the array's last. */
    boolean lastElement() {
        return lastElement;
    }

    String readString() throws IOException {
        int b = peek();
        if (b != '"') {
            throw error(b < 0 ? "unexpected end of data, expected a string" : "expected a string but found " + describe(b));
        }
        position++;
        int length = 0;
        while (true) {
            if (position == limit && !fill()) {
                throw error("unterminated string");
            }
            int c = buffer[position++];
            if (c == '"') {
                return new String(chars, 0, length);
            }
            if (length + 2 > chars.length) {
                chars = java.util.Arrays.copyOf(chars, chars.length * 2);
            }
            if (c >= 0) {
                if (c == '\\') {
                    length = readEscape(length);
                } else {
                    chars[length++] = (char) c;
                }
            } else {
                length = readUtf8(c, length);
            }
        }
    }

    private int nextRawByte() throws IOException {
        if (position == limit && !fill()) {
            throw error("unterminated string");
        }
        return buffer[position++];
    }

    private int readEscape(int length) throws IOException {
        int e = nextRawByte();
        char c;
        switch (e) {
            case '"' -> c = '"';
            case '\\' -> c = '\\';
            case '/' -> c = '/';
            case 'b' -> c = '\b';
            case 'f' -> c = '\f';
            case 'n' -> c = '\n';
            case 'r' -> c = '\r';
            case 't' -> c = '\t';
            case 'u' -> {
                int code = 0;
                for (int i = 0; i < 4; i++) {
                    int h = Character.digit(nextRawByte(), 16);
                    if (h < 0) {
                        throw error("bad \\u escape in string");
                    }
                    code = code * 16 + h;
                }
                c = (char) code;
            }
            default -> throw error("bad escape in string");
        }
        chars[length] = c;
        return length + 1;
    }

    /** Decodes one UTF-8 sequence; malformed bytes become U+FFFD rather than failing the whole dump. */
    private int readUtf8(int lead, int length) throws IOException {
        int extra;
        int code;
        if ((lead & 0xE0) == 0xC0) {
            extra = 1;
            code = lead & 0x1F;
        } else if ((lead & 0xF0) == 0xE0) {
            extra = 2;
            code = lead & 0x0F;
        } else if ((lead & 0xF8) == 0xF0) {
            extra = 3;
            code = lead & 0x07;
        } else {
            chars[length] = '\uFFFD';
            return length + 1;
        }
        for (int i = 0; i < extra; i++) {
            if (position == limit && !fill()) {
                throw error("unterminated string");
            }
            int next = buffer[position];
            if ((next & 0xC0) != 0x80) {
                chars[length] = '\uFFFD';
                return length + 1;
            }
            position++;
            code = (code << 6) | (next & 0x3F);
        }
        if (code >= 0x10000 && code <= 0x10FFFF) {
            chars[length++] = Character.highSurrogate(code);
            chars[length++] = Character.lowSurrogate(code);
            return length;
        }
        chars[length] = code > 0x10FFFF ? '\uFFFD' : (char) code;
        return length + 1;
    }

    /** Skips one JSON value of any kind, iteratively (no recursion on nesting). */
    void skipValue() throws IOException {
        boolean[] isObject = new boolean[16];
        int depth = 0;
        while (true) {
            int b = peek();
            boolean valueDone = true;
            if (b == '{' || b == '[') {
                position++;
                if (consume(b == '{' ? '}' : ']')) {
                    valueDone = true;
                } else {
                    if (depth == isObject.length) {
                        isObject = java.util.Arrays.copyOf(isObject, depth * 2);
                    }
                    isObject[depth++] = b == '{';
                    if (b == '{') {
                        readString();
                        expect(':');
                    }
                    valueDone = false;
                }
            } else if (b == '"') {
                readString();
            } else if (b < 0) {
                throw error("unexpected end of data");
            } else {
                skipScalar();
            }
            if (!valueDone) {
                continue;
            }
            while (depth > 0) {
                int c = peek();
                if (c == ',') {
                    position++;
                    if (isObject[depth - 1]) {
                        readString();
                        expect(':');
                    }
                    break;
                }
                if (c == (isObject[depth - 1] ? '}' : ']')) {
                    position++;
                    depth--;
                    continue;
                }
                throw error(c < 0 ? "unexpected end of data" : "expected ',' but found " + describe(c));
            }
            if (depth == 0) {
                return;
            }
        }
    }

    private void skipScalar() throws IOException {
        int b = peek();
        if (b == 't' || b == 'f' || b == 'n' || b == '-' || (b >= '0' && b <= '9')) {
            while (true) {
                if (position == limit && !fill()) {
                    return;
                }
                int c = buffer[position];
                if (c == ',' || c == ']' || c == '}' || c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                    return;
                }
                position++;
            }
        }
        throw error("unexpected " + describe(b));
    }

    /** Reads a small JSON value as maps, lists, strings, Long/Double, Boolean or null. */
    Object readGenericValue() throws IOException {
        return readGenericValue(0);
    }

    private Object readGenericValue(int nesting) throws IOException {
        if (nesting > MAX_NESTING) {
            throw error("JSON nested too deeply");
        }
        int b = peek();
        switch (b) {
            case '{' -> {
                position++;
                Map<String, Object> map = new LinkedHashMap<>();
                if (consume('}')) {
                    return map;
                }
                do {
                    String key = readString();
                    expect(':');
                    map.put(key, readGenericValue(nesting + 1));
                } while (nextObjectMember());
                return map;
            }
            case '[' -> {
                position++;
                List<Object> list = new ArrayList<>();
                if (consume(']')) {
                    return list;
                }
                do {
                    list.add(readGenericValue(nesting + 1));
                } while (nextArrayElement());
                return list;
            }
            case '"' -> {
                return readString();
            }
            case -1 -> throw error("unexpected end of data");
            default -> {
                return readScalar();
            }
        }
    }

    private Object readScalar() throws IOException {
        StringBuilder text = new StringBuilder();
        while (true) {
            if (position == limit && !fill()) {
                break;
            }
            int c = buffer[position];
            if (c == ',' || c == ']' || c == '}' || c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                break;
            }
            if (text.length() > 64) {
                throw error("malformed value");
            }
            text.append((char) (c & 0xFF));
            position++;
        }
        String token = text.toString();
        switch (token) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            case "null":
                return null;
            default:
                try {
                    if (token.indexOf('.') < 0 && token.indexOf('e') < 0 && token.indexOf('E') < 0) {
                        return Long.parseLong(token);
                    }
                    return Double.parseDouble(token);
                } catch (NumberFormatException e) {
                    throw error("malformed value '" + new String(token.getBytes(StandardCharsets.ISO_8859_1),
                            StandardCharsets.ISO_8859_1) + "'");
                }
        }
    }
}
