package dev.heapdelta.analyzer.codesites;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Finds the statements that fill a leaking container, from the fields that hold it: the methods that
 * load the field and then put, add, schedule or register into what it holds, following the value through
 * locals, getters, and one level of private helpers and lambda bodies; and the statements that empty it.
 * Only bytecode is read: nothing is loaded or run, and the JDK is known through {@link ContainerCalls}.
 */
public final class CodeSiteFinder {
    private static final String LAMBDA_FACTORY = "java/lang/invoke/LambdaMetafactory";
    private static final Comparator<CodeSite> RANKING = Comparator
            .comparingInt((CodeSite site) -> site.kind() == CodeSiteKind.REMOVE ? 3 : site.indirect() ? 2
                    : site.kind().ordinal())
            .thenComparing(CodeSite::className).thenComparingInt(CodeSite::line).thenComparing(CodeSite::call);

    private final ClassPathScan scan;
    private final Map<MethodNode, MethodFlow> flowByMethod = new IdentityHashMap<>();

    private CodeSiteFinder(ClassPathScan scan) {
        this.scan = scan;
    }

    /**
     * Reads the class path once for all the holders that will be asked about.
     *
     * @param holders every field that {@link #sitesOf} will be given, in any order
     */
    public static CodeSiteFinder scan(ApplicationClassPath classPath, Collection<HolderField> holders)
            throws IOException {
        Set<String> names = new HashSet<>(LibraryContainers.allMethodNames());
        Set<String> holderClasses = new HashSet<>();
        for (HolderField holder : holders) {
            names.add(holder.fieldName());
            holderClasses.add(holder.internalClassName());
        }
        return new CodeSiteFinder(ClassPathScan.of(classPath, names, holderClasses));
    }

    public int scannedClassCount() {
        return scan.classCount();
    }

    /** The classes read in full because they name a holder field, a holder class or a library mutator. */
    public int parsedClassCount() {
        return scan.candidates().size();
    }

    /**
     * The sites of the first holder that has any, ranked: direct insertions, registrations, indirect ones,
     * then removals. Fields of application classes are tried first, then library containers reached from
     * the application (a logger's handlers), then fields of library classes.
     *
     * @param nearestFirst the fields on a suspect's path, from the one holding it back towards the root
     */
    public List<CodeSite> sitesOf(List<HolderField> nearestFirst) {
        List<HolderField> ordered = new ArrayList<>();
        nearestFirst.stream().filter(h -> scan.isApplicationClass(h.internalClassName())).forEach(ordered::add);
        nearestFirst.stream().filter(h -> !LibraryContainers.mutatorsOf(h).isEmpty()).forEach(ordered::add);
        nearestFirst.stream().filter(h -> !ordered.contains(h) && scan.isKnown(h.internalClassName()))
                .forEach(ordered::add);
        List<CodeSite> removalsOnly = List.of();
        for (HolderField holder : ordered) {
            List<CodeSite> sites = sitesFor(holder);
            if (sites.stream().anyMatch(site -> site.kind() != CodeSiteKind.REMOVE)) {
                return sites;
            }
            if (removalsOnly.isEmpty()) {
                removalsOnly = sites;
            }
        }
        return removalsOnly;
    }

    private List<CodeSite> sitesFor(HolderField holder) {
        Map<String, CodeSite> sites = new LinkedHashMap<>();
        List<LibraryContainers.Mutator> mutators = LibraryContainers.mutatorsOf(holder);
        if (!mutators.isEmpty()) {
            collectLibraryCalls(mutators, sites);
        } else {
            collectFieldSites(holder, sites);
        }
        List<CodeSite> ranked = new ArrayList<>(sites.values());
        ranked.sort(RANKING);
        return List.copyOf(ranked);
    }

