package validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static validation.Collect.of;

import dev.generators.Coroutine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class ProtocolTest {

    @Test
    void send() {
        Coroutine<Double, Double, Integer> c = Protocol.averager();
        assertNull(c.next());
        assertEquals(10.0, c.send(10.0), 0.0);
        assertEquals(15.0, c.send(20.0), 0.0);
        assertThrows(NoSuchElementException.class, () -> c.send(null));
        assertEquals(2, (int) c.result());
        assertTrue(c.isDone());
    }

    @Test
    void sendForwardedThroughYieldAll() {
        List<String> log = new ArrayList<String>();
        Coroutine<Object, Double, String> c = Protocol.delegator(log);
        assertNull(c.next());
        assertEquals(of("start"), log);
        assertEquals(4.0, c.send(4.0));
        assertEquals(6.0, c.send(8.0));
        assertEquals("after 2", c.send(null));
        assertEquals(of("start", "count 2"), log);
        assertThrows(NoSuchElementException.class, () -> c.send(null));
        assertEquals("done 2", c.result());
    }

    @Test
    void closeRunsFinally() {
        List<String> log = new ArrayList<String>();
        Coroutine<Integer, Object, Void> c = Protocol.counting(log);
        assertEquals(0, (int) c.next());
        assertEquals(1, (int) c.next());
        c.close();
        assertEquals(of("finally"), log);
        assertTrue(c.isDone());
        assertThrows(IllegalStateException.class, c::result);

        List<String> untouched = new ArrayList<String>();
        Coroutine<Integer, Object, Void> fresh = Protocol.counting(untouched);
        fresh.close();
        assertEquals(Collections.emptyList(), untouched);
        assertTrue(fresh.isDone());
    }

    @Test
    void closeTurnedIntoAResult() {
        Coroutine<Integer, Object, String> c = Protocol.closeToResult();
        assertEquals(0, (int) c.next());
        assertEquals(1, (int) c.next());
        c.close();
        assertEquals("closed after 2", c.result());
    }

    @Test
    void raiseCaughtByTheBody() {
        Coroutine<String, String, String> c = Protocol.raiser();
        assertEquals("last none", c.next());
        assertEquals("last x", c.send("x"));
        assertEquals("last raised bad", c.raise(new IllegalArgumentException("bad")));
        IllegalStateException fatal = new IllegalStateException("fatal");
        assertEquals(fatal, assertThrows(IllegalStateException.class, () -> c.raise(fatal)));
        assertTrue(c.isDone());

        Coroutine<String, String, String> d = Protocol.raiser();
        assertEquals("last none", d.next());
        assertThrows(NoSuchElementException.class, () -> d.send(null));
        assertEquals("none", d.result());
    }

    @Test
    void raiseAndCloseForwardedThroughYieldAll() {
        List<String> log = new ArrayList<String>();
        Coroutine<String, String, String> c = Protocol.outerOfRaiser(log);
        assertEquals("last none", c.next());
        assertEquals("last a", c.send("a"));
        assertEquals("last raised r", c.raise(new IllegalArgumentException("r")));
        assertEquals("inner returned raised r", c.send(null));
        assertThrows(NoSuchElementException.class, () -> c.send(null));
        assertEquals("outer raised r", c.result());
        assertEquals(of("outer finally"), log);

        List<String> closing = new ArrayList<String>();
        Coroutine<String, String, String> d = Protocol.outerOfRaiser(closing);
        assertEquals("last none", d.next());
        d.close();
        assertEquals(of("outer finally"), closing);
        assertTrue(d.isDone());
    }
}
