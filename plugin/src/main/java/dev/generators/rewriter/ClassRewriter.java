package dev.generators.rewriter;

import static org.objectweb.asm.Opcodes.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * Rewrites one class file: each {@code @Generator} method becomes a small method that creates
 * the generator, a static method beside it ({@code name-body}) that holds the body as a state
 * machine, and a class of its own that holds the frame. Refuses, with the place and a reason,
 * what cannot be rewritten; a class with nothing to do comes back unchanged.
 *
 * <p>This is the one implementation behind the Maven plugin and every other entry point.
 */
public final class ClassRewriter {

    /**
     * What became of one class file.
     *
     * @param classes the class files to write, by internal name: one per generator, then the
     *     rewritten class, in the order to write them; empty when nothing changes or something was
     *     refused
     * @param methods how many methods were rewritten
     * @param misuses why the class was refused; empty when it was not
     * @param explanation what became of each generator, in words (see {@link Explanation})
     * @param warnings what {@link TypeChecks} found, when told to warn rather than refuse
     */
    public record Result(
            Map<String, byte[]> classes, int methods, List<Misuse> misuses, String explanation, List<Misuse> warnings) {
        public Result(Map<String, byte[]> classes, int methods, List<Misuse> misuses, String explanation) {
            this(classes, methods, misuses, explanation, List.of());
        }

        static Result unchanged() {
            return new Result(Map.of(), 0, List.of(), "");
        }

        static Result refused(List<Misuse> misuses) {
            return new Result(Map.of(), 0, List.copyOf(misuses), "");
        }
    }

    private static final int OLDEST_VERSION = V1_8;
    private static final String BODY_SUFFIX = "-body";

    private final ClassHierarchy hierarchy;
    private final boolean warnTypes;
    /** Why the runtime on the class path cannot run generated code, "" if it can; read once. */
    private String runtimeProblem;

    public ClassRewriter(ClassHierarchy hierarchy) {
        this(hierarchy, false);
    }

    /**
     * @param warnTypes whether a type that can never fit ({@link TypeChecks}) is a warning, the
     *     generator being rewritten all the same, rather than a refusal
     */
    public ClassRewriter(ClassHierarchy hierarchy, boolean warnTypes) {
        this.hierarchy = hierarchy;
        this.warnTypes = warnTypes;
    }

