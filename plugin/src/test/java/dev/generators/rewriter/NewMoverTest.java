package dev.generators.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.MethodNode;

class NewMoverTest {

    @Test
    void anObjectUnconstructedAtAYieldIsCreatedAtItsConstructorWithTheArgumentsInTemporaries() throws Exception {
        MethodNode method = Samples.made();
        assertEquals("""
                NEW java/lang/StringBuilder
                DUP
                LDC "x"
                INVOKESTATIC dev/generators/Yield.value (Ljava/lang/Object;)Ljava/lang/Object;
                CHECKCAST java/lang/String
                INVOKESPECIAL java/lang/StringBuilder.<init> (Ljava/lang/String;)V
                ARETURN
                MAXSTACK = 3
                MAXLOCALS = 0""", Bytecode.listing(method));
        try (ClassHierarchy hierarchy = ClassHierarchy.of(List.of())) {
            MethodAnalysis analysis = MethodAnalysis.of(Samples.OWNER, method, hierarchy);

            NewMover.Moved moved = NewMover.apply(Samples.OWNER, method, analysis, hierarchy, 2);

            assertEquals(new NewMover.Moved(true, 3), moved, "one temporary, slot 2");
        }
        assertEquals("""
                LDC "x"
                INVOKESTATIC dev/generators/Yield.value (Ljava/lang/Object;)Ljava/lang/Object;
                CHECKCAST java/lang/String
                ASTORE 2
                NEW java/lang/StringBuilder
                DUP
                ALOAD 2
                INVOKESPECIAL java/lang/StringBuilder.<init> (Ljava/lang/String;)V
                ARETURN
                MAXSTACK = 5
                MAXLOCALS = 3""", Bytecode.listing(method));
    }

    @Test
    void aBodyWithNothingUnconstructedAtAYieldIsLeftAsItWas() throws Exception {
        MethodNode method = Samples.echo();
        String before = Bytecode.listing(method);
        try (ClassHierarchy hierarchy = ClassHierarchy.of(List.of())) {
            MethodAnalysis analysis = MethodAnalysis.of(Samples.OWNER, method, hierarchy);

            NewMover.Moved moved = NewMover.apply(Samples.OWNER, method, analysis, hierarchy, 4);

            assertEquals(new NewMover.Moved(false, 4), moved);
        }
        assertEquals(before, Bytecode.listing(method));
    }
}
