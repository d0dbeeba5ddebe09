package shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static shapes.Collect.list;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnersTest {

    @Test
    void instanceGeneratorReadsAndWritesPrivateFieldsAndCallsPrivateMethods() {
        Counter counter = new Counter("c", 10);
        assertEquals(List.of("c#10", "c#11", "c#13", "C total 6"), list(counter.ticks(3)));
        assertEquals(16, counter.count());
        assertEquals(6L, counter.total());
        assertEquals(List.of("tick 0", "tick 1", "tick 2"), counter.history());
    }

    @Test
    void yieldAsTheValueOfAFieldStoreOnThis() {
        Counter counter = new Counter("c", 10);
        assertEquals(List.of("before", "storing", "last=null", "count=110"), list(counter.storeIntoField()));
        assertNull(counter.last);
        assertEquals(110, counter.count());
    }

    @Test
    void privateInstanceGeneratorCalledFromAPublicMethod() {
        assertEquals(List.of(13, 16, 19), list(new Counter("c", 10).multiples(3)));
    }

    @Test
    void lambdaCreatedBeforeAYieldIsUsedAfterIt() {
        assertEquals(List.of(12, 1004, 1), list(new Counter("c", 10).withLambda(2)));
    }

    @Test
    void methodReferencesToPrivateAndBoundMethodsInsideAGenerator() {
        assertEquals(List.of("a,b", "A", "B"), list(new Counter("c", 0).withMethodReference(List.of("a", "b"))));
    }

    @Test
    void genericRepeat() {
        assertEquals(List.of("x", "x", "x"), list(GenericsAndVarargs.repeat("x", 3)));
        assertEquals(List.of(), list(GenericsAndVarargs.repeat(7, 0)));
    }

    @Test
    void genericWithBoundedTypeVariable() {
        assertEquals(List.of(3, 3, 4, 4, 5, 9, 9, 9), list(GenericsAndVarargs.runningMax(List.of(3, 1, 4, 1, 5, 9, 2, 6))));
    }

    @Test
    void genericWithTwoTypeVariablesAndAFunction() {
        assertEquals(List.of("n1", "n2", "n3"), list(GenericsAndVarargs.map(List.of(1, 2, 3), i -> "n" + i)));
    }

    @Test
    void genericZipStopsAtTheShorterIterator() {
        assertEquals(List.of(Map.entry("a", 1), Map.entry("b", 2)),
                list(GenericsAndVarargs.zip(List.of("a", "b", "c").iterator(), List.of(1, 2).iterator())));
    }

    @Test
    void varargsOfStrings() {
        assertEquals(List.of("count 2", "x", "y"), list(GenericsAndVarargs.each("x", "y")));
        assertEquals(List.of("count 0"), list(GenericsAndVarargs.each()));
    }

    @Test
    void varargsOfIntsAfterAFixedParameter() {
        assertEquals(List.of(10, 20, 30), list(GenericsAndVarargs.scaled(10, 1, 2, 3)));
    }

    @Test
    void genericVarargsDelegatingToEachSource() {
        assertEquals(List.of(1, 2, 2, 1),
                list(GenericsAndVarargs.<Integer>chain(List.of(1, 2), List.of(), ReturnTypes.countdown(2))));
    }

    @Test
    void instanceGeneratorsInAGenericClass() {
        GenericsAndVarargs.Bag<String> bag = new GenericsAndVarargs.Bag<>(List.of("a", "b", "c"));
        assertEquals(List.of("c", "b", "a"), list(bag.backwards()));
        assertEquals(List.of(Map.entry("a", 1), Map.entry("b", 1), Map.entry("c", 1)), list(bag.pairWith(1)));
    }

    @Test
    void defaultMethodGeneratorInAnInterfaceCallsTheImplementation() {
        Polygon triangle = new Polygon.Regular("tri", 3);
        assertEquals(List.of("tri:0-1", "tri:1-2", "tri:2-0"), list(triangle.edges()));
    }

    @Test
    void staticMethodGeneratorInAnInterface() {
        assertEquals(List.of(180, 360, 540, 720), list(Polygon.interiorAngleSums(3, 6)));
    }

    @Test
    void privateMethodGeneratorInAnInterface() {
        assertEquals(List.of("sq", "4 sides"), list(new Polygon.Regular("sq", 4).describe()));
    }

    @Test
    void enumInstanceGeneratorReadsTheConstantsFields() {
        assertEquals(List.of("EARTH", 5.976e+24, 6.37814e6, false), list(Planet.EARTH.facts()));
        assertEquals(List.of("JUPITER", 1.9e+27, 7.1492e7, true), list(Planet.JUPITER.facts()));
    }

    @Test
    void enumStaticGenerator() {
        assertEquals(List.of("MERCURY"), list(Planet.smallerThan(Planet.EARTH)));
        assertEquals(List.of("MERCURY", "EARTH"), list(Planet.smallerThan(Planet.JUPITER)));
    }

    @Test
    void recordInstanceGeneratorUsesItsComponents() {
        Span up = new Span(0, 10, 3);
        assertEquals(List.of(0, 3, 6, 9), list(up.values()));
        assertEquals(List.of(0, 3, 6, 9), list(up.values()));
        assertEquals(List.of(5, 3, 1), list(new Span(5, 0, -2).values()));
        assertEquals(List.of("from 0", "to 10", "Span[from=0, to=10, step=3]"), list(up.describe()));
    }

    @Test
    void recordStaticGeneratorCreatesRecords() {
        assertEquals(List.of(new Span(0, 5, 1), new Span(5, 10, 1)), list(Span.halves(0, 10)));
    }

    @Test
    void nestedStaticClassGeneratorReadsAPrivateStaticFieldOfTheEnclosingClass() {
        assertEquals(List.of("secret 42", "secret 43", "seen [s0, s1]"), list(new Outer.Nested().withSecret(2)));
        assertEquals(List.of("ab", "abab"), list(Outer.Nested.staticInNested("ab")));
        assertEquals(List.of(1, 2, 3), list(Outer.Nested.Deeper.depth()));
    }

    @Test
    void innerClassGeneratorUsesItsOuterInstancesPrivateMembers() {
        Outer outer = new Outer("> ");
        assertEquals(List.of("> w0", "> w1", "> created 2"), list(outer.inner(2).decorated("w")));
        assertEquals(2, outer.created());
    }
}
