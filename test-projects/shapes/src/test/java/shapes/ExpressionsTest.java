package shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static shapes.Collect.list;

import dev.generators.Coroutine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ExpressionsTest {

    private static List<String> strings(Iterable<?> values) {
        return list(values).stream().map(String::valueOf).collect(Collectors.toList());
    }

    @Test
    void yieldAsMiddleCallArgumentEvaluatesTheFirstArgumentBeforeAndTheLastAfter() {
        List<String> log = new ArrayList<>();
        Iterator<String> it = Expressions.callArguments(log).iterator();
        assertEquals("b", it.next());
        assertEquals(List.of("a"), log);
        assertEquals("a|null|c", it.next());
        assertEquals(List.of("a", "c"), log);
    }

    @Test
    void yieldAmongLongStringAndDoubleArguments() {
        assertEquals(List.of("middle", "1125899906842625/s/null/0.25"), list(Expressions.wideArguments()));
    }

    @Test
    void yieldInsideStringConcatenationKeepsTheLeftPart() {
        assertEquals(List.of("x", "pre-null-3"), list(Expressions.concatenation("pre")));
    }

    @Test
    void yieldAsArgumentOfListAddKeepsTheReceiver() {
        assertEquals(List.of("x", "y", Arrays.asList("first", null, null)), list(Expressions.listAdd()));
    }

    @Test
    void yieldInsideConstructorArguments() {
        assertEquals(List.of("b", "Pair[left=left, right=null]"), strings(Expressions.constructorArguments()));
    }

    @Test
    void yieldInsideNestedConstructorCalls() {
        assertEquals(List.of("inner", "Pair[left=outer, right=Box(null)]", "deep", "Box(Box(Pair[left=null, right=7]))"),
                strings(Expressions.nestedConstructors()));
    }

    @Test
    void longAndDoubleOperandsWaitBelowTheYield() {
        assertEquals(List.of("need a long", 1099511627781L, "need a double", 3.0, "again", 3298534883325L),
                list(Expressions.wideValuesBelowYield()));
    }

    @Test
    void sentLongIsAddedToTheLongWaitingOnTheStack() {
        Coroutine<String, Long, Long> c = Expressions.sentLong(100);
        assertEquals("need a long", c.send(null));
        assertEquals("need another", c.send(5L));
        assertThrows(NoSuchElementException.class, () -> c.send(7L));
        assertEquals(59L, c.result());
    }

    @Test
    void arrayStoresOfObjectsIntsAndLongsWithTheValueYieldedFor() {
        assertEquals(List.of("o0", "i0", "l0", "o1", "i1", "l1", "[null, null][0, 10][1, 2]"),
                list(Expressions.arrayStores(2)));
    }

    @Test
    void compoundAssignmentToAnArrayElementAroundAYield() {
        assertEquals(List.of("add to 0", "add to 1", "add to 2", "[11, 22, 33]"),
                list(Expressions.compoundArrayAssignment()));
    }

    @Test
    void yieldInsideArrayInitializers() {
        assertEquals(List.of("middle", "second", "[1, 2, 3][x, null, z]"), list(Expressions.arrayInitializer()));
    }

    @Test
    void yieldsInSeveralOperandsAndNestedCalls() {
        assertEquals(List.of("1", "2", "3", "4", "null|null|k|null|null", "max", "min", "m=8"),
                list(Expressions.yieldsInSeveralOperands()));
    }

    @Test
    void yieldsAsArgumentsOfAChainedBuilder() {
        assertEquals(List.of("p", "q", "<null-null>"), list(Expressions.builderChain()));
    }

    @Test
    void instanceofPatternOnASentValue() {
        Coroutine<String, Object, String> c = Expressions.classify();
        assertEquals("what is 0?", c.next());
        assertEquals("what is 1?", c.send(7));
        assertEquals("what is 2?", c.send("x"));
        assertThrows(NoSuchElementException.class, () -> c.send(2));
        assertEquals("big int 7,other,other", c.result());
    }

    @Test
    void chainedIndexAssignmentStoresBothAfterTheSecondSend() {
        int[] d = {1, 2};
        Coroutine<String, Integer, Object> c = Expressions.chainedIndexAssignment(d);
        assertEquals("a", c.send(null));
        assertEquals("[1, 2]", Arrays.toString(d));
        assertEquals("b", c.send(0));
        assertEquals("[1, 2]", Arrays.toString(d));
        assertThrows(NoSuchElementException.class, () -> c.send(1));
        assertEquals("[27, 27]", Arrays.toString(d));
    }

    @Test
    void compoundAssignmentWithACastAndUnboxedSentValue() {
        Coroutine<String, Object, Integer> c = Expressions.castAndUnbox(2);
        assertEquals("first", c.next());
        assertEquals("second", c.send(3));
        assertThrows(NoSuchElementException.class, () -> c.send(4));
        assertEquals(20, c.result());
    }

    @Test
    void yieldInsideConstructorArgumentsKeepsClassInitializationOrder() {
        InitOrder.EVENTS.clear();
        Iterator<String> it = InitOrder.single().iterator();
        assertEquals("1", it.next());
        assertEquals(List.of("before", "Single.<clinit>"), InitOrder.EVENTS);
        assertEquals("done", it.next());
        assertEquals(List.of("before", "Single.<clinit>", "Single(null)", "after null"), InitOrder.EVENTS);
    }

    @Test
    void yieldInsideNestedConstructorsInitializesOuterThenInnerBeforeTheYield() {
        InitOrder.EVENTS.clear();
        Iterator<String> it = InitOrder.nested().iterator();
        assertEquals("1", it.next());
        assertEquals(List.of("before", "Outer.<clinit>", "Inner.<clinit>"), InitOrder.EVENTS);
        assertEquals("done", it.next());
        assertEquals(List.of("before", "Outer.<clinit>", "Inner.<clinit>", "Inner(null)", "Outer(Inner)", "after"),
                InitOrder.EVENTS);
    }

    @Test
    void yieldInsideConstructorArgumentsInitializesTheSuperclassFirst() {
        InitOrder.EVENTS.clear();
        Iterator<String> it = InitOrder.withSuperclass().iterator();
        assertEquals("1", it.next());
        assertEquals(List.of("before", "Base.<clinit>", "Holder.<clinit>"), InitOrder.EVENTS);
        assertEquals("done", it.next());
        assertEquals(List.of("before", "Base.<clinit>", "Holder.<clinit>", "Holder(null)", "after"), InitOrder.EVENTS);
    }

    @Test
    void constructorArgumentAfterTheYieldInitializesItsClassAfterTheOuterOne() {
        InitOrder.EVENTS.clear();
        Iterator<String> it = InitOrder.argumentInitializesAnotherClass().iterator();
        assertEquals("1", it.next());
        assertEquals(List.of("before", "Single2.<clinit>"), InitOrder.EVENTS);
        assertEquals("done", it.next());
        assertEquals(List.of("before", "Single2.<clinit>", "SuperInit.<clinit>", "SuperInit(arg)", "Single2(null)",
                "after"), InitOrder.EVENTS);
    }
}