    private void collectLibraryCalls(List<LibraryContainers.Mutator> mutators, Map<String, CodeSite> sites) {
        for (ClassNode owner : scan.candidates()) {
            for (MethodNode method : owner.methods) {
                for (AbstractInsnNode insn : method.instructions) {
                    if (insn instanceof MethodInsnNode call) {
                        for (LibraryContainers.Mutator mutator : mutators) {
                            if (mutator.matches(call.owner, call.name)) {
                                add(sites, site(owner, method, call, mutator.kind(), false));
                            }
                        }
                    }
                }
            }
        }
    }

    private void collectFieldSites(HolderField holder, Map<String, CodeSite> sites) {
        Set<String> chain = scan.superChainOf(holder.internalClassName());
        int load = holder.isStatic() ? Opcodes.GETSTATIC : Opcodes.GETFIELD;
        Predicate<AbstractInsnNode> loadsField = insn -> insn instanceof FieldInsnNode field
                && field.getOpcode() == load && field.name.equals(holder.fieldName()) && chain.contains(field.owner);
        Set<String> getters = gettersOf(chain, loadsField);
        Predicate<AbstractInsnNode> callsGetter = insn -> insn instanceof MethodInsnNode call
                && chain.contains(call.owner) && getters.contains(call.name + call.desc);
        for (ClassNode owner : scan.candidates()) {
            for (MethodNode method : owner.methods) {
                boolean loads = contains(method, loadsField);
                boolean calls = !getters.isEmpty() && contains(method, callsGetter);
                MethodFlow flow = loads || calls ? flowOf(owner, method) : null;
                if (flow == null) {
                    continue;
                }
                if (loads) {
                    collect(flow, loadsField, new BitSet(), false, true, sites);
                }
                if (calls) {
                    collect(flow, callsGetter, new BitSet(), true, true, sites);
                }
            }
        }
    }

    /** Methods of the holder's classes that return the field's value: their callers hold the container too. */
    private Set<String> gettersOf(Set<String> chain, Predicate<AbstractInsnNode> loadsField) {
        Set<String> getters = new HashSet<>();
        for (ClassNode owner : scan.candidates()) {
            if (!chain.contains(owner.name)) {
                continue;
            }
            for (MethodNode method : owner.methods) {
                if (Type.getReturnType(method.desc).getSort() != Type.OBJECT || !contains(method, loadsField)) {
                    continue;
                }
                MethodFlow flow = flowOf(owner, method);
                if (flow == null) {
                    continue;
                }
                Set<AbstractInsnNode> carriers = flow.carriers(loadsField, new BitSet());
                for (AbstractInsnNode insn : flow.instructions()) {
                    Frame<SourceValue> frame = flow.frameAt(insn);
                    if (insn.getOpcode() == Opcodes.ARETURN && frame != null
                            && MethodFlow.anyIn(frame.getStack(frame.getStackSize() - 1), carriers)) {
                        getters.add(method.name + method.desc);
                    }
                }
            }
        }
        return getters;
    }

    /**
     * @param followCalls whether to go into private helpers and lambda bodies given the container (one level)
     */
    private void collect(MethodFlow flow, Predicate<AbstractInsnNode> isSource, BitSet seededLocals, boolean indirect,
            boolean followCalls, Map<String, CodeSite> sites) {
        Set<AbstractInsnNode> carriers = flow.carriers(isSource, seededLocals);
        if (carriers.isEmpty()) {
            return;
        }
        for (AbstractInsnNode insn : flow.instructions()) {
            Frame<SourceValue> frame = flow.frameAt(insn);
            if (frame == null) {
                continue;
            }
            if (insn instanceof MethodInsnNode call) {
                CodeSiteKind kind = ContainerCalls.kindOf(call.name);
                if (kind != null && MethodFlow.anyIn(MethodFlow.receiverOf(call, frame), carriers)) {
                    add(sites, site(flow.owner, flow.method, call, kind, indirect));
                } else if (followCalls && call.owner.equals(flow.owner.name)) {
                    followIntoHelper(flow, call, frame, carriers, sites);
                }
            } else if (followCalls && insn instanceof InvokeDynamicInsnNode lambda) {
                followIntoLambda(flow, lambda, frame, carriers, sites);
            }
        }
    }

