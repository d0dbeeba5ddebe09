package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EdgesTest {

    private static List<Object> list(Iterable<?> values) {
        List<Object> all = new ArrayList<>();
        values.forEach(all::add);
        return all;
    }

    @Test
    void subtypesAndDeclaredTypesWiderThanTheElement() {
        assertEquals(Arrays.asList(1, 2L, 3.5, new BigDecimal("4"), null), list(Edges.subtypes()));
        assertEquals(List.of(7L, 8L), list(Edges.declaredWider()));
        assertEquals(List.of(List.of("a")), list(Edges.interfaceIntoAClass()));
        assertEquals("text,builder,copy,copy",
                list(Edges.classesIntoAnInterface()).stream().map(String::valueOf).collect(Collectors.joining(",")));
        assertEquals(List.of(1, "one", TimeUnit.SECONDS), list(Edges.comparables()));
    }

    @Test
    void wildcardsAndTypeVariables() {
        assertEquals(List.of(1), list(Edges.upperWildcard()));
        assertEquals(List.of(2, "an Object all the same"), list(Edges.lowerWildcard()));
        assertEquals(3, list(Edges.anything()).get(1));
        assertEquals(List.of(3, 2, 1), list(Edges.largestFirst(List.of(2, 3, 1))));
        assertEquals(List.of("x", "x"), Edges.repeat("x", 2).collect(Collectors.toList()));
        Edges.Box<String> box = new Edges.Box<>();
        box.items.add("b");
        List<String> twice = new ArrayList<>();
        box.twice().forEachRemaining(twice::add);
        assertEquals(List.of("b", "b"), twice);
        Edges.Source<Integer> source = () -> List.of(5, 6);
        List<Integer> each = new ArrayList<>();
        source.each().forEachRemaining(each::add);
        assertEquals(List.of(5, 6), each);
    }

    @Test
    void rawTypesAndObjectAreNotChecked() {
        assertEquals(List.of("r", 1), list(Edges.raw(List.of("r"))));
        assertEquals(List.of("s"), list(Edges.fromRaw(List.of("s"))));
        assertEquals(List.of("o"), list(Edges.fromObject("o")));
    }

    @Test
    void arrays() {
        List<Object[]> arrays = new ArrayList<>();
        Edges.arrays().forEach(arrays::add);
        assertEquals("s", arrays.get(0)[0]);
        assertEquals(2, Edges.covariantArrays().iterator().next().length);
        assertEquals(2, Edges.primitiveArrays().iterator().next()[1]);
        assertEquals(2, list(Edges.arraysAreSerializable()).size());
    }

    @Test
    void recordsSealedInterfacesAndEnums() {
        assertEquals(List.of(new Edges.Circle(1), new Edges.Square(2)), list(Edges.shapes()));
        var describe = Edges.describe();
        assertEquals("circle?", describe.next());
        assertEquals("radius 2.0", describe.send(new Edges.Circle(2)));
        assertThrows(NoSuchElementException.class, () -> describe.send(new Edges.Square(3)));
        assertEquals(new Edges.Square(3), describe.result());
        assertEquals(List.of(Edges.Color.RED, TimeUnit.DAYS), list(Edges.enums()));
    }

    @Test
    void sendsResultsAndDelegations() {
        var sends = Edges.sends();
        assertEquals("an Integer, please", sends.next());
        assertEquals("a Comparable Number", sends.send(41));
        assertThrows(NoSuchElementException.class, () -> sends.send(0));
        assertEquals(42, sends.result());
        assertEquals(Arrays.asList(0, 1, 0, 3, 1, 2L, 1, 2L, 3.5, new BigDecimal("4"), null),
                list(Edges.delegations(new Edges.Names())));
        Edges.Names names = new Edges.Names();
        names.add("n");
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("k", 1);
        assertEquals(List.of("n", "k"), list(Edges.inherited(names, counts)));
        assertEquals(List.of(Map.entry("k", 1)), list(Edges.entries(counts)));
    }

    @Test
    void varargsNullsAndTypeVariablesOfMaps() {
        assertEquals(List.of(1, "mixed", "w", 1, 2, 3), list(Edges.varargs(new String[] {"w"})));
        assertEquals(Arrays.asList(null, null), list(Edges.nulls()));
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("k", 1);
        List<String> keys = new ArrayList<>();
        Edges.keys(counts).forEachRemaining(keys::add);
        assertEquals(List.of("k", "k"), keys);
    }

    @Test
    void coroutinesOnTheEventLoop() {
        assertEquals(List.of(1L, 4L, 9L, 16L), Waits.run());
    }
}
