package dev.generators.rewriter;

import static org.objectweb.asm.Opcodes.*;

import java.util.List;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Emits the generator class: the {@code StateMachine} subclass that holds one generator's frame,
 * named {@code Owner$method$Generator}:
 *
 * <pre>
 * final class Fib$fibonacci$Generator extends dev.generators.StateMachine implements Iterable {
 *   int count;                  // the arguments, then the locals live across a yield
 *   long a; long b; int i;
 *   Fib$fibonacci$Generator(int count)
 *   protected final Object resume()       { return Fib.fibonacci-body(count, this); }
 *   public final boolean hasNext()        { return super.hasNext(); }  // a compiled copy per class
 *   public final Object next()            { return super.next(); }
 *                                         // for a straight line of pure yields (PureYields), 3 of them:
 *                                         // { return hasNextPure(3); }, { return nextPure(3); }
 *   protected final StateMachine restart() { return new Fib$fibonacci$Generator(count); }  // Iterable only
 *   protected final Object valueYielded(Object r) { return Long.valueOf(a); }  // see UnboxedYields, FrameLayout.yieldsSavedLocal
 *   protected final boolean delegates() { return false; }  // a body without Yield.all
 * }
 * </pre>
 *
 * The state the body dispatches on, {@code StateMachine.state}, is inherited. {@code resume()}
 * passes the body its arguments from their fields on every call, an argument the frame does not
 * keep as 0 or null ({@link ResumeMethodBuilder}).
 */
final class GeneratorClassBuilder {

    private GeneratorClassBuilder() {}

    /**
     * @param resume the resume method, which the generator class's {@code resume()} calls
     */
    static ClassNode build(
            ClassNode owner,
            String generatorClass,
            GeneratorKind kind,
            FrameLayout layout,
            PureYields pure,
            MethodNode resume) {
        ClassNode generator = new ClassNode();
        generator.version = owner.version;
        generator.access = ACC_FINAL | ACC_SUPER;
        generator.name = generatorClass;
        generator.superName = RuntimeNames.STATE_MACHINE;
        generator.interfaces = kind == GeneratorKind.ITERABLE ? List.of("java/lang/Iterable") : List.of();
        generator.sourceFile = owner.sourceFile;
        for (FrameLayout.Field field : layout.fields()) {
            generator.fields.add(new FieldNode(0, field.name(), field.descriptor(), null, null));
        }
        generator.methods.add(constructor(generatorClass, layout));
        generator.methods.add(resume(owner, generatorClass, layout, resume));
        if (pure.pure()) {
            generator.methods.add(callingPure(
                    RuntimeNames.HAS_NEXT,
                    RuntimeNames.HAS_NEXT_DESC,
                    RuntimeNames.HAS_NEXT_PURE,
                    RuntimeNames.HAS_NEXT_PURE_DESC,
                    pure,
                    IRETURN));
            generator.methods.add(callingPure(
                    RuntimeNames.NEXT,
                    RuntimeNames.NEXT_DESC,
                    RuntimeNames.NEXT_PURE,
                    RuntimeNames.NEXT_PURE_DESC,
                    pure,
                    ARETURN));
        } else {
            generator.methods.add(callingSuper(RuntimeNames.HAS_NEXT, RuntimeNames.HAS_NEXT_DESC, IRETURN));
            generator.methods.add(callingSuper(RuntimeNames.NEXT, RuntimeNames.NEXT_DESC, ARETURN));
        }
        if (kind == GeneratorKind.ITERABLE) {
            generator.methods.add(restart(generatorClass, layout));
        }
        if (layout.yielded != null) {
            generator.methods.add(valueYielded(generatorClass, layout));
        }
        if (!layout.delegates) {
            generator.methods.add(delegatesNot());
        }
        return generator;
    }

