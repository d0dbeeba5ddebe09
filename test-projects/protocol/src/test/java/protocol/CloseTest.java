package protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.GeneratorExit;
import dev.generators.Yield;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** {@code close}: Python's {@code g.close()} (PEP 342). */
class CloseTest {

    /** Records its closing. */
    record Resource(String name, List<String> log) implements AutoCloseable {
        @Override
        public void close() {
            log.add("closed " + name);
        }
    }

    @Generator
    static Coroutine<Integer, Object, Void> nestedFinally(List<String> log) {
        try {
            try {
                try {
                    log.add("started");
                    Yield.value(1);
                    log.add("resumed");
                } finally {
                    log.add("inner");
                }
            } finally {
                log.add("middle");
            }
        } finally {
            log.add("outer");
        }
        return Yield.done();
    }

    @Generator
    static Coroutine<String, Object, Void> resources(List<String> log) {
        try (Resource a = new Resource("a", log); Resource b = new Resource("b", log)) {
            try (Resource c = new Resource("c", log)) {
                Yield.value("inside " + a.name() + b.name() + c.name());
                log.add("resumed");
            }
        }
        return Yield.done();
    }

    @Generator
    static Iterator<Integer> countsForever(List<String> log) {
        try {
            for (int i = 0; ; i++) {
                Yield.value(i);
            }
        } finally {
            log.add("finally");
        }
    }

    @Generator
    static Coroutine<String, Object, Void> ignoresGeneratorExit(List<String> log) {
        try {
            Yield.value("first");
        } catch (GeneratorExit e) {
            log.add("caught GeneratorExit");
            Yield.value("refusing to die");
            log.add("resumed after refusing");
        }
        return Yield.done();
    }

    @Generator
    static Coroutine<String, Object, String> returnsOnClose() {
        int seen = 0;
        try {
            while (true) {
                Yield.value("tick");
                seen++;
            }
        } catch (GeneratorExit e) {
            return Yield.done("closed after " + seen);
        }
    }

    @Generator
    static Coroutine<String, Object, Void> failsWhileClosing(List<String> log) {
        try {
            Yield.value("first");
        } catch (GeneratorExit e) {
            log.add("closing");
            throw new ArithmeticException("failed while closing");
        } finally {
            log.add("finally");
        }
        return Yield.done();
    }

    @Generator
    static Coroutine<String, Object, Void> catchesEveryException(List<String> log) {
        try {
            Yield.value("first");
        } catch (Exception e) {
            log.add("caught " + e);
            Yield.value("swallowed");
        } finally {
            log.add("finally");
        }
        return Yield.done();
    }

    @Generator
    static Coroutine<String, Object, Void> seesGeneratorExitAsThrowable(List<String> log) {
        try {
            Yield.value("first");
        } catch (Throwable t) {
            log.add("saw " + t.getClass().getName());
            throw t;
        }
        return Yield.done();
    }

    @Generator
    static Coroutine<String, Object, Void> replacesGeneratorExit(List<String> log) {
        try {
            Yield.value("first");
        } catch (GeneratorExit e) {
            log.add("replacing it");
            throw new GeneratorExit();
        }
        return Yield.done();
    }

    @Generator
    static Coroutine<String, Object, Void> failsWithACheckedExceptionWhileClosing(IOException failure) throws IOException {
        try {
            Yield.value("first");
        } catch (GeneratorExit e) {
            throw failure;
        }
        return Yield.done();
    }

    @Generator
    static Coroutine<String, Object, Void> catchesGeneratorExitAndYields(List<String> log) {
        try {
            Yield.value("first");
        } catch (GeneratorExit e) {
            log.add("caught");
            Yield.value("yielded after GeneratorExit");
        }
        return Yield.done();
    }

    @Generator
    static Coroutine<String, Object, Void> yieldsInAFinallyEnteredByAnException(List<String> log) {
        try {
            Yield.value("in try");
        } finally {
            Yield.value("in finally");
            log.add("finally done");
        }
        return Yield.done();
    }

    @Test
    void closeRunsFinallyBlocksInnermostFirst() {
        List<String> log = new ArrayList<>();
        Coroutine<Integer, Object, Void> g = nestedFinally(log);
        assertEquals(1, g.next());
        g.close();
        assertEquals(List.of("started", "inner", "middle", "outer"), log);
        assertTrue(g.isDone());
        assertFalse(g.hasNext());
        assertThrows(NoSuchElementException.class, g::next);
        assertThrows(NoSuchElementException.class, () -> g.send(null));
    }

    @Test
    void closeClosesTryWithResourcesInnermostFirst() {
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, Void> g = resources(log);
        assertEquals("inside abc", g.next());
        assertEquals(List.of(), log);
        g.close();
        assertEquals(List.of("closed c", "closed b", "closed a"), log);
        assertTrue(g.isDone());
    }

    @Test
    void runningToTheEndClosesTryWithResourcesInnermostFirst() {
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, Void> g = resources(log);
        g.next();
        assertFalse(g.hasNext());
        assertEquals(List.of("resumed", "closed c", "closed b", "closed a"), log);
    }

    @Test
    void closeBeforeTheFirstResumeRunsNothingAndFinishesTheGenerator() {
        List<String> log = new ArrayList<>();
        Coroutine<Integer, Object, Void> g = nestedFinally(log);
        g.close();
        assertEquals(List.of(), log, "no finally block ran");
        assertTrue(g.isDone());
        assertFalse(g.hasNext());
        assertThrows(NoSuchElementException.class, g::next);
        assertEquals(List.of(), log);
    }

