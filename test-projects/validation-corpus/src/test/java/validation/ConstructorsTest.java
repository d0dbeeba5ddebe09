package validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static validation.Collect.list;
import static validation.Collect.of;

import dev.generators.Coroutine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class ConstructorsTest {

    @Test
    void discardedNewWithAYieldInItsArguments() {
        List<String> log = new ArrayList<String>();
        Coroutine<String, Object, Void> c = Constructors.discarded(log, "a", "b");
        assertEquals("a", c.next());
        assertEquals(Collections.emptyList(), log);
        assertEquals("b", c.send("x"));
        assertEquals(of("Foo(x)", "between"), log);
        assertThrows(NoSuchElementException.class, () -> c.send("y"));
        assertEquals(of("Foo(x)", "between", "Foo(y)", "Foo(no yield)"), log);
        assertTrue(c.isDone());
    }

    @Test
    void discardedNewInALoop() {
        List<String> log = new ArrayList<String>();
        assertEquals(of("v0", "v1"), list(Constructors.discardedIterable(log, 2)));
        assertEquals(of("Foo(null/0)", "Foo(null/1)"), log);
    }

    @Test
    void twoUninitializedObjectsOnTheStack() {
        Coroutine<String, Object, String> c = Constructors.nested();
        assertEquals("first", c.next());
        assertEquals("second", c.send("1"));
        assertEquals("third", c.send("2"));
        assertEquals("(1, (2, 3))", c.send("3"));
        assertEquals("last", c.send(null));
        assertThrows(NoSuchElementException.class, () -> c.send("4"));
        assertEquals("((1, (2, 3)), (4, null))", c.result());
    }

    @Test
    void innerClassCreatedWithAnotherOuterInstance() {
        Constructors host = new Constructors("host:");
        Constructors other = new Constructors("other:");
        Coroutine<String, Object, Void> c = host.inners(other, 2);
        assertEquals("inner 0", c.next());
        assertEquals("host:other:X", c.send("X"));
        assertEquals("inner 1", c.send(null));
        assertEquals("host:other:Y", c.send("Y"));
        assertThrows(NoSuchElementException.class, () -> c.send(null));
    }

    @Test
    void nullOuterInstanceFailsBeforeTheYield() {
        Coroutine<String, Object, Void> c = new Constructors("host:").inners(null, 1);
        assertThrows(NullPointerException.class, c::next);
    }

    @Test
    void anonymousClassWithAYieldForItsConstructorArgument() {
        Coroutine<String, Object, Void> c = Constructors.anonymous("!");
        assertEquals("anon", c.next());
        assertEquals("anon:V!", c.send("V"));
        assertThrows(NoSuchElementException.class, () -> c.send(null));
    }

    @Test
    void arrays() {
        Coroutine<String, Object, Void> c = Constructors.arrays();
        assertEquals("x", c.next());
        assertEquals("y", c.send("X"));
        assertEquals("[a, X, c, Y]", c.send("Y"));
        assertEquals("length", c.send(null));
        assertEquals("last", c.send(3));
        assertEquals("[0, 0, 7]", c.send(7));
        assertEquals("columns", c.send(null));
        assertEquals("2x4", c.send(4));
        assertThrows(NoSuchElementException.class, () -> c.send(null));
    }

    @Test
    void builderChain() {
        Coroutine<String, Object, Void> c = Constructors.builder();
        assertEquals("start", c.next());
        assertEquals("a", c.send("S"));
        assertEquals("b", c.send("A"));
        assertEquals("B-AS", c.send("B"));
        assertThrows(NoSuchElementException.class, () -> c.send(null));
    }
}
