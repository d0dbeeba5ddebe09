package dev.generators.rewriter;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Where a body suspends: its reachable {@code Yield.value} and {@code Yield.all} calls, in code
 * order, with the analysis of the body as it is when they were found, which every pass that
 * reads a frame at a yield takes from here.
 */
record SuspensionPoints(List<MethodInsnNode> calls, MethodAnalysis analysis) {

    SuspensionPoints {
        calls = List.copyOf(calls);
    }

    /** @param analysis the analysis of {@code body} as it is now */
    static SuspensionPoints of(MethodNode body, MethodAnalysis analysis) {
        List<MethodInsnNode> suspending = new ArrayList<>();
        for (AbstractInsnNode insn : body.instructions) {
            YieldCall call = YieldCall.of(insn);
            if (call != null && call.suspends() && analysis.frame(insn) != null) {
                suspending.add((MethodInsnNode) insn);
            }
        }
        return new SuspensionPoints(suspending, analysis);
    }
}
