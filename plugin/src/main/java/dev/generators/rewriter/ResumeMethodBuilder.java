package dev.generators.rewriter;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Turns the body of a {@code @Generator} method into its resume method: a static method of the
 * owner, named after it, taking the method's arguments (the receiver first, typed as the owner),
 * in the slots javac gave them, then the generator object, and returning what it yields (or, with
 * the generator's {@code state} at -1, its result): {@code static Object fibonacci-body(int count,
 * Fib$fibonacci$Generator g)}. The generator class passes the arguments' fields on every call, so
 * the arguments are in their slots from the first instruction, where a debugger entering the
 * method stops, and show there by their names.
 *
 * <pre>
 * entry:      ALOAD the generator parameter; ASTORE g (a slot the body does not use: javac's
 *             locals reuse the parameter's); ALOAD g; GETFIELD state; TABLESWITCH 0: start, 1: resume1 ...
 * start:      clear the reference fields of the arguments no yield restores; the original code follows
 * a yield:    ...value; ASTORE t; save stack and live locals to fields; clear dead references;
 *             state = k; ALOAD t; ARETURN
 *             (where every yield boxes one primitive type, {@link UnboxedYields}: the primitive
 *             goes to the field yielded$ instead of being boxed, and the yield returns null;
 *             where each yields a local it saves, {@link FrameLayout#yieldsSavedLocal}, the
 *             load and the boxing are left out, and the local's field holds the value)
 *   resumed k:  ALOAD g; INVOKEVIRTUAL received   (the yield's value, or the exception raised at it)
 * Yield.all:  as a yield, but returning g.yieldAll(source), which drains the source first
 *             (g.yieldAllLast(source) where it is the body's last act, {@link LastDelegations})
 * Yield.done: stands for its argument, and each ARETURN becomes ALOAD g; ICONST_M1; PUTFIELD state; ARETURN
 * before the start: resume k: restore locals (not an argument the body never assigns: the call passes it) and stack
 *             from fields; GOTO resumed k
 * </pre>
 *
 * The code that restores a frame stands between the dispatch and the method's own code, outside
 * every try block, and jumps forward into place; the {@code received} call there is inside the
 * same try blocks as the yield was, so an exception raised at the yield reaches the body's own
 * handlers. Forward, because C2 puts a safepoint poll at every backward jump: with the restore
 * code after the body, every resume crossed one more, and JDK 17 did not unroll the consumer's
 * loop over {@code range} (0.56 ns per element at N = 1,000; 0.28 with the jump forward).
 *
 * <p>The dispatch and the restore code carry no line: they stand before the body's first line
 * number entry, so a coverage tool counts none of their instructions on a line of the user's
 * (and the switch's default, javac's shape for an exhaustive switch, as no branch), while a
 * debugger, which counts code before the first entry as part of the first line, stops there on
 * entering the method. Nothing on the user's lines branches: a raised exception is thrown by the
 * {@code received} call, not tested for.
 */
final class ResumeMethodBuilder {

    private static final String BODY_SUFFIX = "-body";
    /** The name of the receiver's local variable entry in the resume method: see {@link #localVariables}. */
    private static final String RECEIVER = "$this";

    private final String generatorClass;
    private final MethodNode body;
    private final FrameLayout layout;
    private final UnboxedYields unboxedYields;
    private final LastDelegations lastDelegations;
    private final int generatorParameter;
    private final int frameSlot;
    private final int valueSlot;

    private ResumeMethodBuilder(
            String generatorClass,
            GeneratorBody body,
            FrameLayout layout,
            UnboxedYields unboxed,
            LastDelegations lastDelegations) {
        this.generatorClass = generatorClass;
        this.body = body.code();
        this.layout = layout;
        this.unboxedYields = unboxed;
        this.lastDelegations = lastDelegations;
        this.generatorParameter = GeneratorBody.argumentSlots(body.code());
        this.frameSlot = body.frameSlot();
        this.valueSlot = body.valueSlot();
    }

    /**
     * The resume method, made of the body's code, which it takes: the code is rewritten in place.
     *
     * @param owner the class the method belongs to; the resume method is public in an interface
     * @param layout the frame, laid out for this code as it is
     * @param unboxed where the body boxes what it yields, left out when the layout keeps it unboxed
     * @param lastDelegations the {@code Yield.all} calls that become {@code yieldAllLast}
     */
    static MethodNode build(
            ClassNode owner,
            String generatorClass,
            GeneratorBody body,
            FrameLayout layout,
            UnboxedYields unboxed,
            LastDelegations lastDelegations) {
        MethodNode code = body.code();
        LabelNode entry = new LabelNode();
        new ResumeMethodBuilder(generatorClass, body, layout, unboxed, lastDelegations).rewriteCode(entry);
        // Not synthetic, so that coverage tools count it and debuggers that skip synthetic methods
        // stop in it; named so that no Java source can name it (see bodyName).
        MethodNode resume = new MethodNode(
                ASM9,
                ACC_STATIC | ((owner.access & ACC_INTERFACE) != 0 ? ACC_PUBLIC : 0),
                bodyName(code.name),
                descriptor(owner.name, code, generatorClass),
                null,
                null);
        resume.instructions = code.instructions;
        resume.tryCatchBlocks = code.tryCatchBlocks;
        resume.localVariables = localVariables(code, body, layout, entry);
        resume.visibleLocalVariableAnnotations = code.visibleLocalVariableAnnotations;
        resume.invisibleLocalVariableAnnotations = code.invisibleLocalVariableAnnotations;
        resume.maxLocals = code.maxLocals;
        resume.maxStack = code.maxStack;
        return resume;
    }

    /**
     * The name of the method that holds the body of {@code method}: {@code fibonacci-body}. A
     * stack trace reads {@code at example.Fib.fibonacci-body(Fib.java:12)}; the {@code -} makes
     * it a name the JVM takes but no Java source can call, so javac, compiling other classes
     * against the rewritten one, never takes it for an overload of the method, and IDEs offer it
     * nowhere (the reason Kotlin mangles names with {@code -}). That holds for every class file
     * version, where making it private would need nestmates (Java 11) for the generator class to call it.
     */
    static String bodyName(String method) {
        return method + BODY_SUFFIX;
    }

    /**
     * The descriptor of the resume method of {@code code}: its arguments, the receiver first, then
     * the generator object; it returns {@code Object}.
     */
    private static String descriptor(String owner, MethodNode code, String generatorClass) {
        List<Type> parameters = new ArrayList<>();
        if ((code.access & ACC_STATIC) == 0) {
            parameters.add(Type.getObjectType(owner));
        }
        parameters.addAll(List.of(Type.getArgumentTypes(code.desc)));
        parameters.add(Type.getObjectType(generatorClass));
        return Type.getMethodDescriptor(Type.getType(Object.class), parameters.toArray(Type[]::new));
    }

    /**
     * The body's local variable entries, those of the parameters from the method's {@code entry}
     * on, where they are in their slots already; without the entries of the arguments the body
     * never reads, which the frame does not keep and the call passes as 0 or null, so that a
     * debugger never shows a value that is not theirs. The receiver, a parameter of the static
     * method, is {@code $this}: debuggers hide a local named {@code this} (JDI leaves out every
     * entry named {@code this} or {@code this$...}), and Kotlin names a receiver passed to a
     * static method so.
     */
    private static List<LocalVariableNode> localVariables(
            MethodNode code, GeneratorBody body, FrameLayout layout, LabelNode entry) {
        if (code.localVariables == null) {
            return null;
        }
        int slots = GeneratorBody.argumentSlots(code);
        boolean hasReceiver = (code.access & ACC_STATIC) == 0;
        List<LocalVariableNode> kept = new ArrayList<>();
        for (LocalVariableNode variable : code.localVariables) {
            boolean parameter = variable.index < slots;
            if (parameter && layout.arguments.stream().noneMatch(argument -> argument.slot() == variable.index)) {
                continue;
            }
            if (body.parameterEntries().contains(variable)) {
                String name = hasReceiver && variable.index == 0 ? RECEIVER : variable.name;
                kept.add(new LocalVariableNode(
                        name, variable.desc, variable.signature, entry, variable.end, variable.index));
            } else {
                kept.add(variable);
            }
        }
        return kept;
    }

    private void rewriteCode(LabelNode entry) {
        InsnList code = body.instructions;
        for (AbstractInsnNode insn : code.toArray()) {
            if (insn instanceof FrameNode) {
                code.remove(insn);
            }
        }
        List<InsnList> restores = new ArrayList<>();
        List<LabelNode> resumeLabels = new ArrayList<>();
        for (AbstractInsnNode insn : code.toArray()) {
            if (insn.getOpcode() == ARETURN) {
                finish(code, insn);
                continue;
            }
            YieldCall call = YieldCall.of(insn);
            if (call == null) {
                continue;
            }
            FrameLayout.Suspension suspension = layout.suspensions.get(insn);
            if (!call.suspends()) {
                done(code, insn, call);
            } else if (suspension != null) {
                LabelNode restore = new LabelNode();
                resumeLabels.add(restore);
                restores.add(suspend(code, (MethodInsnNode) insn, call, suspension, restore));
            }
        }
        code.insert(dispatch(entry, resumeLabels, restores));
    }

    /**
     * {@code Yield.done(r)} stands for its argument, without the cast javac puts after the call;
     * the {@code ARETURN} that returns it, after any {@code finally} block, records it.
     */
    private void done(InsnList code, AbstractInsnNode call, YieldCall kind) {
        AbstractInsnNode next = Instructions.nextReal(call);
        if (next != null && next.getOpcode() == CHECKCAST) {
            code.remove(next);
        }
        if (kind == YieldCall.DONE) {
            code.insert(call, new InsnNode(ACONST_NULL));
        }
        code.remove(call);
    }

    /** {@code return r}: state -1 says the body has finished, and what it returns is the result. */
    private void finish(InsnList code, AbstractInsnNode areturn) {
        InsnList finish = new InsnList();
        finish.add(new VarInsnNode(ALOAD, frameSlot));
        finish.add(new InsnNode(ICONST_M1));
        finish.add(putField(layout.state));
        code.insertBefore(areturn, finish);
    }

    /** Replaces a yield by saving the frame and returning; returns the out-of-line code that restores it. */
    private InsnList suspend(
            InsnList code, MethodInsnNode call, YieldCall kind, FrameLayout.Suspension suspension, LabelNode restore) {
        InsnList out = new InsnList();
        boolean unboxed = kind == YieldCall.VALUE && layout.yielded != null;
        if (unboxed && layout.yieldsSavedLocal) {
            // The local loaded is saved below, into the field the generator class boxes when the
            // value is taken: neither the load nor javac's boxing is needed.
            code.remove(unboxedYields.loads().get(call));
            code.remove(unboxedYields.boxingCalls().get(call));
        } else if (unboxed) {
            // The primitive javac was about to box goes to its field; the generator class boxes it when taken.
            code.remove(unboxedYields.boxingCalls().get(call));
            spill(out, layout.yielded);
        } else {
            out.add(new VarInsnNode(ASTORE, valueSlot));
        }
        List<FrameLayout.Spill> stack = suspension.stack();
        for (int i = stack.size() - 1; i >= 0; i--) {
            FrameLayout.Field field = stack.get(i).field();
            if (field == null) {
                out.add(new InsnNode(POP));
            } else {
                spill(out, field);
            }
        }
        for (FrameLayout.Spill local : suspension.locals()) {
            if (local.save() && local.field() != null) {
                out.add(new VarInsnNode(ALOAD, frameSlot));
                out.add(new VarInsnNode(local.field().type().getOpcode(ILOAD), local.slot()));
                out.add(putField(local.field()));
            }
        }
        for (FrameLayout.Field field : suspension.cleared()) {
            out.add(new VarInsnNode(ALOAD, frameSlot));
            out.add(new InsnNode(ACONST_NULL));
            out.add(putField(field));
        }
        out.add(new VarInsnNode(ALOAD, frameSlot));
        out.add(Instructions.intConstant(suspension.state()));
        out.add(putField(layout.state));
        if (unboxed) {
            out.add(new InsnNode(ACONST_NULL));
        } else if (kind == YieldCall.VALUE) {
            out.add(new VarInsnNode(ALOAD, valueSlot));
        } else {
            out.add(new VarInsnNode(ALOAD, frameSlot));
            out.add(new VarInsnNode(ALOAD, valueSlot));
            out.add(new MethodInsnNode(
                    INVOKEVIRTUAL,
                    RuntimeNames.STATE_MACHINE,
                    lastDelegations.isLast(call) ? RuntimeNames.YIELD_ALL_LAST : RuntimeNames.YIELD_ALL,
                    kind == YieldCall.ALL_ITERABLE
                            ? RuntimeNames.YIELD_ALL_ITERABLE_DESC
                            : RuntimeNames.YIELD_ALL_ITERATOR_DESC,
                    false));
        }
        out.add(new InsnNode(ARETURN));
        LabelNode resumed = new LabelNode();
        out.add(resumed);
        int line = ClassPlace.lineOf(call);
        if (line > 0) {
            // Resumed, the body is back on the yield's line: where a debugger stops and a raised exception points.
            out.add(new LineNumberNode(line, resumed));
        }
        out.add(new VarInsnNode(ALOAD, frameSlot));
        out.add(new MethodInsnNode(
                INVOKEVIRTUAL, RuntimeNames.STATE_MACHINE, RuntimeNames.RECEIVED, RuntimeNames.RECEIVED_DESC, false));
        code.insert(call, out);
        code.remove(call);

        InsnList back = new InsnList();
        back.add(restore);
        for (FrameLayout.Spill local : suspension.locals()) {
            if (!local.save()) {
                // An argument the body never assigns: the call passed it from its field, into its slot.
                continue;
            }
            load(back, local);
            back.add(new VarInsnNode(
                    local.field() == null ? ASTORE : local.field().type().getOpcode(ISTORE), local.slot()));
        }
        for (FrameLayout.Spill value : stack) {
            load(back, value);
        }
        for (FrameLayout.Spill value : stack) {
            if (value.field() != null && value.field().isReference()) {
                back.add(new VarInsnNode(ALOAD, frameSlot));
                back.add(new InsnNode(ACONST_NULL));
                back.add(putField(value.field()));
            }
        }
        back.add(new JumpInsnNode(GOTO, resumed));
        return back;
    }

    /**
     * Takes the generator object into its slot, and jumps to the start or to the code that
     * restores the frame of the yield it stopped at.
     */
    private InsnList dispatch(LabelNode entry, List<LabelNode> resumeLabels, List<InsnList> restores) {
        InsnList out = new InsnList();
        out.add(entry);
        LabelNode start = new LabelNode();
        LabelNode corrupt = new LabelNode();
        LabelNode[] targets = new LabelNode[resumeLabels.size() + 1];
        targets[0] = start;
        for (int i = 0; i < resumeLabels.size(); i++) {
            targets[i + 1] = resumeLabels.get(i);
        }
        if (generatorParameter != frameSlot) {
            out.add(new VarInsnNode(ALOAD, generatorParameter));
            out.add(new VarInsnNode(ASTORE, frameSlot));
        }
        out.add(new VarInsnNode(ALOAD, frameSlot));
        out.add(getField(layout.state));
        out.add(new TableSwitchInsnNode(0, resumeLabels.size(), corrupt, targets));
        // javac's default of a switch that covers every case: coverage tools (JaCoCo's
        // ExhaustiveSwitchFilter) count no branch to it.
        out.add(corrupt);
        out.add(new TypeInsnNode(NEW, "java/lang/IncompatibleClassChangeError"));
        out.add(new InsnNode(DUP));
        out.add(new MethodInsnNode(INVOKESPECIAL, "java/lang/IncompatibleClassChangeError", "<init>", "()V", false));
        out.add(new InsnNode(ATHROW));
        for (InsnList restore : restores) {
            out.add(restore);
        }
        out.add(start);
        for (FrameLayout.Field field : layout.clearedAtStart) {
            out.add(new VarInsnNode(ALOAD, frameSlot));
            out.add(new InsnNode(ACONST_NULL));
            out.add(putField(field));
        }
        return out;
    }

    /** Pushes the spilled value back: from its field, cast where it was kept as an Object, or null. */
    private void load(InsnList out, FrameLayout.Spill spill) {
        if (spill.field() == null) {
            out.add(new InsnNode(ACONST_NULL));
            return;
        }
        out.add(new VarInsnNode(ALOAD, frameSlot));
        out.add(getField(spill.field()));
        if (spill.cast() != null) {
            out.add(new TypeInsnNode(CHECKCAST, spill.cast()));
        }
    }

    /** Moves the value on top of the stack into {@code field} of the generator object. */
    private void spill(InsnList out, FrameLayout.Field field) {
        out.add(new VarInsnNode(ALOAD, frameSlot));
        if (field.type().getSize() == 1) {
            out.add(new InsnNode(SWAP));
        } else {
            out.add(new InsnNode(DUP_X2));
            out.add(new InsnNode(POP));
        }
        out.add(putField(field));
    }

    private FieldInsnNode putField(FrameLayout.Field field) {
        return new FieldInsnNode(PUTFIELD, generatorClass, field.name(), field.descriptor());
    }

    private FieldInsnNode getField(FrameLayout.Field field) {
        return new FieldInsnNode(GETFIELD, generatorClass, field.name(), field.descriptor());
    }
}
