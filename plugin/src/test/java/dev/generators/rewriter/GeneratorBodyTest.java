package dev.generators.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;

class GeneratorBodyTest {

    @Test
    void theCodeLeavesTheDeclarationWholeAndTheDeclarationKeepsNoneOfIt() {
        MethodNode method = Samples.echo();
        assertEquals(Samples.ECHO_LISTING, Bytecode.listing(method));

        GeneratorBody body = GeneratorBody.takenFrom(method);

        assertEquals(Samples.ECHO_LISTING, Bytecode.listing(body.code()), "the code, as it was");
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
