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
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Rewrites one class file: each {@code @Generator} method becomes a small method that creates
 * the generator, a static method beside it ({@code name-body}) that holds the body as a state
 * machine, and its generator class, which holds the frame ({@link GeneratorMethodRewriter} runs
 * the passes for each). Refuses, with the place and a reason, what cannot be rewritten; a class
 * with nothing to do comes back unchanged.
 *
 * <p>This is the one implementation behind the Maven plugin and every other entry point.
 */
public final class OwnerClassRewriter {

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

    private final ClassHierarchy hierarchy;
    private final RewriteOptions options;
    /** Why the runtime on the class path cannot run generated code, "" if it can; read once. */
    private String runtimeProblem;

    public OwnerClassRewriter(ClassHierarchy hierarchy) {
        this(hierarchy, RewriteOptions.DEFAULT);
    }

    public OwnerClassRewriter(ClassHierarchy hierarchy, RewriteOptions options) {
        this.hierarchy = hierarchy;
        this.options = options;
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
        GeneratorMethodRewriter methods = new GeneratorMethodRewriter(owner, place, hierarchy, options);
        for (MethodNode method : generators) {
            int overload = overloads.merge(method.name, 1, Integer::sum);
            String generatorClass = owner.name + "$" + method.name + "$Generator" + (overload > 1 ? overload : "");
            GeneratorMethodRewriter.Outcome outcome = methods.rewrite(method, generatorClass);
            misuses.addAll(outcome.misuses());
            warnings.addAll(outcome.warnings());
            GeneratorMethodRewriter.Rewritten rewritten = outcome.rewritten();
            if (rewritten != null) {
                owner.methods.add(owner.methods.indexOf(method) + 1, rewritten.resumeMethod());
                explanation.append(rewritten.explanation());
                byte[] bytes = write(rewritten.generatorClass());
                hierarchy.define(bytes);
                classes.put(generatorClass, bytes);
            }
        }
        if (!misuses.isEmpty()) {
            return Result.refused(misuses);
        }
        Set<MethodNode> rewritten = Collections.newSetFromMap(new IdentityHashMap<>());
        rewritten.addAll(generators);
        owner.methods.stream().filter(m -> !compiled.contains(m)).forEach(rewritten::add);
        // The generator classes first, the owner last: written in this order, an owner on disk is
        // rewritten only once the classes it refers to are there.
        Map<String, byte[]> written = new LinkedHashMap<>(classes);
        try {
            written.put(owner.name, OwnerClassWriter.write(classFile, owner, rewritten, hierarchy));
        } catch (MissingClassException missing) {
            return Result.refused(List.of(place.of(missing.getMessage())));
        } catch (MethodTooLargeException tooLarge) {
            MethodNode method = generators.stream()
                    .filter(m -> ResumeMethodBuilder.bodyName(m.name).equals(tooLarge.getMethodName()))
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
