package dev.generators.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

class ResumeMethodBuilderTest {

    @Test
    void eachYieldSavesWhatIsLiveSetsItsStateAndReturnsAndTheDispatchResumesAfterIt() throws Exception {
        try (ClassHierarchy hierarchy = ClassHierarchy.of(List.of())) {
            Samples.Prepared echo = Samples.prepare(Samples.echo(), hierarchy);
            assertEquals(Samples.ECHO_LISTING, Bytecode.listing(echo.body().code()));

            MethodNode resume = ResumeMethodBuilder.build(
                    echo.owner(), echo.generatorClass(), echo.body(), echo.layout(), echo.unboxed(), echo.last());

            assertEquals(
                    "echo-body(Ljava/lang/Object;Lp/Echo$echo$Generator;)Ljava/lang/Object;",
                    resume.name + resume.desc);
            assertEquals(Opcodes.ACC_STATIC, resume.access, "static, and not synthetic");
            assertEquals("""
                    L0
                    ALOAD 1
                    ASTORE 2
                    ALOAD 2
                    GETFIELD p/Echo$echo$Generator.state : S
                    TABLESWITCH
                    0: L1
                    1: L2
                    2: L3
                    default: L4
                    L4
                    NEW java/lang/IncompatibleClassChangeError
                    DUP
                    INVOKESPECIAL java/lang/IncompatibleClassChangeError.<init> ()V
                    ATHROW
                    L2
                    GOTO L5
                    L3
                    GOTO L6
                    L1
                    ALOAD 2
                    ACONST_NULL
                    PUTFIELD p/Echo$echo$Generator.a : Ljava/lang/Object;
                    L7
                    LINENUMBER 10 L7
                    ALOAD 0
                    ASTORE 3
                    ALOAD 2
                    ICONST_1
                    PUTFIELD p/Echo$echo$Generator.state : S
                    ALOAD 3
                    ARETURN
                    L5
                    LINENUMBER 10 L5
                    ALOAD 2
                    INVOKEVIRTUAL dev/generators/StateMachine.received ()Ljava/lang/Object;
                    ASTORE 1
                    L8
                    LINENUMBER 11 L8
                    ALOAD 1
                    ASTORE 3
                    ALOAD 2
                    ICONST_2
                    PUTFIELD p/Echo$echo$Generator.state : S
                    ALOAD 3
                    ARETURN
                    L6
                    LINENUMBER 11 L6
                    ALOAD 2
                    INVOKEVIRTUAL dev/generators/StateMachine.received ()Ljava/lang/Object;
                    POP
                    L9
                    LINENUMBER 12 L9
                    ACONST_NULL
                    ALOAD 2
                    ICONST_M1
                    PUTFIELD p/Echo$echo$Generator.state : S
                    ARETURN
                    L10
                    LOCALVARIABLE a Ljava/lang/Object; L0 L10 0
                    LOCALVARIABLE b Ljava/lang/Object; L8 L10 1
                    MAXSTACK = 1
                    MAXLOCALS = 2""", Bytecode.listing(resume));
        }
    }

    @Test
    void aYieldedPrimitiveGoesToItsFieldUnboxedAndTheYieldReturnsNull() throws Exception {
        try (ClassHierarchy hierarchy = ClassHierarchy.of(List.of())) {
            Samples.Prepared count = Samples.prepare(Samples.count(), hierarchy);
            assertEquals("""
                    L0
                    LINENUMBER 20 L0
                    ILOAD 0
                    INVOKESTATIC java/lang/Integer.valueOf (I)Ljava/lang/Integer;
                    INVOKESTATIC dev/generators/Yield.value (Ljava/lang/Object;)Ljava/lang/Object;
                    POP
                    L1
                    LINENUMBER 21 L1
                    INVOKESTATIC dev/generators/Yield.done ()Ljava/lang/Object;
                    CHECKCAST java/lang/Iterable
                    ARETURN
                    MAXSTACK = 1
                    MAXLOCALS = 1""", Bytecode.listing(count.body().code()));

            MethodNode resume = ResumeMethodBuilder.build(
                    count.owner(), count.generatorClass(), count.body(), count.layout(), count.unboxed(), count.last());

            assertEquals("""
                    L0
                    ALOAD 1
                    GETFIELD p/Echo$count$Generator.state : S
                    TABLESWITCH
                    0: L1
                    1: L2
                    default: L3
                    L3
                    NEW java/lang/IncompatibleClassChangeError
                    DUP
                    INVOKESPECIAL java/lang/IncompatibleClassChangeError.<init> ()V
                    ATHROW
                    L2
                    GOTO L4
                    L1
                    L5
                    LINENUMBER 20 L5
                    ILOAD 0
                    ALOAD 1
                    SWAP
                    PUTFIELD p/Echo$count$Generator.yielded$ : I
                    ALOAD 1
                    ICONST_1
                    PUTFIELD p/Echo$count$Generator.state : S
                    ACONST_NULL
                    ARETURN
                    L4
                    LINENUMBER 20 L4
                    ALOAD 1
                    INVOKEVIRTUAL dev/generators/StateMachine.received ()Ljava/lang/Object;
                    POP
                    L6
                    LINENUMBER 21 L6
                    ACONST_NULL
                    ALOAD 1
                    ICONST_M1
                    PUTFIELD p/Echo$count$Generator.state : S
                    ARETURN
                    MAXSTACK = 1
                    MAXLOCALS = 1""", Bytecode.listing(resume));
        }
    }