    /**
     * Whether a class file mentions {@code Yield} or {@code @Generator} at all: a byte search,
     * cheap enough for every class of a build. A class for which this is false is left alone.
     */
    public static boolean mentionsGenerators(byte[] classFile) {
        for (String marker : RuntimeNames.MARKERS) {
            if (indexOf(classFile, marker.getBytes(StandardCharsets.US_ASCII)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param origin where the class file came from, to name it if it cannot be read
     */
    public Result rewrite(byte[] classFile, String origin) {
        ClassReader reader;
        try {
            reader = new ClassReader(classFile);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException unreadable) {
            int major = classFile.length >= 8 ? ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff) : -1;
            String why = major > 0
                    ? "class file version " + major + " (Java " + (major - 44) + ") is newer than this"
                            + " plugin's ASM reads: use a newer generators-maven-plugin, or compile for an older release"
                    : "this is not a class file ASM can read";
            return Result.refused(List.of(new Misuse(origin, 0, origin, "", why)));
        }
        ClassNode owner = new ClassNode();
        reader.accept(owner, 0);
        if (owner.name.equals(RuntimeNames.YIELD)) {
            // The runtime's own Yield, met in a jar that bundles the runtime or as the agent loads it:
            // its methods are the markers, and the calls among them are no yields.
            return Result.unchanged();
        }
        ClassPlace place = new ClassPlace(owner);

        List<MethodNode> generators = new ArrayList<>();
        List<Misuse> misuses = new ArrayList<>();
        for (MethodNode method : owner.methods) {
            if (isGenerator(method)) {
                generators.add(method);
            } else if (!isRewritten(method)) {
                misuses.addAll(GeneratorChecks.ofOtherMethod(place, method, outsideReason(owner, method)));
            }
        }
        if (generators.isEmpty()) {
            return misuses.isEmpty() ? Result.unchanged() : Result.refused(misuses);
        }
        if (runtimeProblem == null) {
            String problem = RuntimeVersion.problem(hierarchy);
            runtimeProblem = problem == null ? "" : problem;
        }
        if (!runtimeProblem.isEmpty()) {
            misuses.add(place.of(runtimeProblem));
            return Result.refused(misuses);
        }
        if ((owner.version & 0xffff) < OLDEST_VERSION) {
            misuses.add(place.of("class file version " + (owner.version & 0xffff) + " is older than Java 8,"
                    + " which generators need: compile with release 8 or newer"));
            return Result.refused(misuses);
        }
        Set<MethodNode> compiled = Collections.newSetFromMap(new IdentityHashMap<>());
        compiled.addAll(owner.methods);
        Map<String, byte[]> classes = new LinkedHashMap<>();
        Map<String, Integer> overloads = new HashMap<>();
        List<Misuse> warnings = new ArrayList<>();
        StringBuilder explanation = new StringBuilder();
        for (MethodNode method : generators) {
            int overload = overloads.merge(method.name, 1, Integer::sum);
            String generated = owner.name + "$" + method.name + "$Generator" + (overload > 1 ? overload : "");
            List<Misuse> declaration = GeneratorChecks.ofDeclaration(place, method);
            if (!declaration.isEmpty()) {
                misuses.addAll(declaration);
                continue;
            }
            ClassNode frame;
            try {
                frame = rewriteMethod(owner, method, generated, place, misuses, warnings, explanation);
            } catch (AnalyzerException e) {
                misuses.add(place.at(
                        method,
                        e.node != null ? e.node : method.instructions.getFirst(),
                        e.getCause() instanceof MissingClassException missing
                                ? missing.getMessage()
                                : "cannot analyse the method's bytecode: " + e.getMessage()));
                continue;
            } catch (MissingClassException missing) {
                misuses.add(place.at(method, missing.getMessage()));
                continue;
            } catch (MethodAnalysis.TooHard e) {
                misuses.add(place.at(method, method.instructions.get(e.instruction), e.getMessage()));
                continue;
            }
            if (frame != null) {
                byte[] bytes = write(frame);
                hierarchy.define(bytes);
                classes.put(generated, bytes);
            }
        }
        if (!misuses.isEmpty()) {
            return Result.refused(misuses);
        }
        Set<MethodNode> rewritten = Collections.newSetFromMap(new IdentityHashMap<>());
        rewritten.addAll(generators);
        owner.methods.stream().filter(m -> !compiled.contains(m)).forEach(rewritten::add);
        // The frame classes first, the owner last: written in this order, an owner on disk is
        // rewritten only once the classes it refers to are there.
        Map<String, byte[]> written = new LinkedHashMap<>(classes);
        try {
            written.put(owner.name, OwnerClassWriter.write(classFile, owner, rewritten, hierarchy));
        } catch (MissingClassException missing) {
            return Result.refused(List.of(place.of(missing.getMessage())));
        } catch (MethodTooLargeException tooLarge) {
            MethodNode method = generators.stream()
                    .filter(m -> bodyName(m.name).equals(tooLarge.getMethodName()))
                    .findFirst()
                    .orElse(generators.get(0));
            return Result.refused(
                    List.of(
                            place.at(
                                    method,
                                    "the generator is larger than the JVM's 64 KB limit for a method"
                                            + " once each yield saves and restores its live locals ("
                                            + tooLarge.getCodeSize() + " bytes):"
                                            + " move part of the body into methods of its own, or into generators called through Yield.all")));
        }
        return new Result(written, generators.size(), List.of(), explanation.toString(), List.copyOf(warnings));
    }

    /**
     * Moves the body of {@code method} into a state machine method beside it and leaves in its
     * place the creation of the generator. Returns the frame class, or null after adding misuses.
     */
    private ClassNode rewriteMethod(
            ClassNode owner,
            MethodNode method,
            String generated,
            ClassPlace place,
            List<Misuse> misuses,
            List<Misuse> warnings,
            StringBuilder explanation)
            throws AnalyzerException {
        GeneratorKind kind = GeneratorKind.of(Type.getReturnType(method.desc).getDescriptor());
        boolean isStatic = (method.access & ACC_STATIC) != 0;
        boolean inInterface = (owner.access & ACC_INTERFACE) != 0;

        // Analysed as the method it was; becomes static once rewritten.
        MethodNode body = new MethodNode(ASM9, method.access, method.name, method.desc, null, null);
        body.instructions = method.instructions;
        body.tryCatchBlocks = method.tryCatchBlocks;
        body.localVariables = method.localVariables;
        body.visibleLocalVariableAnnotations = method.visibleLocalVariableAnnotations;
        body.invisibleLocalVariableAnnotations = method.invisibleLocalVariableAnnotations;
        body.parameters = method.parameters;
        body.maxLocals = method.maxLocals;
        body.maxStack = method.maxStack;

        MethodAnalysis analysis = MethodAnalysis.of(owner.name, body, hierarchy);
        List<Misuse> found = GeneratorChecks.ofBody(place, owner.name, body, analysis);
        List<Misuse> mistyped = TypeChecks.of(place, owner, method, analysis, hierarchy);
        (warnTypes ? warnings : found).addAll(mistyped);
        if (!found.isEmpty()) {
            misuses.addAll(found);
            return null;
        }
        int frameSlot = body.maxLocals;
        int valueSlot = frameSlot + 1;
        if (NewMover.apply(owner.name, body, analysis, hierarchy, valueSlot + 1) > valueSlot + 1) {
            analysis = MethodAnalysis.of(owner.name, body, hierarchy);
        }
        List<MethodInsnNode> suspending = new ArrayList<>();
        for (AbstractInsnNode insn : body.instructions) {
            YieldCall call = YieldCall.of(insn);
            if (call != null && call.suspends() && analysis.frame(insn) != null) {
                suspending.add((MethodInsnNode) insn);
            }
        }
        FrameLayout layout = FrameLayout.of(
                owner.name, body, isStatic, kind, analysis, suspending, new HierarchyVerifier(hierarchy));
        UnboxedYields.Boxing boxing = UnboxedYields.of(suspending);
        if (boxing != null) {
            layout.keepYieldedUnboxed(boxing);
        }
        dropUnkeptArguments(body, isStatic, layout);
        explanation.append(Explanation.of(owner.name, body, generated, kind, layout));
        StateMachineBuilder.apply(generated, body, layout, frameSlot, valueSlot);
        // Not synthetic, so that coverage tools count it and debuggers that skip synthetic methods
        // stop in it; named so that no Java source can name it (see bodyName).
        body.access = ACC_STATIC | (inInterface ? ACC_PUBLIC : 0);
        body.name = bodyName(method.name);
        body.desc = "(L" + generated + ";)Ljava/lang/Object;";
        body.parameters = null;
        owner.methods.add(owner.methods.indexOf(method) + 1, body);

        replaceBody(method, generated, kind, layout, isStatic);
        AnnotationNode rewritten = new AnnotationNode(RuntimeNames.REWRITTEN);
        rewritten.values = List.of("value", Type.getObjectType(generated).getClassName());
        if (method.invisibleAnnotations == null) {
            method.invisibleAnnotations = new ArrayList<>();
        }
        method.invisibleAnnotations.add(rewritten);
        // The creation of the generator is code of ours: coverage tools leave out a method annotated
        // with a "...Generated" annotation of class retention (JaCoCo's AnnotationGeneratedFilter).
        method.invisibleAnnotations.add(new AnnotationNode(RuntimeNames.GENERATED));
        return GeneratorClassBuilder.build(owner, generated, kind, layout, body);
    }

    /**
     * The name of the method that holds the body of {@code method}: {@code fibonacci-body}. A
     * stack trace reads {@code at example.Fib.fibonacci-body(Fib.java:12)}; the {@code -} makes
     * it a name the JVM takes but no Java source can call, so javac, compiling other classes
     * against the rewritten one, never takes it for an overload of the method, and IDEs offer it
     * nowhere (the reason Kotlin mangles names with {@code -}). That holds for every class file
     * version, where making it private would need nestmates (Java 11) for the frame class to call it.
     */
    static String bodyName(String method) {
        return method + BODY_SUFFIX;
    }

    /** The method's new body: {@code return new Fib$fibonacci$Generator(count);}, as a stream where it returns one. */
    /**
     * The body's local variable entries of the arguments it never reads, which the frame does not
     * keep: their slots hold nothing of theirs in the resume method (slot 0 holds the frame object).
     */
    private static void dropUnkeptArguments(MethodNode body, boolean isStatic, FrameLayout layout) {
        if (body.localVariables == null) {
            return;
        }
        int argumentSlots = Type.getArgumentsAndReturnSizes(body.desc) >> 2;
        if (isStatic) {
            argumentSlots--;
        }
        int slots = argumentSlots;
        // A copy: the list is still the method's own, whose entries replaceBody keeps.
        body.localVariables = new ArrayList<>(body.localVariables);
        body.localVariables.removeIf(variable -> variable.index < slots
                && layout.arguments.stream().noneMatch(argument -> argument.slot() == variable.index));
    }

    private static void replaceBody(
            MethodNode method, String generated, GeneratorKind kind, FrameLayout layout, boolean isStatic) {
        int line = ClassPlace.firstLine(method);
        LabelNode start = new LabelNode();
        LabelNode end = new LabelNode();
        InsnList code = new InsnList();
        code.add(start);
        if (line > 0) {
            code.add(new LineNumberNode(line, start));
        }
        code.add(new TypeInsnNode(NEW, generated));
        code.add(new InsnNode(DUP));
        for (FrameLayout.Argument argument : layout.arguments) {
            code.add(new VarInsnNode(argument.field().type().getOpcode(ILOAD), argument.slot()));
        }
        code.add(new MethodInsnNode(
                INVOKESPECIAL, generated, "<init>", GeneratorClassBuilder.constructorDescriptor(layout), false));
        if (kind == GeneratorKind.STREAM) {
            code.add(new MethodInsnNode(
                    INVOKEVIRTUAL,
                    RuntimeNames.STATE_MACHINE,
                    RuntimeNames.AS_STREAM,
                    RuntimeNames.AS_STREAM_DESC,
                    false));
        } else if (kind == GeneratorKind.COROUTINE) {
            // For the runtime's watcher: the event loop reports a coroutine never awaited.
            code.add(new MethodInsnNode(
                    INVOKEVIRTUAL,
                    RuntimeNames.STATE_MACHINE,
                    RuntimeNames.COROUTINE_CREATED,
                    RuntimeNames.COROUTINE_CREATED_DESC,
                    false));
        }
        code.add(new InsnNode(ARETURN));
        code.add(end);

        // Every parameter keeps its entry here, also those the frame does not keep.
        int argumentSlots = (Type.getArgumentsAndReturnSizes(method.desc) >> 2) - (isStatic ? 1 : 0);
        List<LocalVariableNode> arguments = new ArrayList<>();
        if (method.localVariables != null) {
            for (int slot = 0; slot < argumentSlots; slot++) {
                for (LocalVariableNode variable : method.localVariables) {
                    if (variable.index == slot && arguments.stream().noneMatch(a -> a.index == variable.index)) {
                        arguments.add(new LocalVariableNode(
                                variable.name, variable.desc, variable.signature, start, end, variable.index));
                    }
                }
            }
        }
        method.instructions = code;
        method.tryCatchBlocks = new ArrayList<>();
        method.localVariables = arguments;
        method.visibleLocalVariableAnnotations = null;
        method.invisibleLocalVariableAnnotations = null;
    }

    private static boolean isGenerator(MethodNode method) {
        return (method.access & (ACC_BRIDGE | ACC_SYNTHETIC)) == 0
                && hasAnnotation(method, RuntimeNames.GENERATOR)
                && !isRewritten(method);
    }

    private static boolean isRewritten(MethodNode method) {
        return hasAnnotation(method, RuntimeNames.REWRITTEN);
    }

    private static boolean hasAnnotation(MethodNode method, String descriptor) {
        for (List<AnnotationNode> annotations : List.of(
                method.invisibleAnnotations == null ? List.<AnnotationNode>of() : method.invisibleAnnotations,
                method.visibleAnnotations == null ? List.<AnnotationNode>of() : method.visibleAnnotations)) {
            for (AnnotationNode annotation : annotations) {
                if (descriptor.equals(annotation.desc)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String outsideReason(ClassNode owner, MethodNode method) {
        if (method.name.startsWith("lambda$")) {
            return "is called in a lambda, which is a method of its own and cannot yield for the generator"
                    + " around it: yield in the generator's own body (a loop instead of forEach, say)";
        }
        if (owner.outerMethod != null) {
            return "is called in a class declared inside " + owner.outerMethod + "(), whose methods cannot yield"
                    + " for the generator around them: yield in the generator's own body";
        }
        return "is called outside a @Generator method: annotate the method @dev.generators.Generator"
                + " and make it return Iterable, Iterator, Stream or Coroutine";
    }

    private byte[] write(ClassNode node) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                return hierarchy.commonSuperClass(a, b);
            }
        };
        node.accept(writer);
        return writer.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
