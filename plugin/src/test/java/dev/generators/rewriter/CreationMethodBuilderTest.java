package dev.generators.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CreationMethodBuilderTest {

    @Test
    void theDeclarationCreatesItsGeneratorOnTheBodysFirstLineWithTheArgumentsItKeeps() throws Exception {
        try (ClassHierarchy hierarchy = ClassHierarchy.of(List.of())) {
            Samples.Prepared echo = Samples.prepare(Samples.echo(), hierarchy);
            assertEquals("", Bytecode.listing(echo.declaration()), "its code was taken out");

            CreationMethodBuilder.build(
                    echo.declaration(), echo.body(), echo.generatorClass(), echo.kind(), echo.layout());

            assertEquals("""
                    @Ldev/generators/Generator$Rewritten;(value="p.Echo$echo$Generator"
                    ) // invisible
                    @Ldev/generators/Generator$Generated;(
                    ) // invisible
                    L0
                    LINENUMBER 10 L0
                    NEW p/Echo$echo$Generator
                    DUP
                    ALOAD 0
                    INVOKESPECIAL p/Echo$echo$Generator.<init> (Ljava/lang/Object;)V
                    ARETURN
                    L1
                    LOCALVARIABLE a Ljava/lang/Object; L0 L1 0
                    MAXSTACK = 1
                    MAXLOCALS = 2""", Bytecode.listing(echo.declaration()));
        }
    }

    @Test
    void aStreamIsHandedOutAsAStreamAndACoroutineIsToldItWasCreated() throws Exception {
        try (ClassHierarchy hierarchy = ClassHierarchy.of(List.of())) {
            for (GeneratorKind kind : new GeneratorKind[] {GeneratorKind.STREAM, GeneratorKind.COROUTINE}) {
                Samples.Prepared echo = Samples.prepare(Samples.echo(), hierarchy);

                CreationMethodBuilder.build(
                        echo.declaration(), echo.body(), echo.generatorClass(), kind, echo.layout());

                String call = kind == GeneratorKind.STREAM
                        ? "INVOKEVIRTUAL dev/generators/StateMachine.asStream ()Ljava/util/stream/Stream;"
                        : "INVOKEVIRTUAL dev/generators/StateMachine.coroutineCreated ()Ldev/generators/StateMachine;";
                String listing = Bytecode.listing(echo.declaration());
                assertTrue(
                        listing.contains("INVOKESPECIAL p/Echo$echo$Generator.<init> (Ljava/lang/Object;)V\n" + call
                                + "\nARETURN\n"),
                        () -> kind + ":\n" + listing);
            }
        }
    }
}
