package dev.generators.rewriter;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * What the build refuses, each with a message that says what to do instead. Everything else
 * javac accepts in a {@code @Generator} method is rewritten.
 */
final class GeneratorChecks {

    private GeneratorChecks() {
    }

    /** A {@code @Generator} method that cannot become a generator whatever its body holds. */
    static List<Misuse> ofDeclaration(ClassPlace place, MethodNode method) {
        List<Misuse> found = new ArrayList<>();
        if ((method.access & Opcodes.ACC_ABSTRACT) != 0) {
            found.add(place.at(method, "@Generator needs a body, and this method is abstract:"
                    + " put @Generator on the implementations instead"));
        }
        if ((method.access & Opcodes.ACC_NATIVE) != 0) {
            found.add(place.at(method, "@Generator needs a body, and this method is native"));
        }
        if ((method.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
            found.add(place.at(method, "@Generator on a synchronized method: the lock would not be held"
                    + " while the body runs, which is at each next(); synchronize inside the body,"
                    + " around code that does not yield"));
        }
        String returned = Type.getReturnType(method.desc).getDescriptor();
        if (GeneratorKind.of(returned) == null) {
            found.add(place.at(method, "@Generator methods return Iterable, Iterator, Stream or"
                    + " dev.generators.Coroutine, and this one returns "
                    + Type.getType(returned).getClassName() + ": change the return type"));
        }
        return found;
    }

    /** A body that yields where it must not, or ends other than by {@code return Yield.done(...)}. */
    static List<Misuse> ofBody(ClassPlace place, MethodNode method, MethodAnalysis analysis) {
        List<Misuse> found = new ArrayList<>();
        for (AbstractInsnNode insn : method.instructions) {
            TypedFrame frame = analysis.frame(insn);
            if (frame == null) {
                continue;
            }
            if (YieldCall.isYieldCall(insn) && YieldCall.of(insn) == null) {
                found.add(place.at(method, insn, "Yield." + ((MethodInsnNode) insn).name
                        + ((MethodInsnNode) insn).desc + " is not known to this plugin version:"
                        + " use the same version of generators-runtime and generators-maven-plugin"));
                continue;
            }
            YieldCall call = YieldCall.of(insn);
            if (call != null && call.suspends()) {
                if (frame.monitors > 0) {
                    found.add(place.at(method, insn, "Yield." + call.name + " inside a synchronized block:"
                            + " a monitor cannot be held across a suspension; yield after the block ends"));
                }
                for (int slot = 0; slot < frame.getLocals(); slot++) {
                    if (frame.getLocal(slot) instanceof TypeInterpreter.Uninitialized) {
                        found.add(place.at(method, insn, "a local holds an object whose constructor has not run"
                                + " across Yield." + call.name + ": this bytecode shape is not supported"));
                        break;
                    }
                }
            } else if (call != null && endOfReturn(insn) == null) {
                found.add(place.at(method, insn, "Yield.done must be returned at once:"
                        + " write `return Yield.done();` or `return Yield.done(result);`"));
            } else if (insn.getOpcode() == Opcodes.ARETURN && !returnsDone(insn)) {
                found.add(place.at(method, insn, "a generator finishes with `return Yield.done();`"
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
     * The {@code ARETURN} that returns what the {@code Yield.done} call {@code insn} evaluates to,
     * through javac's cast, or null if its value goes anywhere else.
     */
    static AbstractInsnNode endOfReturn(AbstractInsnNode insn) {
        AbstractInsnNode next = nextReal(insn);
        if (next != null && next.getOpcode() == Opcodes.CHECKCAST) {
            next = nextReal(next);
        }
        return next != null && next.getOpcode() == Opcodes.ARETURN ? next : null;
    }

    private static boolean returnsDone(AbstractInsnNode areturn) {
        AbstractInsnNode previous = previousReal(areturn);
        if (previous != null && previous.getOpcode() == Opcodes.CHECKCAST) {
            previous = previousReal(previous);
        }
        YieldCall call = previous == null ? null : YieldCall.of(previous);
        return call != null && !call.suspends();
    }

    private static AbstractInsnNode nextReal(AbstractInsnNode insn) {
        AbstractInsnNode next = insn.getNext();
        while (next != null && next.getOpcode() < 0) {
            next = next.getNext();
        }
        return next;
    }

    private static AbstractInsnNode previousReal(AbstractInsnNode insn) {
        AbstractInsnNode previous = insn.getPrevious();
        while (previous != null && previous.getOpcode() < 0) {
            previous = previous.getPrevious();
        }
        return previous;
    }
}