    /** The descriptor of the constructor, which takes the arguments of the call. */
    static String constructorDescriptor(FrameLayout layout) {
        StringBuilder descriptor = new StringBuilder("(");
        layout.arguments.forEach(argument -> descriptor.append(argument.field().descriptor()));
        return descriptor.append(")V").toString();
    }

    private static MethodNode constructor(String generatorClass, FrameLayout layout) {
        MethodNode init = new MethodNode(ACC_SYNTHETIC, "<init>", constructorDescriptor(layout), null, null);
        InsnList code = init.instructions;
        code.add(new VarInsnNode(ALOAD, 0));
        code.add(new MethodInsnNode(INVOKESPECIAL, RuntimeNames.STATE_MACHINE, "<init>", "()V", false));
        int slot = 1;
        for (FrameLayout.Argument argument : layout.arguments) {
            Type type = argument.field().type();
            code.add(new VarInsnNode(ALOAD, 0));
            code.add(new VarInsnNode(type.getOpcode(ILOAD), slot));
            code.add(new FieldInsnNode(
                    PUTFIELD,
                    generatorClass,
                    argument.field().name(),
                    argument.field().descriptor()));
            slot += type.getSize();
        }
        code.add(new InsnNode(RETURN));
        return init;
    }

    private static MethodNode resume(ClassNode owner, String generatorClass, FrameLayout layout, MethodNode body) {
        // Synthetic, so that debuggers step through it and coverage tools leave it out; its line is
        // the body's first, so that one stepping out of the body without filters still stops at a
        // line of the user's file.
        MethodNode resume = new MethodNode(
                ACC_PROTECTED | ACC_FINAL | ACC_SYNTHETIC, RuntimeNames.RESUME, RuntimeNames.RESUME_DESC, null, null);
        InsnList code = resume.instructions;
        int line = ClassPlace.firstLine(body);
        if (line > 0) {
            LabelNode start = new LabelNode();
            code.add(start);
            code.add(new LineNumberNode(line, start));
        }
        Type[] parameters = Type.getArgumentTypes(body.desc);
        int slot = 0;
        for (int i = 0; i < parameters.length - 1; i++) {
            int argumentSlot = slot;
            FrameLayout.Field field = layout.arguments.stream()
                    .filter(argument -> argument.slot() == argumentSlot)
                    .map(FrameLayout.Argument::field)
                    .findFirst()
                    .orElse(null);
            if (field != null) {
                code.add(new VarInsnNode(ALOAD, 0));
                code.add(new FieldInsnNode(GETFIELD, generatorClass, field.name(), field.descriptor()));
            } else {
                code.add(new InsnNode(zero(parameters[i])));
            }
            slot += parameters[i].getSize();
        }
        code.add(new VarInsnNode(ALOAD, 0));
        code.add(new MethodInsnNode(
                INVOKESTATIC, owner.name, body.name, body.desc, (owner.access & ACC_INTERFACE) != 0));
        code.add(new InsnNode(ARETURN));
        return resume;
    }

    /** The instruction that pushes the default value of {@code type}: what an argument the frame does not keep is passed as. */
    private static int zero(Type type) {
        return switch (type.getSort()) {
            case Type.LONG -> LCONST_0;
            case Type.FLOAT -> FCONST_0;
            case Type.DOUBLE -> DCONST_0;
            case Type.OBJECT, Type.ARRAY -> ACONST_NULL;
            default -> ICONST_0;
        };
    }

    /**
     * {@code protected final Object valueYielded(Object returned) { return Integer.valueOf(yielded$); }}
     * (see {@link UnboxedYields}), or of the field of the local every yield yields
     * ({@link FrameLayout#yieldsSavedLocal}): {@code Integer.valueOf(i)}.
     */
    private static MethodNode valueYielded(String generatorClass, FrameLayout layout) {
        MethodNode method = new MethodNode(
                ACC_PROTECTED | ACC_FINAL | ACC_SYNTHETIC,
                RuntimeNames.VALUE_YIELDED,
                RuntimeNames.VALUE_YIELDED_DESC,
                null,
                null);
        InsnList code = method.instructions;
        code.add(new VarInsnNode(ALOAD, 0));
        code.add(new FieldInsnNode(GETFIELD, generatorClass, layout.yielded.name(), layout.yielded.descriptor()));
        code.add(new MethodInsnNode(
                INVOKESTATIC, layout.boxing.box(), "valueOf", layout.boxing.valueOfDescriptor(), false));
        code.add(new InsnNode(ARETURN));
        return method;
    }

