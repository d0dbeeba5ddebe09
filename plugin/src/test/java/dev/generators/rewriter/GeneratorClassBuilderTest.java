package dev.generators.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

class GeneratorClassBuilderTest {

    @Test
    void anIterableOfUnboxedIntsKeepsItsArgumentRestartsFromItBoxesWhatItYieldsWhenTakenAndComputesItsOnePureYieldThen()
            throws Exception {
        try (ClassHierarchy hierarchy = ClassHierarchy.of(List.of())) {
            Samples.Prepared count = Samples.prepare(Samples.count(), hierarchy);
            MethodNode resume = ResumeMethodBuilder.build(
                    count.owner(), count.generatorClass(), count.body(), count.layout(), count.unboxed(), count.last());

            assertEquals(
                    """
                    final class p/Echo$count$Generator extends dev/generators/StateMachine implements java/lang/Iterable {
                    I arg0
                    I yielded$
                    synthetic <init>(I)V
                    ALOAD 0
                    INVOKESPECIAL dev/generators/StateMachine.<init> ()V
                    ALOAD 0
                    ILOAD 1
                    PUTFIELD p/Echo$count$Generator.arg0 : I
                    RETURN
                    MAXSTACK = 0
                    MAXLOCALS = 0
                    protected final synthetic resume()Ljava/lang/Object;
                    L0
                    LINENUMBER 20 L0
                    ALOAD 0
                    GETFIELD p/Echo$count$Generator.arg0 : I
                    ALOAD 0
                    INVOKESTATIC p/Echo.count-body (ILp/Echo$count$Generator;)Ljava/lang/Object;
                    ARETURN
                    MAXSTACK = 0
                    MAXLOCALS = 0
                    public final synthetic hasNext()Z
                    ALOAD 0
                    ICONST_1
                    INVOKEVIRTUAL dev/generators/StateMachine.hasNextPure (I)Z
                    IRETURN
                    MAXSTACK = 0
                    MAXLOCALS = 0
                    public final synthetic next()Ljava/lang/Object;
                    ALOAD 0
                    ICONST_1
                    INVOKEVIRTUAL dev/generators/StateMachine.nextPure (I)Ljava/lang/Object;
                    ARETURN
                    MAXSTACK = 0
                    MAXLOCALS = 0
                    protected final synthetic restart()Ldev/generators/StateMachine;
                    NEW p/Echo$count$Generator
                    DUP
                    ALOAD 0
                    GETFIELD p/Echo$count$Generator.arg0 : I
                    INVOKESPECIAL p/Echo$count$Generator.<init> (I)V
                    ARETURN
                    MAXSTACK = 0
                    MAXLOCALS = 0
                    protected final synthetic valueYielded(Ljava/lang/Object;)Ljava/lang/Object;
                    ALOAD 0
                    GETFIELD p/Echo$count$Generator.yielded$ : I
                    INVOKESTATIC java/lang/Integer.valueOf (I)Ljava/lang/Integer;
                    ARETURN
                    MAXSTACK = 0
                    MAXLOCALS = 0
                    protected final synthetic delegates()Z
                    ICONST_0
                    IRETURN
                    MAXSTACK = 0
                    MAXLOCALS = 0
                    }""",
                    Bytecode.listing(GeneratorClassBuilder.build(
                            count.owner(),
                            count.generatorClass(),
                            count.kind(),
                            count.layout(),
                            count.pure(),
                            resume)));
        }
    }

    @Test
    void aGeneratorYieldingTheLocalItSavesBoxesThatLocalsFieldWhenTheValueIsTaken() throws Exception {
        try (ClassHierarchy hierarchy = ClassHierarchy.of(List.of())) {
            Samples.Prepared range = Samples.prepare(Samples.range(), hierarchy);
            MethodNode resume = ResumeMethodBuilder.build(
                    range.owner(), range.generatorClass(), range.body(), range.layout(), range.unboxed(), range.last());

            String listing = Bytecode.listing(GeneratorClassBuilder.build(
                    range.owner(), range.generatorClass(), range.kind(), range.layout(), range.pure(), resume));

            assertEquals("""
                    final class p/Echo$range$Generator extends dev/generators/StateMachine {
                    I n
                    I i
                    synthetic <init>(I)V""", listing.substring(0, listing.indexOf("\nALOAD 0")));
            // A loop is no straight line of pure yields: the protocol as inherited.
            assertTrue(listing.contains("""
                            public final synthetic hasNext()Z
                            ALOAD 0
                            INVOKESPECIAL dev/generators/StateMachine.hasNext ()Z"""), listing);
            assertEquals(
                    """
                    protected final synthetic valueYielded(Ljava/lang/Object;)Ljava/lang/Object;
                    ALOAD 0
                    GETFIELD p/Echo$range$Generator.i : I
                    INVOKESTATIC java/lang/Integer.valueOf (I)Ljava/lang/Integer;
                    ARETURN""",
                    listing.substring(
                            listing.indexOf("protected final synthetic valueYielded"),
                            listing.indexOf("\nMAXSTACK", listing.indexOf("valueYielded"))));
        }
    }

    @Test
    void resumePassesTheArgumentsFromTheirFieldsAndOneTheFrameDoesNotKeepAsNull() throws Exception {
        try (ClassHierarchy hierarchy = ClassHierarchy.of(List.of())) {
            Samples.Prepared self = Samples.prepare(Samples.self(), hierarchy);
            MethodNode body = ResumeMethodBuilder.build(
                    self.owner(), self.generatorClass(), self.body(), self.layout(), self.unboxed(), self.last());

            ClassNode generator = GeneratorClassBuilder.build(
                    self.owner(), self.generatorClass(), self.kind(), self.layout(), self.pure(), body);

            MethodNode resume = generator.methods.stream()
                    .filter(method -> method.name.equals("resume"))
                    .findFirst()
                    .orElseThrow();
            assertEquals("""
                    L0
                    LINENUMBER 30 L0
                    ALOAD 0
                    GETFIELD p/Echo$self$Generator.this$Echo : Lp/Echo;
                    ACONST_NULL
                    ALOAD 0
                    INVOKESTATIC p/Echo.self-body (Lp/Echo;Ljava/lang/String;Lp/Echo$self$Generator;)Ljava/lang/Object;
                    ARETURN
                    MAXSTACK = 0
                    MAXLOCALS = 0""", Bytecode.listing(resume));
        }
    }
}
