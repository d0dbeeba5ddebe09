package protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.GeneratorExit;
import dev.generators.Yield;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code Yield.all} of a generator, whatever its method declares: the object behind an
 * {@code Iterable}, an {@code Iterator} or a {@code Coroutine} is a {@code Coroutine} at run time,
 * so it gets {@code send}, {@code raise} and {@code close} and gives its result, as Python's
 * {@code yield from} does. A {@code Stream} and a plain collection are plain iterators: their
 * {@code Yield.all} evaluates to null and receives nothing (docs/user-guide.md, "Yield.all").
 */
class YieldFromEveryDeclaredTypeTest {

    // The same body four times, declared each way: it echoes what it is sent, logs a raised
    // exception and its finally, and returns "result".

    @Generator
    static Iterable<String> sourceIterable(List<String> log) {
        try {
            String got = Yield.value("first");
            log.add("got " + got);
            Yield.value("second");
        } catch (ArithmeticException e) {
            log.add("caught " + e.getMessage());
            Yield.value("after catch");
        } finally {
            log.add("finally");
        }
        return Yield.done("result");
    }

    @Generator
    static Iterator<String> sourceIterator(List<String> log) {
        try {
            String got = Yield.value("first");
            log.add("got " + got);
            Yield.value("second");
        } catch (ArithmeticException e) {
            log.add("caught " + e.getMessage());
            Yield.value("after catch");
        } finally {
            log.add("finally");
        }
        return Yield.done("result");
    }

    @Generator
    static Stream<String> sourceStream(List<String> log) {
        try {
            String got = Yield.value("first");
            log.add("got " + got);
            Yield.value("second");
        } catch (ArithmeticException e) {
            log.add("caught " + e.getMessage());
            Yield.value("after catch");
        } finally {
            log.add("finally");
        }
        return Yield.done("result");
    }

    @Generator
    static Coroutine<String, String, String> sourceCoroutine(List<String> log) {
        try {
            String got = Yield.value("first");
            log.add("got " + got);
            Yield.value("second");
        } catch (ArithmeticException e) {
            log.add("caught " + e.getMessage());
            Yield.value("after catch");
        } finally {
            log.add("finally");
        }
        return Yield.done("result");
    }

    @Generator
    static Coroutine<String, String, Void> delegatesToIterable(List<String> log) {
        Object result = Yield.all(sourceIterable(log));
        log.add("Yield.all gave " + result);
        return Yield.done();
    }

    @Generator
    static Coroutine<String, String, Void> delegatesToIterator(List<String> log) {
        Object result = Yield.all(sourceIterator(log));
        log.add("Yield.all gave " + result);
        return Yield.done();
    }

    @Generator
    static Coroutine<String, String, Void> delegatesToCoroutine(List<String> log) {
        String result = Yield.all(sourceCoroutine(log));
        log.add("Yield.all gave " + result);
        return Yield.done();
    }

    /** The way to close a stream source with its delegator: try-with-resources around the Yield.all. */
    @Generator
    static Coroutine<String, String, Void> delegatesToStream(List<String> log) {
        try (Stream<String> source = sourceStream(log)) {
            Object result = Yield.all(source.iterator());
            log.add("Yield.all gave " + result);
        } catch (RuntimeException e) {
            log.add("Yield.all threw " + e.getClass().getSimpleName());
        }
        return Yield.done();
    }

    interface Delegator {
        Coroutine<String, String, Void> start(List<String> log);
    }

    /** Iterable, Iterator and Coroutine: the generator behind each is a Coroutine at run time. */
    private static final List<Delegator> GENERATOR_SOURCES = List.of(
            YieldFromEveryDeclaredTypeTest::delegatesToIterable,
            YieldFromEveryDeclaredTypeTest::delegatesToIterator,
            YieldFromEveryDeclaredTypeTest::delegatesToCoroutine);

    @Test
    void theObjectBehindEveryDeclaredTypeButStreamIsACoroutine() {
        List<String> log = new ArrayList<>();
        assertInstanceOf(Coroutine.class, sourceIterable(log).iterator());
        assertInstanceOf(Coroutine.class, sourceIterator(log));
        assertInstanceOf(Coroutine.class, sourceCoroutine(log));
        assertFalse(sourceStream(log) instanceof Iterator, "a Stream is not the generator behind it");
    }