    /**
     * {@code protected final boolean delegates() { return false; }}: a constant C2 folds where it
     * inlines {@code StateMachine.step} into a consumer's loop, leaving out the delegation paths
     * (see there).
     */
    private static MethodNode delegatesNot() {
        MethodNode method = new MethodNode(
                ACC_PROTECTED | ACC_FINAL | ACC_SYNTHETIC,
                RuntimeNames.DELEGATES,
                RuntimeNames.DELEGATES_DESC,
                null,
                null);
        method.instructions.add(new InsnNode(ICONST_0));
        method.instructions.add(new InsnNode(IRETURN));
        return method;
    }

    /**
     * {@code public final boolean hasNext() { return super.hasNext(); }}, and {@code next()} the
     * same: a compiled copy of the protocol per generator class, in which C2 knows the exact class
     * of {@code this}, so that a shared loop whose call is megamorphic still gets the body inlined
     * behind it (see {@code StateMachine.hasNext}).
     */
    private static MethodNode callingSuper(String name, String descriptor, int returnOpcode) {
        MethodNode method = new MethodNode(ACC_PUBLIC | ACC_FINAL | ACC_SYNTHETIC, name, descriptor, null, null);
        method.instructions.add(new VarInsnNode(ALOAD, 0));
        method.instructions.add(new MethodInsnNode(INVOKESPECIAL, RuntimeNames.STATE_MACHINE, name, descriptor, false));
        method.instructions.add(new InsnNode(returnOpcode));
        return method;
    }

    /**
     * {@code public final boolean hasNext() { return hasNextPure(3); }}, and {@code next()} with
     * {@code nextPure(3)}: for a body that is a straight line of 3 pure yields ({@link PureYields}),
     * whose values the runtime computes as {@code next()} takes them.
     */
    private static MethodNode callingPure(
            String name, String descriptor, String pureName, String pureDescriptor, PureYields pure, int returnOpcode) {
        MethodNode method = new MethodNode(ACC_PUBLIC | ACC_FINAL | ACC_SYNTHETIC, name, descriptor, null, null);
        method.instructions.add(new VarInsnNode(ALOAD, 0));
        method.instructions.add(Instructions.intConstant(pure.yields()));
        method.instructions.add(
                new MethodInsnNode(INVOKEVIRTUAL, RuntimeNames.STATE_MACHINE, pureName, pureDescriptor, false));
        method.instructions.add(new InsnNode(returnOpcode));
        return method;
    }

    private static MethodNode restart(String generatorClass, FrameLayout layout) {
        MethodNode restart = new MethodNode(
                ACC_PROTECTED | ACC_FINAL | ACC_SYNTHETIC, RuntimeNames.RESTART, RuntimeNames.RESTART_DESC, null, null);
        InsnList code = restart.instructions;
        code.add(new TypeInsnNode(NEW, generatorClass));
        code.add(new InsnNode(DUP));
        for (FrameLayout.Argument argument : layout.arguments) {
            code.add(new VarInsnNode(ALOAD, 0));
            code.add(new FieldInsnNode(
                    GETFIELD,
                    generatorClass,
                    argument.field().name(),
                    argument.field().descriptor()));
        }
        code.add(new MethodInsnNode(INVOKESPECIAL, generatorClass, "<init>", constructorDescriptor(layout), false));
        code.add(new InsnNode(ARETURN));
        return restart;
    }
}
