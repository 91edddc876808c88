package dev.heapdelta.analyzer.codesites;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

/**
 * One pass over an {@link ApplicationClassPath}: the superclass of every class, and the parsed classes
 * whose constant pool names one of the wanted fields or methods, or a method of a holder class (a getter
 * may hand the container out). Every other class is only glanced at: its constant pool, not its code.
 */
final class ClassPathScan {
    private static final int FIELD_REF = 9;
    private static final int METHOD_REF = 10;
    private static final int INTERFACE_METHOD_REF = 11;

    private final Map<String, String> superNameByClass = new HashMap<>();
    private final Set<String> applicationClasses = new HashSet<>();
    private final List<ClassNode> candidates = new ArrayList<>();
    private int classCount;

    private ClassPathScan() {
    }

    /**
     * @param memberNames field and method names whose mention makes a class worth parsing
     * @param holderClasses internal names of the classes holding the fields: calls to their methods too
     */
    static ClassPathScan of(ApplicationClassPath classPath, Set<String> memberNames, Set<String> holderClasses)
            throws IOException {
        ClassPathScan scan = new ClassPathScan();
        classPath.forEachClass((bytes, application) -> scan.add(bytes, application, memberNames, holderClasses));
        // Jars are read in parallel: the order of the parsed classes must not depend on which finished first.
        scan.candidates.sort(java.util.Comparator.comparing(node -> node.name));
        return scan;
    }

    private void add(byte[] bytes, boolean application, Set<String> memberNames, Set<String> holderClasses)
            throws IOException {
        ClassReader reader;
        try {
            reader = new ClassReader(bytes);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return;
        }
        String name = reader.getClassName();
        ClassNode node = null;
        if (mentionsAny(reader, memberNames, holderClasses)) {
            node = new ClassNode();
            try {
                reader.accept(node, ClassReader.SKIP_FRAMES);
            } catch (RuntimeException e) {
                // A class file ASM cannot read is skipped like a class that mentions nothing wanted.
                node = null;
            }
        }
        synchronized (this) {
            classCount++;
            superNameByClass.putIfAbsent(name, reader.getSuperName());
            if (application) {
                applicationClasses.add(name);
            }
            if (node != null) {
                candidates.add(node);
            }
        }
    }

    private static boolean mentionsAny(ClassReader reader, Set<String> memberNames, Set<String> holderClasses) {
        char[] buffer = new char[reader.getMaxStringLength()];
        for (int item = 1; item < reader.getItemCount(); item++) {
            int offset = reader.getItem(item);
            if (offset <= 0) {
                continue;
            }
            int tag = reader.readByte(offset - 1);
            if (tag == FIELD_REF || tag == METHOD_REF || tag == INTERFACE_METHOD_REF) {
                int nameAndType = reader.getItem(reader.readUnsignedShort(offset + 2));
                if (memberNames.contains(reader.readUTF8(nameAndType, buffer))) {
                    return true;
                }
                if (tag != FIELD_REF && holderClasses.contains(reader.readClass(offset, buffer))) {
                    return true;
                }
            }
        }
        return false;
    }

    int classCount() {
        return classCount;
    }

    List<ClassNode> candidates() {
        return candidates;
    }

    boolean isApplicationClass(String internalName) {
        return applicationClasses.contains(internalName);
    }

    boolean isKnown(String internalName) {
        return superNameByClass.containsKey(internalName);
    }

    /** The class and its superclasses as far as the class path knows them, nearest first. */
    Set<String> superChainOf(String internalName) {
        Set<String> chain = new HashSet<>();
        String name = internalName;
        while (name != null && chain.add(name)) {
            name = superNameByClass.get(name);
        }
        return chain;
    }
}
