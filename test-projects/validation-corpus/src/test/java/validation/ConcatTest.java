package validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static validation.Collect.list;
import static validation.Collect.of;

import dev.generators.Coroutine;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class ConcatTest {

    @Test
    void yieldsInsideConcatenations() {
        Coroutine<Object, Object, String> c = Concat.concat("n", 7);
        assertEquals("first", c.next());
        assertEquals("<n:F|7>", c.send("F"));
        assertEquals(7, c.send(null));
        assertEquals("c8589934592L0.5nulltruex2.5", c.send("L"));
        assertEquals("last", c.send(null));
        assertEquals("really last", c.send("A"));
        assertThrows(NoSuchElementException.class, () -> c.send("B"));
        assertEquals("A!B", c.result());
    }

    @Test
    void compoundAssignment() {
        Coroutine<String, Object, String> c = Concat.accumulate(3);
        assertEquals("", c.next());
        assertEquals("a,", c.send("a"));
        assertEquals("a,b,", c.send("b"));
        assertThrows(NoSuchElementException.class, () -> c.send("c"));
        assertEquals("a,b,c,98|a1", c.result());
    }

    @Test
    void manyOperands() {
        assertEquals(of("head", "null-1-2-c", "mid", "1122cc12c12c12c12cnull12c12c12c"),
                list(Concat.manyOperands(1, 2L, "c")));
    }
}
