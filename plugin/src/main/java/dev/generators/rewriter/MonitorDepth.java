package dev.generators.rewriter;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * How many monitors a method holds before each instruction: a forward data flow over the normal
 * edges the {@link org.objectweb.asm.tree.analysis.Analyzer} found and over exception edges as
 * the JVM takes them.
 *
 * <p>An exception goes to the first handler, in table order, that covers the instruction and
 * catches it; a handler that catches everything (javac's and ECJ's {@code any}, or
 * {@code Throwable}) ends the search. That is what keeps a {@code synchronized} block inside a
 * {@code try} right:
 *
 * <pre>
 *   try {                       monitorenter          depth 0 → 1
 *     synchronized (lock) {     count++               1; covered by [any → H] and [RuntimeException → C]
 *       count++;                monitorexit           1 → 0; covered by [any → H], which comes first
 *     }                     H:  astore; monitorexit   1 → 0 (javac covers H by [any → H] itself: a cycle)
 *   } catch (RuntimeException e) {}  athrow           0; covered by [RuntimeException → C]
 *   Yield.value(s);         C:  ...                   0
 * </pre>
 *
 * ASM's analyzer adds an edge to every covering handler, so a depth carried along it would reach
 * {@code C} as 1 (a false refusal of the yield after it) and, in a loop, grow without end. An
 * exception edge carries the depth before its instruction, except from a {@code monitorexit},
 * which has released its monitor (or never held it) when it throws: ECJ's handler, unlike
 * javac's, is not covered by itself, so its {@code monitorexit} may throw to an enclosing
 * {@code catch}. Where paths meet with different depths, the larger is kept, at most the number
 * of {@code monitorenter}s in the method, so the flow always ends.
 */
final class MonitorDepth {

    private MonitorDepth() {}

    /**
     * @param successors the normal (not exceptional) successors of each instruction, by index
     * @return the depth before each instruction, by index; -1 where none reaches it
     */
    static int[] of(MethodNode method, List<int[]> successors) {
        InsnList instructions = method.instructions;
        int size = instructions.size();
        int[] depth = new int[size];
        Arrays.fill(depth, -1);
        if (size == 0) {
            return depth;
        }
        int enters = 0;
        for (AbstractInsnNode insn : instructions) {
            if (insn.getOpcode() == Opcodes.MONITORENTER) {
                enters++;
            }
        }
        int[][] handlers = handlers(method);
        Deque<Integer> pending = new ArrayDeque<>();
        depth[0] = 0;
        pending.push(0);
        while (!pending.isEmpty()) {
            int i = pending.pop();
            int before = depth[i];
            int opcode = instructions.get(i).getOpcode();
            int after = opcode == Opcodes.MONITORENTER
                    ? Math.min(before + 1, enters)
                    : opcode == Opcodes.MONITOREXIT ? Math.max(before - 1, 0) : before;
            for (int successor : successors.get(i)) {
                if (after > depth[successor]) {
                    depth[successor] = after;
                    pending.push(successor);
                }
            }
            // A monitorexit that throws has released its monitor, or never held it.
            int thrown = opcode == Opcodes.MONITOREXIT ? after : before;
            for (int handler : handlers[i]) {
                if (thrown > depth[handler]) {
                    depth[handler] = thrown;
                    pending.push(handler);
                }
            }
        }
        return depth;
    }

    /** The handlers an exception thrown at each instruction can reach, by instruction index. */
    private static int[][] handlers(MethodNode method) {
        InsnList instructions = method.instructions;
        int size = instructions.size();
        int[][] handlers = new int[size][];
        boolean[] caughtAll = new boolean[size];
        Arrays.fill(handlers, new int[0]);
        for (TryCatchBlockNode block : method.tryCatchBlocks) {
            int handler = instructions.indexOf(block.handler);
            boolean all = block.type == null || "java/lang/Throwable".equals(block.type);
            for (int i = instructions.indexOf(block.start); i < instructions.indexOf(block.end); i++) {
                if (!caughtAll[i]) {
                    handlers[i] = Arrays.copyOf(handlers[i], handlers[i].length + 1);
                    handlers[i][handlers[i].length - 1] = handler;
                    caughtAll[i] = all;
                }
            }
        }
        return handlers;
    }
}
