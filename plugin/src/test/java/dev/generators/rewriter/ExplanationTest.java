package dev.generators.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExplanationTest {

    @Test
    void theExplanationIsReadFromTheLayoutAloneBeforeOrAfterTheYieldsAreRewritten() throws Exception {
        try (ClassHierarchy hierarchy = ClassHierarchy.of(List.of())) {
            Samples.Prepared echo = Samples.prepare(Samples.echo(), hierarchy);
            String expected = """
                    p.Echo.echo(Object): Iterator, frame class p.Echo$echo$Generator
                      fields: Object a (argument)
                      state 0: the start, line 10
                      state 1: Yield.value at line 10; keeps no locals
                      state 2: Yield.value at line 11; keeps no locals
                    """;
            String before = Explanation.of(
                    Samples.OWNER,
                    echo.declaration(),
                    echo.generatorClass(),
                    echo.kind(),
                    echo.layout(),
                    echo.pure(),
                    10);
            assertEquals(expected, before);

            ResumeMethodBuilder.build(
                    echo.owner(), echo.generatorClass(), echo.body(), echo.layout(), echo.unboxed(), echo.last());

            assertEquals(
                    expected,
                    Explanation.of(
                            Samples.OWNER,
                            echo.declaration(),
                            echo.generatorClass(),
                            echo.kind(),
                            echo.layout(),
                            echo.pure(),
                            echo.body().firstLine()));
        }
    }

    @Test
    void aPrimitiveYieldedFromTheLocalItsYieldSavesIsSaidToBeKeptThere() throws Exception {
        try (ClassHierarchy hierarchy = ClassHierarchy.of(List.of())) {
            Samples.Prepared range = Samples.prepare(Samples.range(), hierarchy);

            assertEquals(
                    """
                    p.Echo.range(int): Iterator, frame class p.Echo$range$Generator
                      fields: int n (argument), int i
                      yields int values, kept unboxed in i (the local yielded, saved at each yield) until taken
                      state 0: the start, line 30
                      state 1: Yield.value at line 31; keeps n, i
                    """,
                    Explanation.of(
                            Samples.OWNER,
                            range.declaration(),
                            range.generatorClass(),
                            range.kind(),
                            range.layout(),
                            range.pure(),
                            range.body().firstLine()));
        }
    }
}
