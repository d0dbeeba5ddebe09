package dev.generators.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;

class GeneratorBodyTest {

    private static final String ECHO = """
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

    @Test
    void theCodeLeavesTheDeclarationWholeAndTheDeclarationKeepsNoneOfIt() {
        MethodNode method = Samples.echo();
        assertEquals(ECHO, Bytecode.listing(method));

        GeneratorBody body = GeneratorBody.takenFrom(method);

        assertEquals(ECHO, Bytecode.listing(body.code()), "the code, as it was");
        assertEquals("", Bytecode.listing(method), "the declaration, without code");
        assertEquals(method.name + method.desc, body.code().name + body.code().desc);
        assertEquals(10, body.firstLine());
        assertEquals(
                List.of("a"),
                body.parameterEntries().stream().map(v -> v.name).toList(),
                "the parameters' entries, for the creation method");
        assertEquals(2, body.frameSlot(), "the first slot the body does not use");
        assertEquals(3, body.valueSlot());
        assertEquals(4, body.firstFreeSlot());
    }

    @Test
    void aLaterChangeToTheCodeLeavesTheDeclarationAlone() {
        MethodNode method = Samples.echo();
        GeneratorBody body = GeneratorBody.takenFrom(method);
        body.code().instructions.clear();
        body.code().localVariables.add(new LocalVariableNode("c", "I", null, null, null, 5));
        assertEquals("", Bytecode.listing(method));
        assertEquals(
                List.of("a"), body.parameterEntries().stream().map(v -> v.name).toList());
    }
}