    private void followIntoHelper(MethodFlow caller, MethodInsnNode call, Frame<SourceValue> frame,
            Set<AbstractInsnNode> carriers, Map<String, CodeSite> sites) {
        MethodNode helper = methodOf(caller.owner, call.name, call.desc);
        if (helper == null || (helper.access & Opcodes.ACC_PRIVATE) == 0) {
            return;
        }
        boolean isStatic = (helper.access & Opcodes.ACC_STATIC) != 0;
        BitSet seeded = new BitSet();
        int slot = isStatic ? 0 : 1;
        Type[] arguments = Type.getArgumentTypes(call.desc);
        for (int i = 0; i < arguments.length; i++) {
            if (MethodFlow.anyIn(MethodFlow.argumentOf(call.desc, i, frame), carriers)) {
                seeded.set(slot);
            }
            slot += arguments[i].getSize();
        }
        MethodFlow helperFlow = flowOf(caller.owner, helper);
        if (!seeded.isEmpty() && helperFlow != null) {
            collect(helperFlow, insn -> false, seeded, true, false, sites);
        }
    }

    /** A lambda's captured values are the first parameters of its body, after {@code this} if it has one. */
    private void followIntoLambda(MethodFlow caller, InvokeDynamicInsnNode lambda, Frame<SourceValue> frame,
            Set<AbstractInsnNode> carriers, Map<String, CodeSite> sites) {
        if (!LAMBDA_FACTORY.equals(lambda.bsm.getOwner()) || lambda.bsmArgs.length < 2
                || !(lambda.bsmArgs[1] instanceof Handle body) || !body.getOwner().equals(caller.owner.name)) {
            return;
        }
        MethodNode target = methodOf(caller.owner, body.getName(), body.getDesc());
        if (target == null) {
            return;
        }
        BitSet seeded = new BitSet();
        Type[] captured = Type.getArgumentTypes(lambda.desc);
        int slot = 0;
        for (int i = 0; i < captured.length; i++) {
            if (MethodFlow.anyIn(MethodFlow.argumentOf(lambda.desc, i, frame), carriers)) {
                seeded.set(slot);
            }
            slot += captured[i].getSize();
        }
        MethodFlow bodyFlow = flowOf(caller.owner, target);
        if (!seeded.isEmpty() && bodyFlow != null) {
            collect(bodyFlow, insn -> false, seeded, true, false, sites);
        }
    }

    private static boolean contains(MethodNode method, Predicate<AbstractInsnNode> wanted) {
        for (AbstractInsnNode insn : method.instructions) {
            if (wanted.test(insn)) {
                return true;
            }
        }
        return false;
    }

    private static MethodNode methodOf(ClassNode owner, String name, String descriptor) {
        for (MethodNode method : owner.methods) {
            if (method.name.equals(name) && method.desc.equals(descriptor)) {
                return method;
            }
        }
        return null;
    }

    private MethodFlow flowOf(ClassNode owner, MethodNode method) {
        return flowByMethod.computeIfAbsent(method, m -> MethodFlow.of(owner, m));
    }

    private static CodeSite site(ClassNode owner, MethodNode method, MethodInsnNode call, CodeSiteKind kind,
            boolean indirect) {
        String ownerName = call.owner.substring(call.owner.lastIndexOf('/') + 1).replace('$', '.');
        return new CodeSite(owner.name.replace('/', '.'), method.name, owner.sourceFile, MethodFlow.lineOf(call),
                ownerName + "." + call.name, kind, indirect, null);
    }

    private static void add(Map<String, CodeSite> sites, CodeSite site) {
        String key = site.className() + "#" + site.method() + ":" + site.line() + ":" + site.call() + ":" + site.kind();
        CodeSite known = sites.get(key);
        if (known == null || known.indirect() && !site.indirect()) {
            sites.put(key, site);
        }
    }
}
