package protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.StateMachine;
import dev.generators.Yield;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A body that calls its own protocol methods while it runs. Python raises
 * {@code ValueError('generator already executing')}; the contract says {@code IllegalStateException}.
 */
class ReentryTest {

    /** Holds the generator in a field, so that its own body can reach it. */
    static final class Self {
        Coroutine<String, Object, Void> generator;
    }

    static void callOwn(Coroutine<String, Object, Void> self, String how) {
        switch (how) {
            case "next" -> self.next();
            case "hasNext" -> self.hasNext();
            case "send" -> self.send("x");
            case "sendNull" -> self.send(null);
            case "raise" -> self.raise(new ArithmeticException("raised at myself"));
            case "close" -> self.close();
            default -> throw new AssertionError(how);
        }
    }

    @Generator
    static Coroutine<String, Object, Void> callsItselfAndCatches(Self self, String how) {
        Yield.value("started");
        String outcome;
        try {
            callOwn(self.generator, how);
            outcome = "re-entry was allowed";
        } catch (IllegalStateException e) {
            outcome = "refused: " + e.getMessage();
        }
        Yield.value(outcome);
        Yield.value("still running");
        return Yield.done();
    }

    @Generator
    static Coroutine<String, Object, Void> callsItselfThroughAnArray(Object[] holder) {
        @SuppressWarnings("unchecked")
        Coroutine<String, Object, Void> self = (Coroutine<String, Object, Void>) holder[0];
        Yield.value("started");
        self.next();
        Yield.value("re-entry was allowed");
        return Yield.done();
    }

    @ParameterizedTest
    @ValueSource(strings = {"next", "hasNext", "send", "sendNull", "raise", "close"})
    void aBodyCallingItsOwnProtocolMethodGetsIllegalStateAndCanGoOn(String how) {
        Self self = new Self();
        Coroutine<String, Object, Void> g = callsItselfAndCatches(self, how);
        self.generator = g;
        assertEquals("started", g.next());
        String outcome = g.next();
        assertTrue(outcome.startsWith("refused: "), how + ": " + outcome);
        assertTrue(outcome.contains("running"), "the message says the generator is running: " + outcome);
        assertEquals("still running", g.next(), "the refused call changed nothing");
        assertFalse(g.hasNext());
    }

    @Test
    void aBodyCallingItsOwnNextThroughAnArrayEndsWithIllegalState() {
        Object[] holder = new Object[1];
        Coroutine<String, Object, Void> g = callsItselfThroughAnArray(holder);
        holder[0] = g;
        assertEquals("started", g.next());
        assertThrows(IllegalStateException.class, g::next);
        assertTrue(g.isDone(), "the uncaught exception ended the run");
        assertThrows(NoSuchElementException.class, g::next);
    }

    @Test
    void aBodyCallingItsOwnSendThroughSendGetsIllegalState() {
        Self self = new Self();
        Coroutine<String, Object, Void> g = callsItselfAndCatches(self, "send");
        self.generator = g;
        g.next();
        assertTrue(g.send("go").startsWith("refused: "));
    }
    @Generator
    static Coroutine<Integer, Object, Void> oneTwoThree() {
        Yield.value(1);
        Yield.value(2);
        Yield.value(3);
        return Yield.done();
    }

    /** What a call of the generator's own next() from inside the code it runs gave. */
    static String nextOf(Object generator) {
        try {
            @SuppressWarnings("unchecked")
            Coroutine<Object, Object, Object> g = (Coroutine<Object, Object, Object>) generator;
            return "allowed: " + g.next();
        } catch (IllegalStateException e) {
            return e.getMessage().contains("is already running") ? "refused" : e.getMessage();
        }
    }

    @Test
    void aStreamStageResumingTheGeneratorItDrainsIsRefusedAndTheDrainGoesOn() {
        Coroutine<Integer, Object, Void> g = oneTwoThree();
        List<String> seen = new ArrayList<>();
        ((StateMachine<Integer, Object, Void>) g).asStream().forEach(v -> {
            seen.add("value " + v);
            if (v == 2) {
                seen.add(nextOf(g));
            }
        });
        assertEquals(List.of("value 1", "value 2", "refused", "value 3"), seen);
        assertTrue(g.isDone());
    }

    @Generator
    static Coroutine<String, Object, Void> drains(Iterator<String> source) {
        Yield.all(source);
        Yield.value("after");
        return Yield.done();
    }

    @Test
    void anIteratorDrainedByYieldAllThatResumesItsDelegatorIsRefused() {
        Object[] holder = new Object[1];
        Iterator<String> callsBack = new Iterator<>() {
            private int given;

            @Override
            public boolean hasNext() {
                return given < 2;
            }

            @Override
            public String next() {
                return ++given == 1 ? "first" : nextOf(holder[0]);
            }
        };
        Coroutine<String, Object, Void> g = drains(callsBack);
        holder[0] = g;
        List<String> seen = new ArrayList<>();
        g.forEachRemaining(seen::add);
        assertEquals(List.of("first", "refused", "after"), seen);
    }

    @Generator
    static Coroutine<String, Object, Void> describesItself(Object[] holder) {
        Yield.value(holder[0].toString());
        Yield.value("second");
        return Yield.done();
    }

    @Test
    void toStringSaysNotStartedRunningSuspendedAndDone() {
        Object[] holder = new Object[1];
        Coroutine<String, Object, Void> g = describesItself(holder);
        holder[0] = g;
        assertTrue(g.toString().endsWith("describesItself (not started)"), g::toString);
        assertTrue(g.next().endsWith("(running)"), "inside its body");
        assertTrue(g.toString().endsWith("(suspended)"), g::toString);
        assertTrue(g.hasNext());
        assertTrue(g.toString().endsWith("(suspended)"), "with a value fetched ahead: " + g);
        assertEquals("second", g.next());
        assertFalse(g.hasNext());
        assertTrue(g.toString().endsWith("(done)"), g::toString);
    }

    @Generator
    static Coroutine<Integer, Object, Void> logsFinally(List<String> log) {
        try {
            Yield.value(1);
            Yield.value(2);
        } finally {
            log.add("finally");
        }
        return Yield.done();
    }

    @Test
    void closeAfterHasNextDropsTheValueFetchedAheadAndRunsTheFinallyBlockOnce() {
        List<String> log = new ArrayList<>();
        Coroutine<Integer, Object, Void> g = logsFinally(log);
        assertEquals(1, g.next());
        assertTrue(g.hasNext(), "2 is fetched ahead");
        g.close();
        assertEquals(List.of("finally"), log);
        assertTrue(g.isDone());
        assertFalse(g.hasNext());
        assertThrows(NoSuchElementException.class, g::next);
        g.close();
        assertEquals(List.of("finally"), log, "a second close does nothing");
    }
}
