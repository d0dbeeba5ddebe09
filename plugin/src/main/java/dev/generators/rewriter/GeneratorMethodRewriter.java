package dev.generators.rewriter;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * Rewrites one {@code @Generator} method of a class: the passes, in the order they run, in
 * {@link #rewrite}. Each takes what it needs, the result of the pass before it among them, and
 * returns its own as a value:
 *
 * <pre>
 * pass                           takes                                       returns
 * GeneratorChecks.ofDeclaration  method                                    → refusals
 * MethodAnalysis                 method                                    → MethodAnalysis
 * GeneratorChecks, TypeChecks    method, MethodAnalysis                    → refusals (TypeChecks: or warnings)
 * GeneratorBody                  method                                    → GeneratorBody (the code, taken out)
 * NewMover                       GeneratorBody, MethodAnalysis             → NewMover.Moved (did the code change?)
 * SuspensionPoints               the code, its analysis now                → SuspensionPoints
 * UnboxedYields                  SuspensionPoints                          → UnboxedYields
 * PureYields                     the code, SuspensionPoints                → PureYields
 * LastDelegations                the code                                  → LastDelegations
 * FrameLayout                    SuspensionPoints, UnboxedYields           → FrameLayout
 * Explanation                    FrameLayout, PureYields                   → text
 * CreationMethodBuilder          method, GeneratorBody, FrameLayout        → the method's new code
 * ResumeMethodBuilder            GeneratorBody, FrameLayout, UnboxedYields,
 *                                LastDelegations                           → the resume method
 * GeneratorClassBuilder          FrameLayout, PureYields, the resume method → the generator class
 * </pre>
 */
final class GeneratorMethodRewriter {

    /**
     * What one generator method became, beside its new code.
     *
     * @param resumeMethod the body as a state machine, {@code name-body}, to add to the owner after the method
     * @param generatorClass the class {@code Owner$name$Generator}
     * @param explanation what became of the generator, in words ({@link Explanation})
     */
    record Rewritten(MethodNode resumeMethod, ClassNode generatorClass, String explanation) {}

    /**
     * @param rewritten what the method became; null when it was refused
     * @param misuses why it was refused; empty when it was not
     * @param warnings what {@link TypeChecks} found, when told to warn rather than refuse
     */
    record Outcome(Rewritten rewritten, List<Misuse> misuses, List<Misuse> warnings) {
        static Outcome refused(List<Misuse> misuses, List<Misuse> warnings) {
            return new Outcome(null, List.copyOf(misuses), List.copyOf(warnings));
        }
    }

    private final ClassNode owner;
    private final ClassPlace place;
    private final ClassHierarchy hierarchy;
    private final RewriteOptions options;

    GeneratorMethodRewriter(ClassNode owner, ClassPlace place, ClassHierarchy hierarchy, RewriteOptions options) {
        this.owner = owner;
        this.place = place;
        this.hierarchy = hierarchy;
        this.options = options;
    }

    /**
     * Rewrites {@code method} of the owner in place, unless it is refused: its code becomes the
     * creation of the generator, {@code new Owner$name$Generator(arguments)}.
     *
     * @param generatorClass the internal name of the class to make for it
     */
    Outcome rewrite(MethodNode method, String generatorClass) {
        List<Misuse> declaration = GeneratorChecks.ofDeclaration(place, method);
        if (!declaration.isEmpty()) {
            return Outcome.refused(declaration, List.of());
        }
        MethodAnalysis analysis;
        List<Misuse> found;
        List<Misuse> warnings = new ArrayList<>();
        try {
            analysis = analyse(method);
            found = new ArrayList<>(GeneratorChecks.ofBody(place, owner.name, method, analysis));
            List<Misuse> mistyped = TypeChecks.of(place, owner, method, analysis, hierarchy);
            (options.warnTypes() ? warnings : found).addAll(mistyped);
        } catch (AnalyzerException | MissingClassException | MethodAnalysis.TooHard failure) {
            return Outcome.refused(List.of(refusal(method, failure)), List.of());
        }
        if (!found.isEmpty()) {
            return Outcome.refused(found, warnings);
        }

        GeneratorBody body = GeneratorBody.takenFrom(method);
        try {
            return new Outcome(rewrite(method, body, analysis, generatorClass), List.of(), List.copyOf(warnings));
        } catch (AnalyzerException | MissingClassException | MethodAnalysis.TooHard failure) {
            return Outcome.refused(List.of(refusal(body.code(), failure)), warnings);
        }
    }

    /** The passes that transform a body that passed the checks. */
    private Rewritten rewrite(MethodNode method, GeneratorBody body, MethodAnalysis analysis, String generatorClass)
            throws AnalyzerException {
        GeneratorKind kind = GeneratorKind.of(Type.getReturnType(method.desc).getDescriptor());
        NewMover.Moved moved = NewMover.apply(owner.name, body.code(), analysis, hierarchy, body.firstFreeSlot());
        SuspensionPoints points =
                SuspensionPoints.of(body.code(), moved.changedCode() ? analyse(body.code()) : analysis);
        UnboxedYields unboxed = UnboxedYields.of(points);
        PureYields pure = PureYields.of(body.code(), points);
        LastDelegations last = LastDelegations.of(body.code());
        FrameLayout layout =
                FrameLayout.of(owner.name, body.code(), kind, points, unboxed, new HierarchyVerifier(hierarchy));
        String explanation = Explanation.of(owner.name, method, generatorClass, kind, layout, pure, body.firstLine());
        CreationMethodBuilder.build(method, body, generatorClass, kind, layout);
        MethodNode resume = ResumeMethodBuilder.build(owner, generatorClass, body, layout, unboxed, last);
        ClassNode generator = GeneratorClassBuilder.build(owner, generatorClass, kind, layout, pure, resume);
        return new Rewritten(resume, generator, explanation);
    }

    private MethodAnalysis analyse(MethodNode code) throws AnalyzerException {
        return MethodAnalysis.of(owner.name, code, hierarchy, options.visitsPerInstruction());
    }

    /** A pass could not go on: at the instruction where it stopped, or else at the method. */
    private Misuse refusal(MethodNode code, Exception failure) {
        if (failure instanceof AnalyzerException e) {
            return place.at(
                    code,
                    e.node != null ? e.node : code.instructions.getFirst(),
                    e.getCause() instanceof MissingClassException missing
                            ? missing.getMessage()
                            : "cannot analyse the method's bytecode: " + e.getMessage());
        }
        if (failure instanceof MethodAnalysis.TooHard e) {
            return place.at(code, code.instructions.get(e.instruction), e.getMessage());
        }
        return place.at(code, failure.getMessage());
    }
}
