package dev.generators.rewriter;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.Label;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/** Small generator methods built with ASM's tree API, as javac would compile them, for the passes' tests. */
final class Samples {

    static final String OWNER = "p/Echo";
    private static final String YIELD = "dev/generators/Yield";
    private static final String OBJECT_TO_OBJECT = "(Ljava/lang/Object;)Ljava/lang/Object;";

    /** {@link #echo()} as {@link Bytecode#listing(MethodNode)} prints it. */
    static final String ECHO_LISTING = """
            L0
            LINENUMBER 10 L0
            ALOAD 0
            INVOKESTATIC dev/generators/Yield.value (Ljava/lang/Object;)Ljava/lang/Object;
            ASTORE 1
            L1
            LINENUMBER 11 L1
            ALOAD 1
            INVOKESTATIC dev/generators/Yield.value (Ljava/lang/Object;)Ljava/lang/Object;
            POP
            L2
            LINENUMBER 12 L2
            INVOKESTATIC dev/generators/Yield.done ()Ljava/lang/Object;
            CHECKCAST java/util/Iterator
            ARETURN
            L3
            LOCALVARIABLE a Ljava/lang/Object; L0 L3 0
            LOCALVARIABLE b Ljava/lang/Object; L1 L3 1
            MAXSTACK = 1
            MAXLOCALS = 2""";

    private Samples() {}

    /**
     * A sample taken through the passes up to the frame layout, as {@link GeneratorMethodRewriter}
     * takes it: what the passes after need.
     */
    record Prepared(
            ClassNode owner,
            MethodNode declaration,
            GeneratorBody body,
            SuspensionPoints points,
            UnboxedYields unboxed,
            PureYields pure,
            LastDelegations last,
            FrameLayout layout,
            GeneratorKind kind,
            String generatorClass) {}

    static Prepared prepare(MethodNode method, ClassHierarchy hierarchy) throws AnalyzerException {
        ClassNode owner = owner();
        owner.methods.add(method);
        MethodAnalysis analysis = MethodAnalysis.of(owner.name, method, hierarchy);
        GeneratorBody body = GeneratorBody.takenFrom(method);
        SuspensionPoints points = SuspensionPoints.of(body.code(), analysis);
        UnboxedYields unboxed = UnboxedYields.of(points);
        GeneratorKind kind = GeneratorKind.of(Type.getReturnType(method.desc).getDescriptor());
        FrameLayout layout =
                FrameLayout.of(owner.name, body.code(), kind, points, unboxed, new HierarchyVerifier(hierarchy));
        PureYields pure = PureYields.of(body.code(), points);
        return new Prepared(
                owner,
                method,
                body,
                points,
                unboxed,
                pure,
                LastDelegations.of(body.code()),
                layout,
                kind,
                owner.name + "$" + method.name + "$Generator");
    }

    /** The class the samples belong to, without methods. */
    static ClassNode owner() {
        ClassNode owner = new ClassNode();
        owner.version = V17;
        owner.access = ACC_PUBLIC | ACC_SUPER;
        owner.name = OWNER;
        owner.superName = "java/lang/Object";
        owner.sourceFile = "Echo.java";
        return owner;
    }

    /**
     * <pre>
     * &#64;Generator static Iterator&lt;Object&gt; echo(Object a) {
     *     Object b = Yield.value(a);   // line 10
     *     Yield.value(b);              // line 11
     *     return Yield.done();         // line 12
     * }
     * </pre>
     */
    static MethodNode echo() {
        MethodNode method = new MethodNode(ACC_STATIC, "echo", "(Ljava/lang/Object;)Ljava/util/Iterator;", null, null);
        method.visitCode();
        Label l0 = new Label();
        Label l1 = new Label();
        Label l2 = new Label();
        Label l3 = new Label();
        method.visitLabel(l0);
        method.visitLineNumber(10, l0);
        method.visitVarInsn(ALOAD, 0);
        method.visitMethodInsn(INVOKESTATIC, YIELD, "value", OBJECT_TO_OBJECT, false);
        method.visitVarInsn(ASTORE, 1);
        method.visitLabel(l1);
        method.visitLineNumber(11, l1);
        method.visitVarInsn(ALOAD, 1);
        method.visitMethodInsn(INVOKESTATIC, YIELD, "value", OBJECT_TO_OBJECT, false);
        method.visitInsn(POP);
        method.visitLabel(l2);
        method.visitLineNumber(12, l2);
        method.visitMethodInsn(INVOKESTATIC, YIELD, "done", "()Ljava/lang/Object;", false);
        method.visitTypeInsn(CHECKCAST, "java/util/Iterator");
        method.visitInsn(ARETURN);
        method.visitLabel(l3);
        method.visitLocalVariable("a", "Ljava/lang/Object;", null, l0, l3, 0);
        method.visitLocalVariable("b", "Ljava/lang/Object;", null, l1, l3, 1);
        method.visitMaxs(1, 2);
        method.visitEnd();
        return method;
    }

