package dev.generators.rewriter;

import static org.objectweb.asm.Opcodes.*;

import java.util.Map;
import java.util.Set;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Whether a body is a straight line of pure yields: no branch, loop, try block or monitor, and
 * nothing but constants, its arguments and locals, arithmetic that cannot throw, a box's
 * {@code valueOf}, {@code Yield.value} calls whose result is dropped and {@code Yield.done}:
 *
 * <pre>
 * Yield.value(base); Yield.value(base + 1); Yield.value(base * 2L); return Yield.done();
 * </pre>
 *
 * Such a body yields exactly {@link #yields} values, and when each is computed cannot be seen:
 * nothing it reads can change, nothing it does can be observed, nothing in it can throw. So the
 * generator class answers {@code hasNext()} without running it and computes each value as
 * {@code next()} takes it ({@code StateMachine.hasNextPure}, {@code nextPure}), which gives a
 * consumer's loop the shape of a hand-written iterator's, one C2 unrolls and folds. A field read
 * is not pure here (the field may change between {@code hasNext()} and {@code next()}; a final
 * one too, for a generator its class's constructor or initializer asks before assigning it,
 * which is why C2 does not trust final instance fields either); nor is a call, which may have
 * effects, or a division of integers, which may throw, or a use of what a yield receives, which
 * {@code send} may make anything.
 *
 * @param yields the number of yields, or -1 where the body is not a straight line of pure yields
 */
record PureYields(int yields) {

    static final PureYields NOT = new PureYields(-1);

    /** Instructions that read only the operand stack, locals and constants, and cannot throw. */
    private static final Set<Integer> PURE = Set.of(
            NOP,
            ACONST_NULL,
            ICONST_M1,
            ICONST_0,
            ICONST_1,
            ICONST_2,
            ICONST_3,
            ICONST_4,
            ICONST_5,
            LCONST_0,
            LCONST_1,
            FCONST_0,
            FCONST_1,
            FCONST_2,
            DCONST_0,
            DCONST_1,
            BIPUSH,
            SIPUSH,
            ILOAD,
            LLOAD,
            FLOAD,
            DLOAD,
            ALOAD,
            ISTORE,
            LSTORE,
            FSTORE,
            DSTORE,
            ASTORE,
            IINC,
            POP,
            POP2,
            DUP,
            DUP_X1,
            DUP_X2,
            DUP2,
            DUP2_X1,
            DUP2_X2,
            SWAP,
            IADD,
            LADD,
            FADD,
            DADD,
            ISUB,
            LSUB,
            FSUB,
            DSUB,
            IMUL,
            LMUL,
            FMUL,
            DMUL,
            FDIV,
            DDIV,
            FREM,
            DREM,
            INEG,
            LNEG,
            FNEG,
            DNEG,
            ISHL,
            LSHL,
            ISHR,
            LSHR,
            IUSHR,
            LUSHR,
            IAND,
            LAND,
            IOR,
            LOR,
            IXOR,
            LXOR,
            I2L,
            I2F,
            I2D,
            L2I,
            L2F,
            L2D,
            F2I,
            F2L,
            F2D,
            D2I,
            D2L,
            D2F,
            I2B,
            I2C,
            I2S,
            LCMP,
            FCMPL,
            FCMPG,
            DCMPL,
            DCMPG);

    /** Each box's {@code valueOf} of its primitive, by owner: the calls of javac's boxing. */
    private static final Map<String, String> BOXING = Map.of(
            "java/lang/Integer", "(I)Ljava/lang/Integer;",
            "java/lang/Long", "(J)Ljava/lang/Long;",
            "java/lang/Double", "(D)Ljava/lang/Double;",
            "java/lang/Float", "(F)Ljava/lang/Float;",
            "java/lang/Short", "(S)Ljava/lang/Short;",
            "java/lang/Byte", "(B)Ljava/lang/Byte;",
            "java/lang/Character", "(C)Ljava/lang/Character;",
            "java/lang/Boolean", "(Z)Ljava/lang/Boolean;");

    /** Whether the body is a straight line of pure yields. */
    boolean pure() {
        return yields >= 0;
    }

    /**
     * @param code the body, before the resume method is made of it
     * @param points its suspension points, with its analysis as it is
     */
    static PureYields of(MethodNode code, SuspensionPoints points) {
        if (!code.tryCatchBlocks.isEmpty()) {
            return NOT;
        }
        int yields = 0;
        for (AbstractInsnNode insn = code.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            int opcode = insn.getOpcode();
            if (opcode < 0) {
                continue; // a label, line number or frame
            }
            if (points.analysis().frame(insn) == null) {
                return NOT; // unreachable code: javac makes none in a straight line
            }
            YieldCall call = YieldCall.of(insn);
            if (call == YieldCall.VALUE) {
                AbstractInsnNode after = Instructions.nextReal(insn);
                if (after == null || after.getOpcode() != POP) {
                    return NOT; // what the yield receives is used
                }
                yields++;
                insn = after;
            } else if (call == YieldCall.DONE || call == YieldCall.DONE_WITH_RESULT) {
                AbstractInsnNode after = Instructions.nextReal(insn);
                if (after != null && after.getOpcode() == CHECKCAST) {
                    insn = after; // javac's cast to the declared return type, which the rewrite leaves out
                }
            } else if (opcode == ARETURN) {
                // The end of the straight line: nothing after it runs.
                return Instructions.nextReal(insn) == null ? new PureYields(yields) : NOT;
            } else if (!PURE.contains(opcode) && !isConstant(insn) && !isBoxing(insn)) {
                return NOT;
            }
        }
        return NOT;
    }

    /** An {@code LDC} of a number or a string: not of a class, method handle or dynamic constant, which may load or run code. */
    private static boolean isConstant(AbstractInsnNode insn) {
        return insn.getOpcode() == LDC
                && (((LdcInsnNode) insn).cst instanceof Number || ((LdcInsnNode) insn).cst instanceof String);
    }

    /** {@code Integer.valueOf(int)} and the other boxes' {@code valueOf} of their primitive. */
    private static boolean isBoxing(AbstractInsnNode insn) {
        if (insn.getOpcode() != INVOKESTATIC) {
            return false;
        }
        MethodInsnNode call = (MethodInsnNode) insn;
        return call.name.equals("valueOf") && call.desc.equals(BOXING.get(call.owner));
    }
}
