package dev.heapdelta.analyzer.v8;

import dev.heapdelta.analyzer.graph.HeapGraph;
import dev.heapdelta.analyzer.store.ImageInput;
import dev.heapdelta.analyzer.store.ImageOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Saves what a V8 graph's object details need beyond the graph (the snapshot's string table, node
 * types, DOM states and locations) and rebuilds the details from it, without the snapshot.
 */
public final class V8DetailsImage {
    private static final int MAGIC = 0x48445631;

    private V8DetailsImage() {
    }

    /** Whether {@link #write} can save the details of this graph (those a {@link V8SnapshotReader} made). */
    public static boolean canSave(HeapGraph graph) {
        return graph.details() instanceof V8ObjectDetails;
    }

    public static void write(HeapGraph graph, ImageOutput out) throws IOException {
        V8ObjectDetails.Tables tables = ((V8ObjectDetails) graph.details()).tables();
        out.writeInt(MAGIC);
        writeStrings(tables.strings(), out);
        writeStrings(tables.nodeTypes(), out);
        out.writeBytes(tables.typeByNode());
        out.writeBytes(tables.detachednessByNode());
        out.writeInt(tables.locationCount());
        out.writeInts(tables.locations(), tables.locationCount() * 4);
    }

    /** Reads the saved tables, checks the file's end and checksum, and returns the details' factory. */
    public static HeapGraph.ObjectDetailsFactory read(ImageInput in, long checksum) throws IOException {
        if (in.readInt() != MAGIC) {
            throw in.damaged("not a V8 details image");
        }
        List<String> strings = readStrings(in);
        List<String> nodeTypes = readStrings(in);
        byte[] typeByNode = in.readBytes();
        byte[] detachednessByNode = in.readBytes();
        int locationCount = in.readInt();
        int[] locations = in.readInts();
        in.verifyEnd(checksum);
        if (typeByNode == null || locations == null || locationCount < 0 || locations.length != locationCount * 4L) {
            throw in.damaged("V8 tables that do not fit together");
        }
        V8ObjectDetails.Tables tables = new V8ObjectDetails.Tables(strings, nodeTypes, typeByNode, detachednessByNode,
                locations, locationCount);
        return graph -> new V8ObjectDetails(graph, tables);
    }

    private static void writeStrings(List<String> strings, ImageOutput out) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            out.writeString(s);
        }
    }

    private static List<String> readStrings(ImageInput in) throws IOException {
        int count = in.countFitting(in.readInt(), 4);
        List<String> strings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            strings.add(in.readString());
        }
        return strings;
    }
}
