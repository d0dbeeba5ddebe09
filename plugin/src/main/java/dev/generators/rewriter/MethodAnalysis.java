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

    /**
     * How many times, per instruction, the analyses may visit an edge before the method is refused
     * as too hard to analyse: far more than any method javac or ECJ emits needs (an instruction is
     * visited again only when what reaches it changes, a few times per local), and small enough
     * that a method refused this way is refused within seconds.
     */
    static final int VISITS_PER_INSTRUCTION = 1_000;

    /** The analysis of a method did not finish within {@link #VISITS_PER_INSTRUCTION} visits per instruction. */
    static final class TooHard extends RuntimeException {
        final int instruction;

        TooHard(int instruction, String what, int size, int visitsPerInstruction) {
            super("the rewriter could not finish its " + what + " of the method within its bound ("
                    + visitsPerInstruction + " steps per instruction, " + size + " instructions):"
                    + " please report it, and split the method meanwhile");
            this.instruction = instruction;
        }
    }

    private final InsnList instructions;
    private final Frame<BasicValue>[] frames;
    private final BitSet[] liveIn;
    private final int[] monitors;

    private MethodAnalysis(InsnList instructions, Frame<BasicValue>[] frames, BitSet[] liveIn, int[] monitors) {
        this.instructions = instructions;
        this.frames = frames;
        this.liveIn = liveIn;
        this.monitors = monitors;
    }

    static MethodAnalysis of(String owner, MethodNode method, ClassHierarchy hierarchy) throws AnalyzerException {
        return of(owner, method, hierarchy, VISITS_PER_INSTRUCTION);
    }

    static MethodAnalysis of(String owner, MethodNode method, ClassHierarchy hierarchy, int visitsPerInstruction)
            throws AnalyzerException {
        int size = method.instructions.size();
        // Sets: the analyzer visits an edge again each time the frame at its source changes.
        List<BitSet> successors = new ArrayList<>(size);
        List<BitSet> normal = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            successors.add(new BitSet());
            normal.add(new BitSet());
        }
        long budget = (long) visitsPerInstruction * Math.max(size, 1);
        long[] visits = {0};
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
                visit(insn);
                successors.get(insn).set(successor);
                normal.get(insn).set(successor);
            }

            @Override
            protected boolean newControlFlowExceptionEdge(int insn, int successor) {
                visit(insn);
                successors.get(insn).set(successor);
                return true;
            }

            private void visit(int insn) {
                if (++visits[0] > budget) {
                    throw new TooHard(insn, "type analysis", size, visitsPerInstruction);
                }
            }
        };
        Frame<BasicValue>[] frames;
        try {
            frames = analyzer.analyze(owner, method);
        } catch (AnalyzerException e) {
            if (e.getCause() instanceof TooHard tooHard) {
                throw tooHard; // the analyzer wraps what its hooks throw
            }
            throw e;
        }
        List<int[]> normalEdges = normal.stream().map(b -> b.stream().toArray()).toList();
        List<int[]> allEdges =
                successors.stream().map(b -> b.stream().toArray()).toList();
        return new MethodAnalysis(
                method.instructions,
                frames,
                liveness(method.instructions, allEdges, visitsPerInstruction),
                MonitorDepth.of(method, normalEdges));
    }

    /** How many monitors the method holds before {@code insn}: 0 where none is held, or it cannot be reached. */
    int monitorsBefore(AbstractInsnNode insn) {
        return Math.max(monitors[instructions.indexOf(insn)], 0);
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
    private static BitSet[] liveness(InsnList instructions, List<int[]> successors, int visitsPerInstruction) {
        int size = instructions.size();
        BitSet[] liveIn = new BitSet[size];
        for (int i = 0; i < size; i++) {
            liveIn[i] = new BitSet();
        }
        boolean changed = true;
        // Each round that changes something adds a slot to some instruction's set: a bound, which
        // the round-robin order meets after a few rounds per loop nesting level in practice.
        long rounds = 0;
        long limit = Math.max(visitsPerInstruction, 1L + size);
        while (changed) {
            if (++rounds > limit) {
                throw new TooHard(0, "liveness analysis", size, visitsPerInstruction);
            }
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
