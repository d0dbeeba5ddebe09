package dev.generators.rewriter;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

/** The calls of {@code dev.generators.Yield} that a body may contain, as javac emits them. */
enum YieldCall {
    VALUE("value", "(Ljava/lang/Object;)Ljava/lang/Object;"),
    ALL_ITERABLE("all", "(Ljava/lang/Iterable;)Ljava/lang/Object;"),
    ALL_ITERATOR("all", "(Ljava/util/Iterator;)Ljava/lang/Object;"),
    ALL_COROUTINE("all", "(Ldev/generators/Coroutine;)Ljava/lang/Object;"),
    DONE("done", "()Ljava/lang/Object;"),
    DONE_WITH_RESULT("done", "(Ljava/lang/Object;)Ljava/lang/Object;");

    final String name;
    final String descriptor;

    YieldCall(String name, String descriptor) {
        this.name = name;
        this.descriptor = descriptor;
    }

    /** Whether the body suspends at this call (and later resumes after it). */
    boolean suspends() {
        return this != DONE && this != DONE_WITH_RESULT;
    }

    /** Whether {@code insn} calls a method of {@code Yield}, known or not. */
    static boolean isYieldCall(AbstractInsnNode insn) {
        return insn.getOpcode() == Opcodes.INVOKESTATIC && RuntimeNames.YIELD.equals(((MethodInsnNode) insn).owner);
    }

    /** The call {@code insn} makes, or null if it is not one of these. */
    static YieldCall of(AbstractInsnNode insn) {
        if (!isYieldCall(insn)) {
            return null;
        }
        MethodInsnNode call = (MethodInsnNode) insn;
        for (YieldCall known : values()) {
            if (known.name.equals(call.name) && known.descriptor.equals(call.desc)) {
                return known;
            }
        }
        return null;
    }
}