    /**
     * <pre>
     * &#64;Generator static Iterable&lt;Integer&gt; count(int n) {
     *     Yield.value(n);              // line 20
     *     return Yield.done();         // line 21
     * }
     * </pre>
     */
    static MethodNode count() {
        MethodNode method = new MethodNode(ACC_STATIC, "count", "(I)Ljava/lang/Iterable;", null, null);
        method.visitCode();
        Label l0 = new Label();
        Label l1 = new Label();
        method.visitLabel(l0);
        method.visitLineNumber(20, l0);
        method.visitVarInsn(ILOAD, 0);
        method.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;", false);
        method.visitMethodInsn(INVOKESTATIC, YIELD, "value", OBJECT_TO_OBJECT, false);
        method.visitInsn(POP);
        method.visitLabel(l1);
        method.visitLineNumber(21, l1);
        method.visitMethodInsn(INVOKESTATIC, YIELD, "done", "()Ljava/lang/Object;", false);
        method.visitTypeInsn(CHECKCAST, "java/lang/Iterable");
        method.visitInsn(ARETURN);
        method.visitMaxs(1, 1);
        method.visitEnd();
        return method;
    }

    /**
     * An instance method that reads its receiver and never its parameter:
     *
     * <pre>
     * &#64;Generator Iterator&lt;Object&gt; self(String unused) {
     *     Yield.value(this);           // line 30
     *     return Yield.done();         // line 31
     * }
     * </pre>
     */
    static MethodNode self() {
        MethodNode method = new MethodNode(0, "self", "(Ljava/lang/String;)Ljava/util/Iterator;", null, null);
        method.visitCode();
        Label l0 = new Label();
        Label l1 = new Label();
        Label l2 = new Label();
        method.visitLabel(l0);
        method.visitLineNumber(30, l0);
        method.visitVarInsn(ALOAD, 0);
        method.visitMethodInsn(INVOKESTATIC, YIELD, "value", OBJECT_TO_OBJECT, false);
        method.visitInsn(POP);
        method.visitLabel(l1);
        method.visitLineNumber(31, l1);
        method.visitMethodInsn(INVOKESTATIC, YIELD, "done", "()Ljava/lang/Object;", false);
        method.visitTypeInsn(CHECKCAST, "java/util/Iterator");
        method.visitInsn(ARETURN);
        method.visitLabel(l2);
        method.visitLocalVariable("this", "L" + OWNER + ";", null, l0, l2, 0);
        method.visitLocalVariable("unused", "Ljava/lang/String;", null, l0, l2, 1);
        method.visitMaxs(1, 2);
        method.visitEnd();
        return method;
    }

    /**
     * <pre>
     * &#64;Generator static Iterator&lt;Integer&gt; range(int n) {
     *     for (int i = 0; i &lt; n; i++) {  // line 30
     *         Yield.value(i);              // line 31
     *     }
     *     return Yield.done();             // line 33
     * }
     * </pre>
     */
    static MethodNode range() {
        MethodNode method = new MethodNode(ACC_STATIC, "range", "(I)Ljava/util/Iterator;", null, null);
        method.visitCode();
        Label start = new Label();
        Label loop = new Label();
        Label body = new Label();
        Label increment = new Label();
        Label end = new Label();
        Label last = new Label();
        method.visitLabel(start);
        method.visitLineNumber(30, start);
        method.visitInsn(ICONST_0);
        method.visitVarInsn(ISTORE, 1);
        method.visitLabel(loop);
        method.visitVarInsn(ILOAD, 1);
        method.visitVarInsn(ILOAD, 0);
        method.visitJumpInsn(IF_ICMPGE, end);
        method.visitLabel(body);
        method.visitLineNumber(31, body);
        method.visitVarInsn(ILOAD, 1);
        method.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;", false);
        method.visitMethodInsn(INVOKESTATIC, YIELD, "value", OBJECT_TO_OBJECT, false);
        method.visitInsn(POP);
        method.visitLabel(increment);
        method.visitLineNumber(30, increment);
        method.visitIincInsn(1, 1);
        method.visitJumpInsn(GOTO, loop);
        method.visitLabel(end);
        method.visitLineNumber(33, end);
        method.visitMethodInsn(INVOKESTATIC, YIELD, "done", "()Ljava/lang/Object;", false);
        method.visitTypeInsn(CHECKCAST, "java/util/Iterator");
        method.visitInsn(ARETURN);
        method.visitLabel(last);
        method.visitLocalVariable("i", "I", null, loop, end, 1);
        method.visitLocalVariable("n", "I", null, start, last, 0);
        method.visitMaxs(2, 2);
        method.visitEnd();
        return method;
    }

    /**
     * <pre>
     * static Object made() {
     *     return new StringBuilder(Yield.&lt;String&gt;value("x"));
     * }
     * </pre>
     */
    static MethodNode made() {
        MethodNode method = new MethodNode(ACC_STATIC, "made", "()Ljava/lang/Object;", null, null);
        method.visitCode();
        method.visitTypeInsn(NEW, "java/lang/StringBuilder");
        method.visitInsn(DUP);
        method.visitLdcInsn("x");
        method.visitMethodInsn(INVOKESTATIC, YIELD, "value", OBJECT_TO_OBJECT, false);
        method.visitTypeInsn(CHECKCAST, "java/lang/String");
        method.visitMethodInsn(INVOKESPECIAL, "java/lang/StringBuilder", "<init>", "(Ljava/lang/String;)V", false);
        method.visitInsn(ARETURN);
        method.visitMaxs(3, 0);
        method.visitEnd();
        return method;
    }
}
