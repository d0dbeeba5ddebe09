package dev.generators.rewriter;

import static org.objectweb.asm.Opcodes.ARETURN;
import static org.objectweb.asm.Opcodes.CHECKCAST;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.POP;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * The {@code Yield.all} calls that are the body's last act: outside every {@code try} block (a
 * {@code catch}, a {@code finally}, a {@code synchronized} block's release), their result dropped,
 * and the body then returning {@code Yield.done()} at once, as javac compiles
 * {@code Yield.all(walk(node.right)); return Yield.done();}. Once such a delegation ends without
 * an exception, nothing is left for the body to do but to return null; {@link ResumeMethodBuilder}
 * calls {@code yieldAllLast} for them, and the runtime then ends the generator when its delegate
 * returns, without resuming the body for it, where no agent (a debugger, a coverage tool) could
 * see the difference (the runtime's {@code Agents}). A recursive walk resumes each inner node once
 * less for it. A raise, a close, or an exception from the delegate still resume the body, whose
 * code is unchanged.
 */
final class LastDelegations {

    /** How many {@code GOTO}s to follow from the call to the return: javac's shapes need one or two. */
    private static final int JUMPS = 8;

    private final Set<AbstractInsnNode> calls;

    private LastDelegations(Set<AbstractInsnNode> calls) {
        this.calls = calls;
    }

    /** The {@code Yield.all} calls of {@code code} that are its last act, before it is rewritten. */
    static LastDelegations of(MethodNode code) {
        Set<AbstractInsnNode> found = Collections.newSetFromMap(new IdentityHashMap<>());
        for (AbstractInsnNode insn : code.instructions) {
            YieldCall call = YieldCall.of(insn);
            if ((call == YieldCall.ALL_ITERABLE || call == YieldCall.ALL_ITERATOR || call == YieldCall.ALL_COROUTINE)
                    && outsideEveryTry(code, insn)
                    && returnsAtOnce(insn)) {
                found.add(insn);
            }
        }
        return new LastDelegations(found);
    }

    /** Whether {@code call}, a {@code Yield.all} of the original code, is the body's last act. */
    boolean isLast(AbstractInsnNode call) {
        return calls.contains(call);
    }

    private static boolean outsideEveryTry(MethodNode code, AbstractInsnNode call) {
        InsnList instructions = code.instructions;
        int at = instructions.indexOf(call);
        for (TryCatchBlockNode block : code.tryCatchBlocks) {
            if (instructions.indexOf(block.start) <= at && at < instructions.indexOf(block.end)) {
                return false;
            }
        }
        return true;
    }

    /** {@code POP}, then {@code Yield.done()}, maybe javac's cast of it, and {@code ARETURN}. */
    private static boolean returnsAtOnce(AbstractInsnNode call) {
        AbstractInsnNode next = following(call);
        if (next == null || next.getOpcode() != POP) {
            return false;
        }
        next = following(next);
        if (next == null || YieldCall.of(next) != YieldCall.DONE) {
            return false;
        }
        next = following(next);
        if (next != null && next.getOpcode() == CHECKCAST) {
            next = following(next);
        }
        return next != null && next.getOpcode() == ARETURN;
    }

    /** The instruction that runs after {@code insn}, through unconditional jumps. */
    private static AbstractInsnNode following(AbstractInsnNode insn) {
        AbstractInsnNode next = Instructions.nextReal(insn);
        for (int jumps = 0; next != null && next.getOpcode() == GOTO; jumps++) {
            if (jumps == JUMPS) {
                return null;
            }
            next = Instructions.nextReal(((JumpInsnNode) next).label);
        }
        return next;
    }
}
