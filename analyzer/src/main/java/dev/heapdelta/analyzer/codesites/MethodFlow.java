package dev.heapdelta.analyzer.codesites;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * One method's data flow as ASM's {@link SourceInterpreter} sees it: for every instruction, which
 * instructions produced the values on the stack and in the locals. It answers which instructions carry
 * a container's value once its sources are known, following locals, casts, dups and accessor calls.
 */
final class MethodFlow {
    final ClassNode owner;
    final MethodNode method;
    private final Frame<SourceValue>[] frames;

    private MethodFlow(ClassNode owner, MethodNode method, Frame<SourceValue>[] frames) {
        this.owner = owner;
        this.method = method;
        this.frames = frames;
    }

    /** Null when the method has no code or ASM cannot follow it (then it is left out, not guessed at). */
    static MethodFlow of(ClassNode owner, MethodNode method) {
        if (method.instructions.size() == 0) {
            return null;
        }
        try {
            return new MethodFlow(owner, method, new Analyzer<>(new SourceInterpreter()).analyze(owner.name, method));
        } catch (AnalyzerException | RuntimeException e) {
            return null;
        }
    }

    InsnList instructions() {
        return method.instructions;
    }

    /**
     * The instructions that carry the container: the sources, and what copies their value on.
     *
     * @param seededLocals local slots that hold the container on entry (a helper's or a lambda's parameters)
     */
    Set<AbstractInsnNode> carriers(Predicate<AbstractInsnNode> isSource, BitSet seededLocals) {
        Set<AbstractInsnNode> carriers = new HashSet<>();
        AbstractInsnNode[] code = method.instructions.toArray();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < code.length; i++) {
                AbstractInsnNode insn = code[i];
                Frame<SourceValue> frame = frames[i];
                if (frame == null || carriers.contains(insn)) {
                    continue;
                }
                if (isSource.test(insn) || carriesOn(insn, frame, carriers, seededLocals)) {
                    carriers.add(insn);
                    changed = true;
                }
            }
        }
        return carriers;
    }

    private static boolean carriesOn(AbstractInsnNode insn, Frame<SourceValue> frame, Set<AbstractInsnNode> carriers,
            BitSet seededLocals) {
        switch (insn.getOpcode()) {
            case Opcodes.ALOAD -> {
                int slot = ((VarInsnNode) insn).var;
                SourceValue local = frame.getLocal(slot);
                return anyIn(local, carriers) || seededLocals.get(slot) && local.insns.isEmpty();
            }
            case Opcodes.ASTORE, Opcodes.CHECKCAST, Opcodes.DUP, Opcodes.DUP_X1, Opcodes.DUP_X2 -> {
                return frame.getStackSize() > 0 && anyIn(frame.getStack(frame.getStackSize() - 1), carriers);
            }
            case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKEINTERFACE -> {
                MethodInsnNode call = (MethodInsnNode) insn;
                return ContainerCalls.isAccessor(call.name) && Type.getReturnType(call.desc).getSort() == Type.OBJECT
                        && anyIn(receiverOf(call, frame), carriers);
            }
            case Opcodes.INVOKESTATIC -> {
                MethodInsnNode call = (MethodInsnNode) insn;
                return ContainerCalls.isAccessor(call.name) && Type.getArgumentTypes(call.desc).length == 1
                        && anyIn(frame.getStack(frame.getStackSize() - 1), carriers);
            }
            default -> {
                return false;
            }
        }
    }

    Frame<SourceValue> frameAt(AbstractInsnNode insn) {
        return frames[method.instructions.indexOf(insn)];
    }

    /** The receiver of an instance call, or null for a static one. */
    static SourceValue receiverOf(MethodInsnNode call, Frame<SourceValue> frame) {
        if (call.getOpcode() == Opcodes.INVOKESTATIC) {
            return null;
        }
        int arguments = Type.getArgumentTypes(call.desc).length;
        return frame.getStack(frame.getStackSize() - 1 - arguments);
    }

    /** The value passed as argument {@code index} (0-based, receiver not counted). */
    static SourceValue argumentOf(String descriptor, int index, Frame<SourceValue> frame) {
        int arguments = Type.getArgumentTypes(descriptor).length;
        return frame.getStack(frame.getStackSize() - arguments + index);
    }

    static boolean anyIn(SourceValue value, Set<AbstractInsnNode> carriers) {
        if (value == null) {
            return false;
        }
        for (AbstractInsnNode source : value.insns) {
            if (carriers.contains(source)) {
                return true;
            }
        }
        return false;
    }

    /** The line of the statement holding {@code insn}: the nearest line number before it. */
    static int lineOf(AbstractInsnNode insn) {
        for (AbstractInsnNode at = insn; at != null; at = at.getPrevious()) {
            if (at instanceof LineNumberNode line) {
                return line.line;
            }
        }
        return -1;
    }
}