    @Test
    void closeAfterTheEndDoesNothing() {
        List<String> log = new ArrayList<>();
        Coroutine<Integer, Object, Void> g = nestedFinally(log);
        g.next();
        assertFalse(g.hasNext());
        List<String> atEnd = List.copyOf(log);
        g.close();
        g.close();
        assertEquals(atEnd, log);
        assertTrue(g.isDone());
        assertEquals(null, g.result(), "closing a finished generator keeps its (null) result");
    }

    @Test
    void closeTwiceRunsTheFinallyBlocksOnce() {
        List<String> log = new ArrayList<>();
        Coroutine<Integer, Object, Void> g = nestedFinally(log);
        g.next();
        g.close();
        g.close();
        assertEquals(List.of("started", "inner", "middle", "outer"), log);
    }

    @Test
    void closeWhileHasNextHoldsAnUntakenValueStillRunsTheFinallyBlock() {
        List<String> log = new ArrayList<>();
        Iterator<Integer> it = countsForever(log);
        assertTrue(it.hasNext());
        ((Coroutine<?, ?, ?>) it).close();
        assertEquals(List.of("finally"), log);
        assertFalse(it.hasNext());
    }

    @Test
    void aGeneratorDeclaredIteratorIsACoroutineThatCanBeClosed() {
        List<String> log = new ArrayList<>();
        Iterator<Integer> it = countsForever(log);
        Coroutine<?, ?, ?> g = assertInstanceOf(Coroutine.class, it);
        assertEquals(0, it.next());
        assertEquals(1, it.next());
        g.close();
        assertEquals(List.of("finally"), log);
        assertTrue(g.isDone());
        assertFalse(it.hasNext());
    }

    @Test
    void aBodyThatYieldsWhileClosingMakesCloseThrowIllegalStateAndIsDoneAfter() {
        // Python: RuntimeError('generator ignored GeneratorExit')
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, Void> g = ignoresGeneratorExit(log);
        assertEquals("first", g.next());
        assertThrows(IllegalStateException.class, g::close);
        assertEquals(List.of("caught GeneratorExit"), log);
        assertTrue(g.isDone());
        assertFalse(g.hasNext());
        assertThrows(NoSuchElementException.class, g::next);
        assertThrows(IllegalStateException.class, g::result);
        g.close(); // closing it again does nothing
        assertEquals(List.of("caught GeneratorExit"), log);
    }

    @Test
    void aBodyThatReturnsWhileClosingGivesItsResult() {
        // Python 3.13: g.close() returns 'closed after 2'
        Coroutine<String, Object, String> g = returnsOnClose();
        g.next();
        g.next();
        g.next();
        g.close();
        assertTrue(g.isDone());
        assertEquals("closed after 2", g.result());
    }

    @Test
    void anExceptionOtherThanGeneratorExitThrownWhileClosingPropagatesFromClose() {
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, Void> g = failsWhileClosing(log);
        g.next();
        ArithmeticException thrown = assertThrows(ArithmeticException.class, g::close);
        assertEquals("failed while closing", thrown.getMessage());
        assertEquals(List.of("closing", "finally"), log);
        assertTrue(g.isDone());
        assertThrows(IllegalStateException.class, g::result);
    }

    @Test
    void catchExceptionInTheBodyDoesNotCatchGeneratorExit() {
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, Void> g = catchesEveryException(log);
        assertEquals("first", g.next());
        g.close();
        assertEquals(List.of("finally"), log);
        assertTrue(g.isDone());
    }

    @Test
    void catchThrowableSeesGeneratorExitAndRethrowingItLetsCloseFinish() {
        // except BaseException: raise
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, Void> g = seesGeneratorExitAsThrowable(log);
        g.next();
        g.close();
        assertEquals(List.of("saw dev.generators.GeneratorExit"), log);
        assertTrue(g.isDone());
        assertThrows(IllegalStateException.class, g::result);
    }

    @Test
    void generatorExitIsAnErrorNotAnException() {
        assertInstanceOf(Error.class, new GeneratorExit());
    }

    @Test
    void aBodyThatThrowsAnotherGeneratorExitWhileClosingLetsCloseFinish() {
        // Python: any GeneratorExit escaping the body means the close succeeded
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, Void> g = replacesGeneratorExit(log);
        g.next();
        g.close();
        assertEquals(List.of("replacing it"), log);
        assertTrue(g.isDone());
    }

    @Test
    void aCheckedExceptionThrownWhileClosingPropagatesUnwrappedFromClose() throws IOException {
        IOException failure = new IOException("flush failed");
        Coroutine<String, Object, Void> g = failsWithACheckedExceptionWhileClosing(failure);
        g.next();
        assertSame(failure, assertThrows(IOException.class, g::close));
        assertTrue(g.isDone());
    }

    @Test
    void raisingGeneratorExitIsNotACloseSoTheBodyMayYield() {
        // Python: g.throw(GeneratorExit) returns the next yield; only close() raises RuntimeError
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, Void> g = catchesGeneratorExitAndYields(log);
        g.next();
        assertEquals("yielded after GeneratorExit", g.raise(new GeneratorExit()));
        assertEquals(List.of("caught"), log);
        assertFalse(g.isDone());
    }

    @Test
    void closeAtAYieldInAFinallyEnteredByAnExceptionDiscardsThatException() {
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, Void> g = yieldsInAFinallyEnteredByAnException(log);
        g.next();
        assertEquals("in finally", g.raise(new IllegalArgumentException("pending")));
        g.close(); // no IllegalArgumentException: GeneratorExit replaced it, and close swallows that
        assertTrue(g.isDone());
        assertEquals(List.of(), log);
        assertThrows(IllegalStateException.class, g::result);
    }
}
