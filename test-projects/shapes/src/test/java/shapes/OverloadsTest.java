package shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static shapes.Collect.list;

import dev.generators.Coroutine;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverloadsTest {

    @Test
    void overloadedStaticGeneratorsWithTheSameNameEachRunTheirOwnBody() {
        assertEquals(List.of(0, 1, 2), list(Overloads.range(3)));
        assertEquals(List.of(2, 3, 4), list(Overloads.range(2, 5)));
        assertEquals(List.of(0, 4, 8), list(Overloads.range(0, 10, 4)));
        assertEquals(List.of(0L, 1_000_000_000_000L, 2_000_000_000_000L), list(Overloads.range(3L)));
    }

    @Test
    void instanceOverloadNextToStaticOnesOfTheSameName() {
        assertEquals(List.of("a", "b", "c"), list(new Overloads().range("a", "c")));
    }

    @Test
    void covariantOverrideCalledThroughTheBaseTypeUsesTheBridge() {
        Overloads.Base base = new Overloads.Derived();
        assertEquals(List.of("derived 1", "derived 2"), list(base.items()));
        assertEquals(List.of("base"), list(new Overloads.Base().items()));
    }

    @Test
    void covariantOverrideCalledDirectlyIsACoroutineWithAResult() {
        Coroutine<String, Object, String> c = new Overloads.Derived().items();
        assertEquals(List.of("derived 1", "derived 2"), list(c));
        assertEquals("derived result", c.result());
    }

    @Test
    void genericInterfaceImplementationCalledThroughTheErasedBridge() {
        Overloads.Renderer<Integer> renderer = new Overloads.IntRenderer();
        assertEquals(List.of("#0", "#1", "#2"), list(renderer.render(3)));
    }

    @Test
    void genericSuperclassOverrideWithANarrowerReturnType() {
        Overloads.Source<Integer> source = new Overloads.Doubler();
        assertEquals(List.of(5, 10), list(source.produce(5)));
    }
}
