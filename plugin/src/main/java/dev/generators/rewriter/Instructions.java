package dev.generators.rewriter;

import org.objectweb.asm.tree.AbstractInsnNode;

/** Walks ASM's instruction lists past the nodes that are no instructions: labels, line numbers, frames. */
final class Instructions {

    private Instructions() {}

    /** The instruction after {@code insn}, or null at the end of the code. */
    static AbstractInsnNode nextReal(AbstractInsnNode insn) {
        AbstractInsnNode next = insn.getNext();
        while (next != null && next.getOpcode() < 0) {
            next = next.getNext();
        }
        return next;
    }
}
