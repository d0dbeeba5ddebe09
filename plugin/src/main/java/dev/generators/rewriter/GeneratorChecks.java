package dev.generators.rewriter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * What the build refuses, each with a message that says what to do instead. Everything else
 * javac accepts in a {@code @Generator} method is rewritten.
 */
final class GeneratorChecks {

    private GeneratorChecks() {}

    /** A {@code @Generator} method that cannot become a generator whatever its body holds. */
    static List<Misuse> ofDeclaration(ClassPlace place, MethodNode method) {
        List<Misuse> found = new ArrayList<>();
        if ((method.access & Opcodes.ACC_ABSTRACT) != 0) {
            found.add(place.at(
                    method,
                    "@Generator needs a body, and this method is abstract:"
                            + " put @Generator on the implementations instead"));
        }
        if ((method.access & Opcodes.ACC_NATIVE) != 0) {
            found.add(place.at(method, "@Generator needs a body, and this method is native"));
        }
        if ((method.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
            found.add(place.at(
                    method,
                    "@Generator on a synchronized method: the lock would not be held"
                            + " while the body runs, which is at each next(); synchronize inside the body,"
                            + " around code that does not yield"));
        }
        String returned = Type.getReturnType(method.desc).getDescriptor();
        if (GeneratorKind.of(returned) == null) {
            found.add(place.at(
                    method,
                    "@Generator methods return Iterable, Iterator, Stream or"
                            + " dev.generators.Coroutine, and this one returns "
                            + Type.getType(returned).getClassName() + ": change the return type"));
        }
        return found;
    }

    /** A body that yields where it must not, or ends other than by {@code return Yield.done(...)}. */
    static List<Misuse> ofBody(ClassPlace place, String owner, MethodNode method, MethodAnalysis analysis)
            throws AnalyzerException {
        List<Misuse> found = new ArrayList<>();
        Frame<SourceValue>[] sources = new Analyzer<>(new SourceInterpreter()).analyze(owner, method);
        for (AbstractInsnNode insn : method.instructions) {
            TypedFrame frame = analysis.frame(insn);
            if (frame == null) {
                continue;
            }
            if (YieldCall.isYieldCall(insn) && YieldCall.of(insn) == null) {
                found.add(place.at(
                        method,
                        insn,
                        "Yield." + ((MethodInsnNode) insn).name
                                + ((MethodInsnNode) insn).desc + " is not known to this plugin version:"
                                + " use the same version of generators-runtime and generators-maven-plugin"));
                continue;
            }
            YieldCall call = YieldCall.of(insn);
            if (call != null && call.suspends()) {
                if (analysis.monitorsBefore(insn) > 0) {
                    found.add(place.at(
                            method,
                            insn,
                            "Yield." + call.name + " inside a synchronized block:"
                                    + " a monitor cannot be held across a suspension; yield after the block ends"));
                }
            } else if (call != null && isDiscarded(insn)) {
                found.add(place.at(
                        method,
                        insn,
                        "Yield.done does nothing unless it is returned:"
                                + " write `return Yield.done();` or `return Yield.done(result);`"));
            } else if (insn.getOpcode() == Opcodes.ARETURN && !returnsDone(method, sources, insn)) {
                found.add(place.at(
                        method,
                        insn,
                        "a generator finishes with `return Yield.done();`"
                                + " or `return Yield.done(result);`, not by returning a value of its own"));
            }
        }
        return found;
    }

    /** Every {@code Yield} call in a method that is not a {@code @Generator} method. */
    static List<Misuse> ofOtherMethod(ClassPlace place, MethodNode method, String why) {
        List<Misuse> found = new ArrayList<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (YieldCall.isYieldCall(insn)) {
                found.add(place.at(method, insn, "Yield." + ((MethodInsnNode) insn).name + " " + why));
            }
        }
        return found;
    }

    /**
     * Whether every value {@code areturn} can return comes from a {@code Yield.done} call,
     * through casts, copies and locals (javac keeps the value in a local while a
     * {@code finally} block runs).
     */
    private static boolean returnsDone(MethodNode method, Frame<SourceValue>[] sources, AbstractInsnNode areturn) {
        Frame<SourceValue> frame = sources[method.instructions.indexOf(areturn)];
        return comesFromDone(method, sources, frame.getStack(frame.getStackSize() - 1), new HashSet<>());
    }

    private static boolean comesFromDone(
            MethodNode method, Frame<SourceValue>[] sources, SourceValue value, Set<AbstractInsnNode> seen) {
        if (value.insns.isEmpty()) {
            return false; // an argument
        }
        for (AbstractInsnNode source : value.insns) {
            YieldCall call = YieldCall.of(source);
            if (!seen.add(source) || call != null && !call.suspends()) {
                continue;
            }
            Frame<SourceValue> frame = sources[method.instructions.indexOf(source)];
            SourceValue input = switch (source.getOpcode()) {
                case Opcodes.CHECKCAST, Opcodes.DUP, Opcodes.ASTORE -> frame.getStack(frame.getStackSize() - 1);
                case Opcodes.ALOAD -> frame.getLocal(((VarInsnNode) source).var);
                default -> null;
            };
            if (input == null || !comesFromDone(method, sources, input, seen)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the value of the call {@code insn} is thrown away at once. */
    private static boolean isDiscarded(AbstractInsnNode insn) {
        AbstractInsnNode next = Instructions.nextReal(insn);
        return next != null && next.getOpcode() == Opcodes.POP;
    }
}
