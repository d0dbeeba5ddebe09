package dev.generators.rewriter;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;

/**
 * A frame that also knows what ASM's does not: that a constructor call initializes every copy
 * of the new object.
 */
final class TypedFrame extends Frame<BasicValue> {

    TypedFrame(int locals, int stack) {
        super(locals, stack);
    }

    TypedFrame(Frame<? extends BasicValue> frame) {
        super(frame);
    }

    @Override
    public void execute(AbstractInsnNode insn, Interpreter<BasicValue> interpreter) throws AnalyzerException {
        BasicValue created = null;
        if (insn.getOpcode() == Opcodes.INVOKESPECIAL && "<init>".equals(((MethodInsnNode) insn).name)) {
            int arguments = Type.getArgumentTypes(((MethodInsnNode) insn).desc).length;
            created = getStack(getStackSize() - arguments - 1);
        }
        super.execute(insn, interpreter);
        if (created instanceof TypeInterpreter.Uninitialized) {
            BasicValue initialized = interpreter.newValue(created.getType());
            for (int i = 0; i < getLocals(); i++) {
                if (getLocal(i) == created) {
                    setLocal(i, initialized);
                }
            }
            for (int i = 0; i < getStackSize(); i++) {
                if (getStack(i) == created) {
                    setStack(i, initialized);
                }
            }
        }
    }
}
