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
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** {@code raise}: Python's {@code g.throw(e)} (PEP 342). */
class RaiseTest {

    @Generator
    static Coroutine<String, Object, String> catchesAndYields(List<Object> log) {
        try {
            Yield.value("first");
            log.add("not raised");
        } catch (IllegalArgumentException e) {
            log.add(e);
            Yield.value("from catch");
        }
        Yield.value("after");
        return Yield.done("end");
    }

    @Generator
    static Coroutine<String, Object, Void> catchesOnlyArithmetic(List<String> log) {
        log.add("started");
        try {
            Yield.value("first");
        } catch (ArithmeticException e) {
            log.add("wrong catch");
        } finally {
            log.add("finally");
        }
        log.add("after try");
        Yield.value("second");
        return Yield.done();
    }

    @Generator
    static Coroutine<String, Object, String> catchesAndFinishes(List<String> log) {
        String outcome = "not raised";
        try {
            Yield.value("only");
        } catch (IllegalArgumentException e) {
            log.add("caught " + e.getMessage());
            outcome = "handled " + e.getMessage();
        }
        return Yield.done(outcome);
    }

    static void mayThrowIOException() throws IOException {
    }

    @Generator
    static Coroutine<String, Object, Void> catchesIOException(List<Object> log) {
        try {
            mayThrowIOException();
            Yield.value("waiting");
        } catch (IOException e) {
            log.add(e);
            Yield.value("caught " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return Yield.done();
    }

    @Generator
    static Coroutine<String, Object, Void> nestedHandlers(List<String> log) {
        try {
            try {
                Yield.value("inside");
            } catch (ArithmeticException e) {
                log.add("inner catch");
            } finally {
                log.add("inner finally");
            }
        } catch (IllegalArgumentException e) {
            log.add("outer catch " + e.getMessage());
            Yield.value("from outer catch");
        }
        return Yield.done();
    }

    @Generator
    static Coroutine<Integer, Object, Integer> countsRaises() {
        int raised = 0;
        for (int i = 0; i < 5; i++) {
            try {
                Yield.value(i * 10 + raised);
            } catch (IllegalArgumentException e) {
                raised++;
            }
        }
        return Yield.done(raised);
    }

    @Test
    void raiseThrowsAtThePendingYieldAndReturnsTheNextYieldOfTheCatch() {
        List<Object> log = new ArrayList<>();
        Coroutine<String, Object, String> g = catchesAndYields(log);
        assertEquals("first", g.next());
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        assertEquals("from catch", g.raise(boom));
        assertEquals(1, log.size());
        assertSame(boom, log.get(0), "the body catches the very exception raised");
        assertEquals("after", g.next());
        assertThrows(NoSuchElementException.class, g::next);
        assertEquals("end", g.result());
    }

    @Test
    void raiseInALoopIsCaughtAtEachPendingYield() {
        Coroutine<Integer, Object, Integer> g = countsRaises();
        assertEquals(0, g.next());
        assertEquals(11, g.raise(new IllegalArgumentException()));
        assertEquals(22, g.raise(new IllegalArgumentException()));
        assertEquals(32, g.next());
        assertEquals(43, g.raise(new IllegalArgumentException()));
        assertThrows(NoSuchElementException.class, () -> g.raise(new IllegalArgumentException()));
        assertEquals(4, g.result());
    }

    @Test
    void raiseReachesAnOuterCatchAfterTheInnerFinally() {
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, Void> g = nestedHandlers(log);
        assertEquals("inside", g.next());
        assertEquals("from outer catch", g.raise(new IllegalArgumentException("x")));
        assertEquals(List.of("inner finally", "outer catch x"), log);
    }

    @Test
    void uncaughtRaisePropagatesTheSameInstanceAfterFinallyAndEndsTheGenerator() {
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, Void> g = catchesOnlyArithmetic(log);
        assertEquals("first", g.next());
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> g.raise(boom));
        assertSame(boom, thrown);
        assertEquals(List.of("started", "finally"), log);
        assertTrue(g.isDone());
        assertFalse(g.hasNext());
        assertThrows(NoSuchElementException.class, g::next);
        assertThrows(IllegalStateException.class, g::result);
    }

    @Test
    void raiseBeforeTheFirstResumeThrowsWithoutRunningTheBodyAndFinishesIt() {
        // Python: g.throw(e) on a just-created generator raises e, runs nothing, and closes g
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, Void> g = catchesOnlyArithmetic(log);
        ArithmeticException early = new ArithmeticException("early");
        ArithmeticException thrown = assertThrows(ArithmeticException.class, () -> g.raise(early));
        assertSame(early, thrown);
        assertEquals(List.of(), log, "neither the body nor its catch nor its finally ran");
        assertTrue(g.isDone());
        assertThrows(NoSuchElementException.class, g::next);
        assertEquals(List.of(), log);
    }

    @Test
    void raiseAfterTheEndThrowsTheException() {
        List<Object> log = new ArrayList<>();
        Coroutine<String, Object, String> g = catchesAndYields(log);
        g.next();
        g.next();
        assertFalse(g.hasNext());
        IllegalArgumentException late = new IllegalArgumentException("late");
        assertSame(late, assertThrows(IllegalArgumentException.class, () -> g.raise(late)));
        assertEquals(List.of("not raised"), log, "the body's catch did not see it");
        assertEquals("end", g.result(), "the result is kept");
    }

    @Test
    void raiseCaughtByABodyThatThenFinishesThrowsNoSuchElement() {
        // Python: g.throw(e) raises StopIteration('handled boom')
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, String> g = catchesAndFinishes(log);
        assertEquals("only", g.next());
        assertThrows(NoSuchElementException.class, () -> g.raise(new IllegalArgumentException("boom")));
        assertEquals(List.of("caught boom"), log);
        assertTrue(g.isDone());
        assertEquals("handled boom", g.result());
    }

    @Test
    void aCheckedExceptionIsRaisedUnchangedAndCaughtAsItself() {
        List<Object> log = new ArrayList<>();
        Coroutine<String, Object, Void> g = catchesIOException(log);
        assertEquals("waiting", g.next());
        IOException disk = new IOException("disk full");
        assertEquals("caught IOException: disk full", g.raise(disk));
        assertSame(disk, log.get(0));
    }

    @Test
    void anUncaughtCheckedExceptionPropagatesFromRaiseUnwrapped() {
        Coroutine<String, Object, Void> g = catchesOnlyArithmetic(new ArrayList<>());
        g.next();
        IOException disk = new IOException("disk full");
        IOException thrown = assertThrows(IOException.class, () -> g.raise(disk));
        assertSame(disk, thrown);
        assertTrue(g.isDone());
    }

    @Test
    void anErrorIsRaisedUnchanged() {
        Coroutine<String, Object, Void> g = catchesOnlyArithmetic(new ArrayList<>());
        g.next();
        StackOverflowError error = new StackOverflowError("deep");
        assertSame(error, assertThrows(StackOverflowError.class, () -> g.raise(error)));
        assertTrue(g.isDone());
    }

    @Test
    void raiseWhileHasNextHoldsAnUntakenValueThrowsIllegalStateAndKeepsTheValue() {
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, Void> g = catchesOnlyArithmetic(log);
        assertEquals("first", g.next());
        assertTrue(g.hasNext());
        assertThrows(IllegalStateException.class, () -> g.raise(new ArithmeticException()));
        assertEquals("second", g.next());
        assertEquals(List.of("started", "finally", "after try"), log, "the body's catch did not run");
    }

    @Test
    void raiseOfNullThrowsNullPointerAndLeavesTheGeneratorSuspended() {
        // Python: g.throw(None) -> TypeError, and g stays where it was
        Coroutine<String, Object, Void> g = catchesOnlyArithmetic(new ArrayList<>());
        g.next();
        assertThrows(NullPointerException.class, () -> g.raise(null));
        assertFalse(g.isDone());
        assertEquals("second", g.next());
    }
}
