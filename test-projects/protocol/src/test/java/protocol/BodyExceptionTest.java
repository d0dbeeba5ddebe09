package protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** An exception thrown by the body propagates unchanged out of the call that resumed it and ends the run. */
class BodyExceptionTest {

    @Generator
    static Coroutine<String, String, Void> failsOnCommand(RuntimeException failure, List<String> log) {
        try {
            for (int i = 0; ; i++) {
                String command = Yield.value("ready " + i);
                if ("fail".equals(command)) {
                    throw failure;
                }
            }
        } finally {
            log.add("finally");
        }
    }

    @Generator
    static Coroutine<String, Object, Void> failsAfterFirst(RuntimeException failure) {
        Yield.value("first");
        throw failure;
    }

    @Generator
    static Coroutine<String, Object, Void> failsAtOnce(RuntimeException failure, List<String> log) {
        log.add("started");
        if (failure != null) {
            throw failure;
        }
        Yield.value("unreached");
        return Yield.done();
    }

    @Generator
    static Coroutine<String, Object, Void> translates() {
        try {
            Yield.value("first");
        } catch (IllegalArgumentException e) {
            throw new ArithmeticException("translated " + e.getMessage());
        }
        return Yield.done();
    }

    @Generator
    static Iterator<String> readsLines(IOException failure) throws IOException {
        Yield.value("line 1");
        if (failure != null) {
            throw failure;
        }
        return Yield.done();
    }

    @Test
    void aBodyExceptionPropagatesFromNextUnchangedAndEndsTheRun() {
        IllegalArgumentException failure = new IllegalArgumentException("broken");
        Coroutine<String, Object, Void> g = failsAfterFirst(failure);
        assertEquals("first", g.next());
        assertSame(failure, assertThrows(IllegalArgumentException.class, g::next));
        assertTrue(g.isDone());
        assertFalse(g.hasNext());
        assertThrows(NoSuchElementException.class, g::next);
        assertThrows(NoSuchElementException.class, () -> g.send(null));
    }

    @Test
    void aBodyExceptionPropagatesFromSendAfterTheFinallyRan() {
        List<String> log = new ArrayList<>();
        IllegalArgumentException failure = new IllegalArgumentException("on command");
        Coroutine<String, String, Void> g = failsOnCommand(failure, log);
        assertEquals("ready 0", g.next());
        assertEquals("ready 1", g.send("carry on"));
        assertSame(failure, assertThrows(IllegalArgumentException.class, () -> g.send("fail")));
        assertEquals(List.of("finally"), log);
        assertTrue(g.isDone());
        assertThrows(NoSuchElementException.class, () -> g.send("again"));
        assertThrows(NoSuchElementException.class, g::next);
    }

    @Test
    void aBodyExceptionThrownWhileHandlingARaisePropagatesFromRaise() {
        Coroutine<String, Object, Void> g = translates();
        g.next();
        ArithmeticException thrown = assertThrows(ArithmeticException.class,
                () -> g.raise(new IllegalArgumentException("x")));
        assertEquals("translated x", thrown.getMessage());
        assertTrue(g.isDone());
        assertThrows(NoSuchElementException.class, g::next);
    }

    @Test
    void aBodyExceptionBeforeTheFirstYieldPropagatesFromTheFirstNext() {
        List<String> log = new ArrayList<>();
        IllegalStateException failure = new IllegalStateException("at once");
        Coroutine<String, Object, Void> g = failsAtOnce(failure, log);
        assertSame(failure, assertThrows(IllegalStateException.class, g::next));
        assertEquals(List.of("started"), log);
        assertTrue(g.isDone());
        assertThrows(NoSuchElementException.class, g::next);
    }

    @Test
    void hasNextThrowsTheBodyExceptionWhenItRunsAheadAndIsFalseAfter() {
        UnsupportedOperationException failure = new UnsupportedOperationException("ahead");
        Coroutine<String, Object, Void> g = failsAfterFirst(failure);
        assertTrue(g.hasNext());
        assertEquals("first", g.next());
        assertSame(failure, assertThrows(UnsupportedOperationException.class, g::hasNext));
        assertTrue(g.isDone());
        assertFalse(g.hasNext());
        assertThrows(NoSuchElementException.class, g::next);
    }

    @Test
    void aCheckedExceptionFromTheBodyPropagatesUnwrapped() throws IOException {
        IOException failure = new IOException("disk");
        Iterator<String> lines = readsLines(failure);
        assertEquals("line 1", lines.next());
        assertSame(failure, assertThrows(IOException.class, lines::next));
        assertFalse(lines.hasNext());
    }

    @Test
    void aCheckedExceptionFromTheBodyPropagatesFromHasNextUnwrapped() throws IOException {
        IOException failure = new IOException("disk");
        Iterator<String> lines = readsLines(failure);
        lines.next();
        assertSame(failure, assertThrows(IOException.class, lines::hasNext));
    }

    @Test
    void anIteratorGeneratorWithoutFailureEndsNormally() throws IOException {
        Iterator<String> lines = readsLines(null);
        assertEquals("line 1", lines.next());
        assertFalse(lines.hasNext());
    }
}
