package dev.generators.rewriter;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * What the rewriter knows of a method's body: the type of every local and stack value before
 * each instruction (ASM's {@link Analyzer} with a {@link TypeInterpreter}), and which locals are
 * live there, that is, read later on some path before being written again, exceptional paths
 * included.
 */
final class MethodAnalysis {

    private final InsnList instructions;
    private final Frame<BasicValue>[] frames;
    private final BitSet[] liveIn;

    private MethodAnalysis(InsnList instructions, Frame<BasicValue>[] frames, BitSet[] liveIn) {
        this.instructions = instructions;
        this.frames = frames;
        this.liveIn = liveIn;
    }

    static MethodAnalysis of(String owner, MethodNode method, ClassHierarchy hierarchy) throws AnalyzerException {
        int size = method.instructions.size();
        List<List<Integer>> successors = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            successors.add(new ArrayList<>(2));
        }
        Analyzer<BasicValue> analyzer = new Analyzer<>(new TypeInterpreter(hierarchy)) {
            @Override
            protected Frame<BasicValue> newFrame(int locals, int stack) {
                return new TypedFrame(locals, stack);
            }

            @Override
            protected Frame<BasicValue> newFrame(Frame<? extends BasicValue> frame) {
                return new TypedFrame(frame);
            }

            @Override
            protected void newControlFlowEdge(int insn, int successor) {
                successors.get(insn).add(successor);
            }

            @Override
            protected boolean newControlFlowExceptionEdge(int insn, int successor) {
                successors.get(insn).add(successor);
                return true;
            }
        };
        Frame<BasicValue>[] frames = analyzer.analyze(owner, method);
        return new MethodAnalysis(method.instructions, frames, liveness(method.instructions, successors));
    }

    /** The frame before {@code insn}, or null where the instruction cannot be reached. */
    TypedFrame frame(AbstractInsnNode insn) {
        return (TypedFrame) frames[instructions.indexOf(insn)];
    }

    /** The locals (by slot) read on some path from {@code insn} before they are written. */
    BitSet liveBefore(AbstractInsnNode insn) {
        return (BitSet) liveIn[instructions.indexOf(insn)].clone();
    }

    /** Backward data flow to a fixed point: live-in = used ∪ (live-out − written). */
    private static BitSet[] liveness(InsnList instructions, List<List<Integer>> successors) {
        int size = instructions.size();
        BitSet[] liveIn = new BitSet[size];
        for (int i = 0; i < size; i++) {
            liveIn[i] = new BitSet();
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = size - 1; i >= 0; i--) {
                BitSet live = new BitSet();
                for (int successor : successors.get(i)) {
                    live.or(liveIn[successor]);
                }
                AbstractInsnNode insn = instructions.get(i);
                if (insn instanceof VarInsnNode var) {
                    if (var.getOpcode() >= Opcodes.ISTORE && var.getOpcode() <= Opcodes.ASTORE) {
                        live.clear(var.var);
                    } else {
                        live.set(var.var);
                    }
                } else if (insn instanceof IincInsnNode iinc) {
                    live.set(iinc.var);
                }
                if (!live.equals(liveIn[i])) {
                    liveIn[i] = live;
                    changed = true;
                }
            }
        }
        return liveIn;
    }
}