    @Test
    void aYieldedLocalThatTheYieldSavesIsNeitherLoadedNorBoxedNorStoredTwice() throws Exception {
        try (ClassHierarchy hierarchy = ClassHierarchy.of(List.of())) {
            Samples.Prepared range = Samples.prepare(Samples.range(), hierarchy);
            assertEquals("""
                    L0
                    LINENUMBER 30 L0
                    ICONST_0
                    ISTORE 1
                    L1
                    ILOAD 1
                    ILOAD 0
                    IF_ICMPGE L2
                    L3
                    LINENUMBER 31 L3
                    ILOAD 1
                    INVOKESTATIC java/lang/Integer.valueOf (I)Ljava/lang/Integer;
                    INVOKESTATIC dev/generators/Yield.value (Ljava/lang/Object;)Ljava/lang/Object;
                    POP
                    L4
                    LINENUMBER 30 L4
                    IINC 1 1
                    GOTO L1
                    L2
                    LINENUMBER 33 L2
                    INVOKESTATIC dev/generators/Yield.done ()Ljava/lang/Object;
                    CHECKCAST java/util/Iterator
                    ARETURN
                    L5
                    LOCALVARIABLE i I L1 L2 1
                    LOCALVARIABLE n I L0 L5 0
                    MAXSTACK = 2
                    MAXLOCALS = 2""", Bytecode.listing(range.body().code()));

            MethodNode resume = ResumeMethodBuilder.build(
                    range.owner(), range.generatorClass(), range.body(), range.layout(), range.unboxed(), range.last());

            assertEquals("""
                    L0
                    ALOAD 1
                    ASTORE 2
                    ALOAD 2
                    GETFIELD p/Echo$range$Generator.state : S
                    TABLESWITCH
                    0: L1
                    1: L2
                    default: L3
                    L3
                    NEW java/lang/IncompatibleClassChangeError
                    DUP
                    INVOKESPECIAL java/lang/IncompatibleClassChangeError.<init> ()V
                    ATHROW
                    L2
                    ALOAD 2
                    GETFIELD p/Echo$range$Generator.i : I
                    ISTORE 1
                    GOTO L4
                    L1
                    L5
                    LINENUMBER 30 L5
                    ICONST_0
                    ISTORE 1
                    L6
                    ILOAD 1
                    ILOAD 0
                    IF_ICMPGE L7
                    L8
                    LINENUMBER 31 L8
                    ALOAD 2
                    ILOAD 1
                    PUTFIELD p/Echo$range$Generator.i : I
                    ALOAD 2
                    ICONST_1
                    PUTFIELD p/Echo$range$Generator.state : S
                    ACONST_NULL
                    ARETURN
                    L4
                    LINENUMBER 31 L4
                    ALOAD 2
                    INVOKEVIRTUAL dev/generators/StateMachine.received ()Ljava/lang/Object;
                    POP
                    L9
                    LINENUMBER 30 L9
                    IINC 1 1
                    GOTO L6
                    L7
                    LINENUMBER 33 L7
                    ACONST_NULL
                    ALOAD 2
                    ICONST_M1
                    PUTFIELD p/Echo$range$Generator.state : S
                    ARETURN
                    L10
                    LOCALVARIABLE i I L6 L7 1
                    LOCALVARIABLE n I L0 L10 0
                    MAXSTACK = 2
                    MAXLOCALS = 2""", Bytecode.listing(resume));
        }
    }

    @Test
    void theArgumentsAreParametersShownFromTheEntryTheReceiverAsThisAndOneNeverReadNotAtAll() throws Exception {
        try (ClassHierarchy hierarchy = ClassHierarchy.of(List.of())) {
            Samples.Prepared self = Samples.prepare(Samples.self(), hierarchy);

            MethodNode resume = ResumeMethodBuilder.build(
                    self.owner(), self.generatorClass(), self.body(), self.layout(), self.unboxed(), self.last());

            assertEquals(
                    "self-body(Lp/Echo;Ljava/lang/String;Lp/Echo$self$Generator;)Ljava/lang/Object;",
                    resume.name + resume.desc,
                    "the receiver, the parameter in its slot, the generator last");
            assertEquals("""
                    L0
                    ALOAD 2
                    GETFIELD p/Echo$self$Generator.state : S
                    TABLESWITCH
                    0: L1
                    1: L2
                    default: L3
                    L3
                    NEW java/lang/IncompatibleClassChangeError
                    DUP
                    INVOKESPECIAL java/lang/IncompatibleClassChangeError.<init> ()V
                    ATHROW
                    L2
                    GOTO L4
                    L1
                    ALOAD 2
                    ACONST_NULL
                    PUTFIELD p/Echo$self$Generator.this$Echo : Lp/Echo;
                    L5
                    LINENUMBER 30 L5
                    ALOAD 0
                    ASTORE 3
                    ALOAD 2
                    ICONST_1
                    PUTFIELD p/Echo$self$Generator.state : S
                    ALOAD 3
                    ARETURN
                    L4
                    LINENUMBER 30 L4
                    ALOAD 2
                    INVOKEVIRTUAL dev/generators/StateMachine.received ()Ljava/lang/Object;
                    POP
                    L6
                    LINENUMBER 31 L6
                    ACONST_NULL
                    ALOAD 2
                    ICONST_M1
                    PUTFIELD p/Echo$self$Generator.state : S
                    ARETURN
                    L7
                    LOCALVARIABLE $this Lp/Echo; L0 L7 0
                    MAXSTACK = 1
                    MAXLOCALS = 2""", Bytecode.listing(resume));
        }
    }
}
