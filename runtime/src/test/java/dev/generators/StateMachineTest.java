package dev.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The ends of the protocol, on a state machine written by hand as the rewriter would generate it. */
class StateMachineTest {

    /** {@code for (int i = 0; i < 2; i++) sum += Yield.value(i); return Yield.done(sum);} */
    static class TwoValues extends StateMachine<Integer, Integer, Integer> {
        int i;
        int sum;

        @Override
        protected Object resume() {
            if (state != 0) {
                Object sent = received();
                sum += sent == null ? 0 : (Integer) sent;
                i++;
            }
            if (i < 2) {
                state = 1;
                return i;
            }
            state = -1;
            return sum;
        }
    }

    @Test
    void sendSaysTheEndWithAnExceptionWithoutAStackTrace() {
        TwoValues generator = new TwoValues();
        assertEquals(0, generator.send(null));
        assertEquals(1, generator.send(10));
        NoSuchElementException end = assertThrows(NoSuchElementException.class, () -> generator.send(20));
        assertEquals(0, end.getStackTrace().length, "the protocol's normal end: no trace to pay for");
        assertTrue(end.getMessage().contains("has finished"), end.getMessage());
        assertEquals(30, generator.result());
        assertThrows(NoSuchElementException.class, () -> generator.send(null));
    }

    @Test
    void nextPastTheEndIsAMistakeAndKeepsItsStackTrace() {
        TwoValues generator = new TwoValues();
        generator.next();
        generator.next();
        NoSuchElementException end = assertThrows(NoSuchElementException.class, generator::next);
        assertTrue(end.getStackTrace().length > 0, "a caller's mistake should say where it was made");
    }

    @Test
    void raiseThatTheBodyHandlesAndFinishesSaysTheEndWithoutATrace() {
        TwoValues generator = new TwoValues() {
            @Override
            protected Object resume() {
                if (state == 0) {
                    state = 1;
                    return "first";
                }
                try {
                    received();
                } catch (IllegalArgumentException handled) {
                    state = -1;
                    return null;
                }
                throw new AssertionError("raise should have thrown at the yield");
            }
        };
        generator.next();
        NoSuchElementException end =
                assertThrows(NoSuchElementException.class, () -> generator.raise(new IllegalArgumentException()));
        assertEquals(0, end.getStackTrace().length);
        assertNull(generator.result());
    }

    /** Yields 0, 1, 2, logging each resume, and logs its finally block when closed at a yield. */
    static class Logged extends StateMachine<Integer, Object, Object> {
        final List<String> log;
        int i;

        Logged(List<String> log) {
            this.log = log;
        }

        @Override
        protected Object resume() {
            if (state != 0) {
                try {
                    received();
                } catch (GeneratorExit closed) {
                    log.add("finally");
                    throw closed;
                }
                i++;
            }
            log.add("resume " + i);
            if (i < 3) {
                state = 1;
                return i;
            }
            state = -1;
            return null;
        }
    }

    @Test
    void aStreamsTerminalOperationTakesEachValueBeforeTheBodyRunsOn() {
        List<String> log = new ArrayList<>();
        new Logged(log).asStream().forEach(value -> log.add("took " + value));
        assertEquals(Arrays.asList("resume 0", "took 0", "resume 1", "took 1", "resume 2", "took 2", "resume 3"), log);
    }

