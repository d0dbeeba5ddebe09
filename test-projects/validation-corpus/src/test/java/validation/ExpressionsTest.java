package validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static validation.Collect.list;
import static validation.Collect.of;

import dev.generators.Coroutine;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class ExpressionsTest {

    @Test
    void yieldsAmongLongAndDoubleArguments() {
        Coroutine<Object, Object, String> c = Expressions.arguments();
        assertEquals("b", c.next());
        assertEquals("d", c.send("B"));
        assertThrows(NoSuchElementException.class, () -> c.send(4));
        assertEquals("1099511627776|B|2.5|4", c.result());
    }

    @Test
    void conditionalsAndShortCircuits() {
        Coroutine<Object, Object, String> c = Expressions.conditionals(true);
        assertEquals("left?", c.next());
        assertEquals("a?", c.send("L"));
        assertEquals("b?", c.send("A"));
        assertEquals("c?", c.send(null));
        assertEquals("d?", c.send(null));
        assertThrows(NoSuchElementException.class, () -> c.send("D"));
        assertEquals("L false true", c.result());

        Coroutine<Object, Object, String> d = Expressions.conditionals(false);
        assertEquals("right?", d.next());
        assertEquals("a?", d.send("R"));
        assertEquals("c?", d.send(null));
        assertThrows(NoSuchElementException.class, () -> d.send("C"));
        assertEquals("R false true", d.result());
    }

    @Test
    void compoundAssignmentsToArrayElementsAndFields() {
        Expressions e = new Expressions();
        int[] array = {1, 2};
        Coroutine<String, Integer, String> c = e.compound(array);
        assertEquals("add to 0", c.next());
        assertEquals("add to 1", c.send(10));
        assertEquals("add to total", c.send(20));
        assertEquals("multiply total", c.send(5));
        assertEquals("subtract", c.send(3));
        assertThrows(NoSuchElementException.class, () -> c.send(4));
        assertEquals("15 6", c.result());
        assertArrayEquals(new int[] {11, 22}, array);
        assertEquals(15, e.total());
    }

    @Test
    void incrementsAndCasts() {
        Coroutine<Object, Object, String> c = new Expressions().increments();
        assertEquals("one", c.next());
        assertEquals(6, c.send(1));
        assertEquals("two", c.send(null));
        assertEquals(16L, c.send(2));
        assertEquals(0, c.send(null));
        assertEquals("three", c.send(null));
        assertThrows(NoSuchElementException.class, () -> c.send("abc"));
        assertEquals("6 8 1 string 3", c.result());
    }

    @Test
    void boxingMathMaxAndAssert() {
        Coroutine<Object, Integer, List<Integer>> c = Expressions.boxing(2);
        assertEquals(0, c.next());
        assertEquals(1, c.send(7));
        assertEquals("x", c.send(8));
        assertEquals("y", c.send(3));
        assertThrows(NoSuchElementException.class, () -> c.send(9));
        assertEquals(of(7, 8, 9), c.result());

        AssertionError e = assertThrows(AssertionError.class, () -> Expressions.boxing(-1).next());
        assertEquals("negative -1", e.getMessage());
    }

    @Test
    void checkedExceptionPropagatesUnchanged() throws IOException {
        assertEquals(of("opening f", "opened f"), list(Expressions.checked("f")));
        Iterator<String> it = Expressions.checked("").iterator();
        assertEquals("opening ", it.next());
        IOException e = assertThrows(IOException.class, it::next);
        assertEquals("empty path", e.getMessage());
    }

    @Test
    void wideValuesUnderConditionals() {
        Coroutine<Object, Object, String> c = Expressions.wideUnderConditionals(true, "p");
        assertEquals("long?", c.next());
        assertEquals("a?", c.send(3L));
        assertEquals("arg?", c.send("A"));
        assertThrows(NoSuchElementException.class, () -> c.send("X"));
        assertEquals("34359738371|X|0.5|3", c.result());

        Coroutine<Object, Object, String> d = Expressions.wideUnderConditionals(false, "p");
        assertEquals("double?", d.next());
        assertEquals("c?", d.send(4.0));
        assertThrows(NoSuchElementException.class, () -> d.send("C"));
        assertEquals("34359738373|pb34359738368C1.0|1.0|5", d.result());
    }

    @Test
    void catchesInALoop() {
        assertEquals(of("sum 1", "trimmed 3", "inner finally", "recovered", "skipped x", "inner finally", "sum 7"),
                list(Expressions.catchesInALoop("1", " 2 ", " x", "4")));
    }
}
