package dev.heapdelta.analyzer.hprof;

import dev.heapdelta.analyzer.graph.RootKind;
import dev.heapdelta.analyzer.graph.StackFrame;
import dev.heapdelta.analyzer.graph.ThreadStacks;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the stack records the first pass located into {@link ThreadStacks}: it reads each STACK_FRAME
 * and STACK_TRACE body once (HotSpot writes them only for the threads' stacks, a few hundred), names
 * frames by their LOAD_CLASS serial, and ties every frame root to its thread and depth.
 */
final class ThreadStacksReader {
    /** Far beyond any real stack; bounds what one damaged count can make us read. */
    private static final long MAX_FRAMES = 1 << 20;

    private final RecordScan scan;
    private final FileChannel channel;
    private final ClassTable classes;
    private final AddressIndex index;
    private final ReadProblems problems;
    private final int idSize;
    private final Map<Long, String> stringById = new HashMap<>();

    private ThreadStacksReader(RecordScan scan, FileChannel channel, ClassTable classes, AddressIndex index,
            ReadProblems problems) {
        this.scan = scan;
        this.channel = channel;
        this.classes = classes;
        this.index = index;
        this.problems = problems;
        this.idSize = scan.header.idSize();
    }

    static ThreadStacks read(RecordScan scan, FileChannel channel, ClassTable classes, AddressIndex index,
            ReadProblems problems) throws IOException {
        return new ThreadStacksReader(scan, channel, classes, index, problems).read();
    }

    private ThreadStacks read() throws IOException {
        Map<Long, StackFrame> frameById = frames();
        List<ThreadStacks.Trace> traces = new ArrayList<>();
        for (long t = 0; t < scan.stackTraceOffsets.size(); t++) {
            traces.add(trace(scan.stackTraceOffsets.get(t), scan.stackTraceLengths.get(t), frameById));
        }
        List<ThreadStacks.ThreadRecord> threads = new ArrayList<>();
        for (Map.Entry<Integer, Integer> entry : scan.traceSerialByThreadSerial.entrySet()) {
            int object = index.indexOf(scan.threadAddressBySerial.get(entry.getKey()));
            if (object >= 0) {
                threads.add(new ThreadStacks.ThreadRecord(object, entry.getKey(), entry.getValue()));
            }
        }
        return new ThreadStacks(traces, threads, frameRoots());
    }

    private Map<Long, StackFrame> frames() throws IOException {
        Map<Long, StackFrame> frameById = new HashMap<>();
        int size = 4 * idSize + 8;
        for (long f = 0; f < scan.stackFrameOffsets.size(); f++) {
            ByteBuffer body = read(scan.stackFrameOffsets.get(f), size);
            if (body.remaining() < size) {
                continue;
            }
            long frameId = id(body);
            String method = string(id(body));
            String signature = string(id(body));
            String file = string(id(body));
            int classSerial = body.getInt();
            int line = body.getInt();
            frameById.put(frameId, new StackFrame(classNameOfSerial(classSerial), method, signature, file, line));
        }
        return frameById;
    }

    private ThreadStacks.Trace trace(long offset, long length, Map<Long, StackFrame> frameById) throws IOException {
        ByteBuffer head = read(offset, 12);
        int serial = head.getInt();
        int threadSerial = head.getInt();
        long declared = head.getInt() & 0xffffffffL;
        long count = Math.min(Math.min(declared, (length - 12) / idSize), MAX_FRAMES);
        if (count < declared) {
            problems.warn("STACK_TRACE lists more frames than its record holds", "at offset " + offset);
        }
        ByteBuffer ids = read(offset + 12, (int) (count * idSize));
        List<StackFrame> frames = new ArrayList<>();
        while (ids.remaining() >= idSize) {
            long frameId = id(ids);
            StackFrame frame = frameById.get(frameId);
            if (frame == null) {
                problems.warn("STACK_TRACE names a STACK_FRAME not in the file", "0x" + Long.toHexString(frameId));
                frame = new StackFrame("?", "?", "", "", -1);
            }
            frames.add(frame);
        }
        return new ThreadStacks.Trace(serial, threadSerial, frames);
    }

    private List<ThreadStacks.FrameRoot> frameRoots() {
        List<ThreadStacks.FrameRoot> roots = new ArrayList<>();
        for (long r = 0; r < scan.rootAddresses.size(); r++) {
            long threadAddress = scan.rootThreadAddresses.get(r);
            HeapDumpTag tag = HeapDumpTag.ofCode(scan.rootTags.get(r));
            if (threadAddress == 0 || tag == null || !tag.hasThreadSerial()) {
                continue;
            }
            int thread = index.indexOf(threadAddress);
            int object = index.indexOf(scan.rootAddresses.get(r));
            if (thread >= 0 && object >= 0) {
                RootKind kind = tag.rootKind;
                roots.add(new ThreadStacks.FrameRoot(thread, object, scan.rootFrameDepths.get(r), kind));
            }
        }
        return roots;
    }

    private String classNameOfSerial(int serial) {
        Long classId = scan.classIdBySerial.get(serial);
        int c = classId == null ? -1 : classes.classAt(classId);
        return c < 0 ? "?" : classes.names[c];
    }

    private String string(long id) throws IOException {
        if (id == 0) {
            return "";
        }
        String known = stringById.get(id);
        if (known == null) {
            known = scan.strings.get(channel, id);
            known = known == null ? "" : known;
            stringById.put(id, known);
        }
        return known;
    }

    private long id(ByteBuffer buffer) {
        return idSize == 8 ? buffer.getLong() : buffer.getInt() & 0xffffffffL;
    }

    private ByteBuffer read(long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Math.max(0, length));
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                break;
            }
        }
        return buffer.flip();
    }
}