    @Test
    void aStreamWhoseConsumerFailsLeavesTheBodySuspendedSoThatClosingTheStreamRunsItsFinally() {
        List<String> log = new ArrayList<>();
        Logged generator = new Logged(log);
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> {
            try (Stream<Integer> values = generator.asStream()) {
                values.forEach(value -> {
                    if (value == 1) {
                        throw new IllegalStateException("consumer");
                    }
                });
            }
        });
        assertEquals("consumer", failure.getMessage());
        assertEquals(Arrays.asList("resume 0", "resume 1", "finally"), log);
        assertTrue(generator.isDone());
    }

    @Test
    void aStreamAfterHasNextFetchedAValueHandsThatValueOutFirst() {
        Logged generator = new Logged(new ArrayList<>());
        assertTrue(generator.hasNext());
        List<Integer> values = new ArrayList<>();
        generator.asStream().forEach(values::add);
        assertEquals(Arrays.asList(0, 1, 2), values);
        assertTrue(generator.isDone());
    }

    // ---- the watcher of coroutines ----

    /** Watches every coroutine created while it is installed, counting the first uses it is told of. */
    static final class Watcher implements java.util.function.Function<Coroutine<?, ?, ?>, Runnable>, AutoCloseable {
        final List<Coroutine<?, ?, ?>> watched = new ArrayList<>();
        final List<Coroutine<?, ?, ?>> used = new ArrayList<>();

        Watcher() {
            StateMachine.watchCoroutines(this);
        }

        @Override
        public Runnable apply(Coroutine<?, ?, ?> coroutine) {
            watched.add(coroutine);
            return () -> used.add(coroutine);
        }

        @Override
        public void close() {
            StateMachine.watchCoroutines(null);
        }
    }

    /** {@code return Yield.done(Yield.all(inner));} */
    static final class Delegating extends StateMachine<Object, Object, Object> {
        final java.util.Iterator<?> inner;

        Delegating(java.util.Iterator<?> inner) {
            this.inner = inner;
        }

        @Override
        protected Object resume() {
            if (state == 0) {
                state = 1;
                return yieldAll(inner);
            }
            Object result = received();
            state = -1;
            return result;
        }
    }

    static final class Fib {
        static final class fibonacci$Generator extends TwoValues {}
    }

    @Test
    void aWatchedCoroutineIsToldOfItsFirstUseWhateverTheUseAndOnlyOnce() {
        List<java.util.function.Consumer<TwoValues>> uses = Arrays.asList(
                TwoValues::next,
                TwoValues::hasNext,
                g -> g.send(null),
                g -> assertThrows(IllegalStateException.class, () -> g.send(5)),
                g -> assertThrows(IllegalArgumentException.class, () -> g.raise(new IllegalArgumentException())),
                TwoValues::close,
                g -> g.asStream().forEach(v -> {}),
                g -> new Delegating(g).forEachRemaining(v -> {}));
        for (java.util.function.Consumer<TwoValues> use : uses) {
            try (Watcher watcher = new Watcher()) {
                TwoValues generator = new TwoValues();
                assertEquals(generator, generator.coroutineCreated());
                assertEquals(Arrays.asList(generator), watcher.watched);
                assertTrue(generator.toString().endsWith("(not started)"), generator::toString);
                assertEquals(false, generator.isDone());
                use.accept(generator);
                assertEquals(Arrays.asList(generator), watcher.used);
                generator.forEachRemaining(v -> {});
                generator.close();
                assertEquals(Arrays.asList(generator), watcher.used, "told once");
            }
        }
    }

    @Test
    void aWatchedCoroutineBehavesAsAPlainOneOnceUsed() {
        try (Watcher watcher = new Watcher()) {
            TwoValues generator = new TwoValues();
            generator.coroutineCreated();
            assertEquals(0, generator.send(null));
            assertEquals(1, generator.send(10));
            assertThrows(NoSuchElementException.class, () -> generator.send(20));
            assertEquals(30, generator.result());
        }
    }

    @Test
    void aRealReentryIsStillRefusedAfterTheWatch() {
        try (Watcher watcher = new Watcher()) {
            StateMachine<?, ?, ?>[] self = new StateMachine<?, ?, ?>[1];
            TwoValues generator = new TwoValues() {
                @Override
                protected Object resume() {
                    self[0].next();
                    return null;
                }
            };
            self[0] = generator;
            generator.coroutineCreated();
            IllegalStateException reentry = assertThrows(IllegalStateException.class, generator::next);
            assertTrue(reentry.getMessage().contains("is already running"), reentry.getMessage());
        }
    }

    @Test
    void withoutAWatcherOrWhenItDeclinesACoroutineIsNotWatched() {
        TwoValues unwatched = new TwoValues();
        unwatched.coroutineCreated();
        assertTrue(unwatched.toString().endsWith("(not started)"), unwatched::toString);
        StateMachine.watchCoroutines(coroutine -> null);
        try {
            TwoValues declined = new TwoValues();
            declined.coroutineCreated();
            assertEquals(0, declined.next());
        } finally {
            StateMachine.watchCoroutines(null);
        }
    }

    @Test
    void aGeneratorIsNamedByItsClassAlsoOnceItIsGone() {
        assertEquals(
                "generator dev.generators.StateMachineTest$Fib.fibonacci",
                StateMachine.describe(Fib.fibonacci$Generator.class));
        assertEquals("generator java.lang.String", StateMachine.describe(String.class));
    }
}
