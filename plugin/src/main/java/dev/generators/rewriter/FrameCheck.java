package dev.generators.rewriter;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Checks a method's stack map frames as the JVM's type checker does, in one pass: the state at
 * an instruction with a frame is the frame's, every other instruction's is what the one before
 * it left, each instruction's operands must have the types it needs, and every jump, switch and
 * exception handler must reach a frame that accepts what arrives. ASM's {@code Analyzer} infers
 * its own frames instead, so it cannot see a frame that is too general (an {@code Object} where
 * the code goes on to use a {@code Base}): this can.
 *
 * <p>Classes it cannot find are assumed to fit, as {@link HierarchyVerifier} does; the rewriter
 * never writes a frame that needs one (see {@link ClassHierarchy#requireKnown}).
 */
final class FrameCheck {

    private final String owner;
    private final MethodNode method;
    private final HierarchyVerifier types;

    private FrameCheck(String owner, MethodNode method, HierarchyVerifier types) {
        this.owner = owner;
        this.method = method;
        this.types = types;
    }

    /**
     * @param method read with {@code ClassReader.EXPAND_FRAMES}
     * @return null if the frames hold, else what is wrong, naming the instruction
     */
    static String problem(String owner, MethodNode method, HierarchyVerifier types) {
        if (method.instructions.size() == 0) {
            return null;
        }
        try {
            new FrameCheck(owner, method, types).check();
            return null;
        } catch (AnalyzerException wrong) {
            int index = wrong.node == null ? -1 : method.instructions.indexOf(wrong.node);
            return "frame check at instruction " + index + ": " + wrong.getMessage();
        }
    }

    private void check() throws AnalyzerException {
        Frame<BasicValue> current = initial();
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof FrameNode frame) {
                Frame<BasicValue> declared = declared(frame);
                if (current != null) {
                    accept(frame, current, declared);
                }
                current = declared;
                continue;
            }
            if (insn.getOpcode() < 0) {
                continue;
            }
            if (current == null) {
                throw new AnalyzerException(insn, "no frame after an unconditional jump");
            }
            for (TryCatchBlockNode block : method.tryCatchBlocks) {
                if (covers(block, insn)) {
                    Frame<BasicValue> handler = frameAt(block.handler);
                    Frame<BasicValue> thrown = new Frame<>(current);
                    thrown.clearStack();
                    thrown.push(types.newValue(
                            Type.getObjectType(block.type == null ? "java/lang/Throwable" : block.type)));
                    accept(insn, thrown, handler);
                }
            }
            Frame<BasicValue> after = new Frame<>(current);
            after.execute(insn, types);
            if (insn instanceof JumpInsnNode jump) {
                accept(insn, after, frameAt(jump.label));
            } else if (insn instanceof TableSwitchInsnNode table) {
                accept(insn, after, frameAt(table.dflt));
                for (LabelNode label : table.labels) {
                    accept(insn, after, frameAt(label));
                }
            } else if (insn instanceof LookupSwitchInsnNode lookup) {
                accept(insn, after, frameAt(lookup.dflt));
                for (LabelNode label : lookup.labels) {
                    accept(insn, after, frameAt(label));
                }
            }
            current = endsFlow(insn.getOpcode()) ? null : after;
        }
    }

    private boolean covers(TryCatchBlockNode block, AbstractInsnNode insn) {
        int at = method.instructions.indexOf(insn);
        return method.instructions.indexOf(block.start) <= at && at < method.instructions.indexOf(block.end);
    }

    private static boolean endsFlow(int opcode) {
        return opcode == Opcodes.GOTO
                || opcode == Opcodes.ATHROW
                || opcode == Opcodes.TABLESWITCH
                || opcode == Opcodes.LOOKUPSWITCH
                || (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN);
    }

    /** The frame declared at {@code label}: the next frame node before any instruction. */
    private Frame<BasicValue> frameAt(LabelNode label) throws AnalyzerException {
        for (AbstractInsnNode node = label; node != null; node = node.getNext()) {
            if (node instanceof FrameNode frame) {
                return declared(frame);
            }
            if (node.getOpcode() >= 0) {
                break;
            }
        }
        throw new AnalyzerException(label, "a jump or handler target without a stack map frame");
    }

    private void accept(AbstractInsnNode at, Frame<BasicValue> arriving, Frame<BasicValue> declared)
            throws AnalyzerException {
        if (arriving.getStackSize() != declared.getStackSize()) {
            throw new AnalyzerException(
                    at,
                    "stack of " + arriving.getStackSize() + " values where the frame declares "
                            + declared.getStackSize());
        }
        for (int i = 0; i < declared.getLocals(); i++) {
            if (!fits(arriving.getLocal(i), declared.getLocal(i))) {
                throw new AnalyzerException(
                        at,
                        "local " + i + " is " + arriving.getLocal(i) + " where the frame declares "
                                + declared.getLocal(i));
            }
        }
        for (int i = 0; i < declared.getStackSize(); i++) {
            if (!fits(arriving.getStack(i), declared.getStack(i))) {
                throw new AnalyzerException(
                        at,
                        "stack " + i + " is " + arriving.getStack(i) + " where the frame declares "
                                + declared.getStack(i));
            }
        }
    }

    private boolean fits(BasicValue value, BasicValue declared) {
        if (declared == BasicValue.UNINITIALIZED_VALUE) {
            return true;
        }
        if (value == null) {
            return false;
        }
        if (HierarchyVerifier.isReference(declared.getType())) {
            return value.getType() != null
                    && HierarchyVerifier.isReference(value.getType())
                    && types.isSubTypeOf(value, declared);
        }
        return value.equals(declared);
    }

    private Frame<BasicValue> newFrame() {
        Frame<BasicValue> frame = new Frame<>(method.maxLocals, method.maxStack);
        frame.setReturn(types.newReturnTypeValue(Type.getReturnType(method.desc)));
        return frame;
    }

    private Frame<BasicValue> initial() {
        Frame<BasicValue> frame = newFrame();
        int slot = 0;
        if ((method.access & Opcodes.ACC_STATIC) == 0) {
            frame.setLocal(slot++, types.newValue(Type.getObjectType(owner)));
        }
        for (Type argument : Type.getArgumentTypes(method.desc)) {
            frame.setLocal(slot++, types.newValue(argument));
            if (argument.getSize() == 2) {
                frame.setLocal(slot++, BasicValue.UNINITIALIZED_VALUE);
            }
        }
        while (slot < method.maxLocals) {
            frame.setLocal(slot++, BasicValue.UNINITIALIZED_VALUE);
        }
        return frame;
    }

    private Frame<BasicValue> declared(FrameNode node) throws AnalyzerException {
        if (node.type != Opcodes.F_NEW) {
            throw new AnalyzerException(node, "the class must be read with EXPAND_FRAMES");
        }
        Frame<BasicValue> frame = newFrame();
        int slot = 0;
        for (Object local : node.local) {
            BasicValue value = value(local);
            if (slot >= method.maxLocals) {
                throw new AnalyzerException(node, "a frame with more locals than max_locals");
            }
            frame.setLocal(slot++, value);
            if (value.getSize() == 2) {
                frame.setLocal(slot++, BasicValue.UNINITIALIZED_VALUE);
            }
        }
        while (slot < method.maxLocals) {
            frame.setLocal(slot++, BasicValue.UNINITIALIZED_VALUE);
        }
        for (Object value : node.stack) {
            frame.push(value(value));
        }
        return frame;
    }

    private BasicValue value(Object declared) {
        if (declared instanceof String name) {
            return types.newValue(Type.getObjectType(name));
        }
        if (declared instanceof LabelNode label) {
            for (AbstractInsnNode node = label; node != null; node = node.getNext()) {
                if (node instanceof TypeInsnNode created && node.getOpcode() == Opcodes.NEW) {
                    return types.newValue(Type.getObjectType(created.desc));
                }
            }
            return BasicValue.REFERENCE_VALUE;
        }
        Integer kind = (Integer) declared;
        return switch (kind) {
            case 1 -> BasicValue.INT_VALUE; // Opcodes.INTEGER
            case 2 -> BasicValue.FLOAT_VALUE;
            case 3 -> BasicValue.DOUBLE_VALUE;
            case 4 -> BasicValue.LONG_VALUE;
            case 5 -> new BasicValue(BasicInterpreter.NULL_TYPE);
            case 6 -> types.newValue(Type.getObjectType(owner)); // UNINITIALIZED_THIS
            default -> BasicValue.UNINITIALIZED_VALUE; // TOP
        };
    }
}