    @Test
    void sendReachesAGeneratorSourceWhateverItDeclaresAndYieldAllGivesItsResult() {
        for (Delegator delegator : GENERATOR_SOURCES) {
            List<String> log = new ArrayList<>();
            Coroutine<String, String, Void> g = delegator.start(log);
            assertEquals("first", g.next());
            assertEquals("second", g.send("hello"));
            assertFalse(g.hasNext());
            assertEquals(List.of("got hello", "finally", "Yield.all gave result"), log);
        }
    }

    @Test
    void raiseReachesAGeneratorSourceWhateverItDeclares() {
        for (Delegator delegator : GENERATOR_SOURCES) {
            List<String> log = new ArrayList<>();
            Coroutine<String, String, Void> g = delegator.start(log);
            assertEquals("first", g.next());
            assertEquals("after catch", g.raise(new ArithmeticException("boom")));
            assertFalse(g.hasNext());
            assertEquals(List.of("caught boom", "finally", "Yield.all gave result"), log);
        }
    }

    @Test
    void closeReachesAGeneratorSourceWhateverItDeclares() {
        for (Delegator delegator : GENERATOR_SOURCES) {
            List<String> log = new ArrayList<>();
            Coroutine<String, String, Void> g = delegator.start(log);
            assertEquals("first", g.next());
            g.close();
            assertTrue(g.isDone());
            assertEquals(List.of("finally"), log, "the source's finally ran; the delegator's Yield.all never returned");
        }
    }

    // ---- a Stream, and plain sources: iterated, evaluating to null, receiving nothing ----

    @Test
    void aStreamSourceIsIteratedAndYieldAllGivesNull() {
        List<String> log = new ArrayList<>();
        Coroutine<String, String, Void> g = delegatesToStream(log);
        assertEquals(List.of("first", "second"), drain(g));
        assertEquals(List.of("got null", "finally", "Yield.all gave null"), log);
    }

    @Test
    void aValueSentThroughAStreamSourceIsRefusedAtTheYieldAll() {
        List<String> log = new ArrayList<>();
        Coroutine<String, String, Void> g = delegatesToStream(log);
        assertEquals("first", g.next());
        assertThrows(NoSuchElementException.class, () -> g.send("hello"), "the delegator caught it and finished");
        assertEquals(List.of("finally", "Yield.all threw UnsupportedOperationException"), log);
    }

    @Test
    void closingTheDelegatorClosesAStreamSourceThroughTryWithResources() {
        List<String> log = new ArrayList<>();
        Coroutine<String, String, Void> g = delegatesToStream(log);
        assertEquals("first", g.next());
        g.close();
        assertEquals(List.of("finally"), log);
    }

    @Generator
    static Coroutine<String, String, Void> delegatesToPlain(List<String> log) {
        try {
            Object result = Yield.all(List.of("a", "b"));
            log.add("Yield.all gave " + result);
        } catch (ArithmeticException e) {
            log.add("the Yield.all threw " + e.getMessage());
        } catch (GeneratorExit e) {
            log.add("the Yield.all threw GeneratorExit");
            throw e;
        }
        return Yield.done();
    }

    @Test
    void aPlainIterableGivesNullAndRaiseAndCloseAreThrownAtTheYieldAll() {
        List<String> log = new ArrayList<>();
        assertEquals(List.of("a", "b"), drain(delegatesToPlain(log)));
        assertEquals(List.of("Yield.all gave null"), log);

        log.clear();
        Coroutine<String, String, Void> raised = delegatesToPlain(log);
        assertEquals("a", raised.next());
        assertThrows(NoSuchElementException.class, () -> raised.raise(new ArithmeticException("boom")));
        assertEquals(List.of("the Yield.all threw boom"), log);

        log.clear();
        Coroutine<String, String, Void> closed = delegatesToPlain(log);
        assertEquals("a", closed.next());
        closed.close();
        assertEquals(List.of("the Yield.all threw GeneratorExit"), log);
    }

    private static List<String> drain(Iterator<String> g) {
        List<String> seen = new ArrayList<>();
        g.forEachRemaining(seen::add);
        return seen;
    }
}
