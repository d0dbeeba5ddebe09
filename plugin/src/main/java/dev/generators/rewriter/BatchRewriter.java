package dev.generators.rewriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;

/**
 * Rewrites a set of class files together, all or nothing: every class is rewritten in memory
 * and every output verified; only if nothing was refused are there outputs to write. Classes
 * that mention no generator are not parsed. Folders, jars and the agent all come through here.
 */
public final class BatchRewriter {

    /** What a run did: classes looked at, classes and methods rewritten, and what was refused. */
    public record Summary(
            int scanned, int classesRewritten, int methodsRewritten, List<Misuse> misuses, List<Misuse> warnings) {
        public Summary(int scanned, int classesRewritten, int methodsRewritten, List<Misuse> misuses) {
            this(scanned, classesRewritten, methodsRewritten, misuses, List.of());
        }

        public boolean failed() {
            return !misuses.isEmpty();
        }
    }

    /**
     * @param outputs the class files to write, by internal name (rewritten classes and the frame
     *     classes made for them); empty when anything was refused
     * @param explanations what became of the generators of each rewritten class, in words, by its
     *     internal name
     */
    public record Outcome(Summary summary, Map<String, byte[]> outputs, Map<String, String> explanations) {}

    private BatchRewriter() {}

    /**
     * @param classes class files by where they came from (a path, for messages)
     */
    public static Outcome rewrite(Map<String, byte[]> classes, ClassHierarchy hierarchy) {
        return rewrite(classes, hierarchy, RewriteOptions.DEFAULT);
    }

    /**
     * @param classes class files by where they came from (a path, for messages)
     */
    public static Outcome rewrite(Map<String, byte[]> classes, ClassHierarchy hierarchy, RewriteOptions options) {
        OwnerClassRewriter rewriter = new OwnerClassRewriter(hierarchy, options);
        List<Misuse> warnings = new ArrayList<>();
        Map<String, byte[]> outputs = new LinkedHashMap<>();
        Map<String, String> explanations = new LinkedHashMap<>();
        List<Misuse> misuses = new ArrayList<>();
        int rewrittenClasses = 0;
        int methods = 0;
        for (Map.Entry<String, byte[]> input : classes.entrySet()) {
            if (!OwnerClassRewriter.mentionsGenerators(input.getValue())) {
                continue;
            }
            OwnerClassRewriter.Result result;
            try {
                result = rewriter.rewrite(input.getValue(), input.getKey());
            } catch (RuntimeException bug) {
                misuses.add(new Misuse(
                        input.getKey(),
                        0,
                        input.getKey(),
                        "",
                        "the rewriter failed on this class (please report it): " + bug));
                continue;
            }
            misuses.addAll(result.misuses());
            warnings.addAll(result.warnings());
            if (!result.classes().isEmpty()) {
                rewrittenClasses++;
                methods += result.methods();
                outputs.putAll(result.classes());
                explanations.put(new ClassReader(input.getValue()).getClassName(), result.explanation());
            }
        }
        OutputVerifier verifier = new OutputVerifier(hierarchy);
        for (Map.Entry<String, byte[]> output : outputs.entrySet()) {
            String problem = verifier.problem(output.getValue());
            if (problem != null) {
                misuses.add(new Misuse(
                        output.getKey() + ".class",
                        0,
                        output.getKey().replace('/', '.'),
                        "",
                        "the rewritten class does not verify, so nothing was written (please report it): " + problem));
            }
        }
        if (misuses.isEmpty() && options.loadToVerify()) {
            LoadCheck.problems(outputs, hierarchy)
                    .forEach((name, problem) -> misuses.add(new Misuse(
                            name + ".class",
                            0,
                            name.replace('/', '.'),
                            "",
                            "the JVM's verifier refuses the rewritten class, so nothing was written (please report it): "
                                    + problem)));
        }
        if (!misuses.isEmpty()) {
            return new Outcome(
                    new Summary(classes.size(), 0, 0, List.copyOf(misuses), List.copyOf(warnings)), Map.of(), Map.of());
        }
        return new Outcome(
                new Summary(classes.size(), rewrittenClasses, methods, List.of(), List.copyOf(warnings)),
                outputs,
                explanations);
    }
}
