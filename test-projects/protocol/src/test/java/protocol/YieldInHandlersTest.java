package protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** {@code finally} and {@code catch} blocks whose own bodies yield. */
class YieldInHandlersTest {

    @Generator
    static Coroutine<String, Object, Void> yieldsInFinally(List<String> log) {
        try {
            Yield.value("in try");
            log.add("try done");
        } finally {
            Yield.value("in finally");
            log.add("finally done");
        }
        Yield.value("after");
        return Yield.done();
    }

    @Generator
    static Coroutine<String, Object, String> yieldsInCatch(List<String> log) {
        try {
            Yield.value("in try");
        } catch (IllegalArgumentException e) {
            String first = Yield.value("catch 1: " + e.getMessage());
            String second = Yield.value("catch 2 got " + first);
            log.add("catch got " + first + " and " + second);
        }
        Yield.value("after");
        return Yield.done("end");
    }

    @Generator
    static Coroutine<String, Object, Void> yieldsInFinallyOfALoop() {
        for (int i = 0; i < 3; i++) {
            try {
                Yield.value("body " + i);
            } finally {
                Yield.value("finally " + i);
            }
        }
        return Yield.done();
    }

    @Generator
    static Coroutine<String, Object, Void> yieldsInNestedHandlers(List<String> log) {
        try {
            try {
                Yield.value("inner try");
            } catch (IllegalArgumentException e) {
                Yield.value("inner catch");
                log.add("inner catch resumed");
            }
        } catch (ArithmeticException e) {
            log.add("outer catch " + e.getMessage());
            Yield.value("outer catch");
        } finally {
            Yield.value("outer finally");
        }
        return Yield.done();
    }

    @Test
    void aFinallyThatYieldsRunsOnTheNormalPath() {
        List<String> log = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        yieldsInFinally(log).forEachRemaining(seen::add);
        assertEquals(List.of("in try", "in finally", "after"), seen);
        assertEquals(List.of("try done", "finally done"), log);
    }

    @Test
    void aFinallyThatYieldsRunsWhenAnExceptionIsRaisedAndTheExceptionFollows() {
        // def g():
        //     try: yield "in try"
        //     finally: yield "in finally"
        // g.throw(E) returns "in finally"; next(g) then raises E
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, Void> g = yieldsInFinally(log);
        g.next();
        IllegalArgumentException e = new IllegalArgumentException("pending");
        assertEquals("in finally", g.raise(e));
        assertFalse(g.isDone());
        assertSame(e, assertThrows(IllegalArgumentException.class, g::next));
        assertEquals(List.of("finally done"), log);
        assertTrue(g.isDone());
    }

    @Test
    void anExceptionRaisedAtAYieldInAFinallyReplacesThePendingOne() {
        Coroutine<String, Object, Void> g = yieldsInFinally(new ArrayList<>());
        g.next();
        g.raise(new IllegalArgumentException("first"));
        ArithmeticException second = new ArithmeticException("second");
        assertSame(second, assertThrows(ArithmeticException.class, () -> g.raise(second)));
        assertTrue(g.isDone());
    }

    @Test
    void closingAtAYieldInTryRunsTheFinallyWhichYieldsSoCloseThrowsIllegalState() {
        // Python: RuntimeError('generator ignored GeneratorExit')
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, Void> g = yieldsInFinally(log);
        g.next();
        assertThrows(IllegalStateException.class, g::close);
        assertTrue(g.isDone());
        assertEquals(List.of(), log);
        assertThrows(NoSuchElementException.class, g::next);
    }

    @Test
    void closingAtAYieldInsideAFinallyEndsTheGenerator() {
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, Void> g = yieldsInFinally(log);
        g.next();
        assertEquals("in finally", g.next());
        g.close();
        assertTrue(g.isDone());
        assertEquals(List.of("try done"), log);
    }

    @Test
    void aCatchThatYieldsSeveralTimesReceivesWhatIsSent() {
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, String> g = yieldsInCatch(log);
        assertEquals("in try", g.next());
        assertEquals("catch 1: x", g.raise(new IllegalArgumentException("x")));
        assertEquals("catch 2 got a", g.send("a"));
        assertEquals("after", g.send("b"));
        assertEquals(List.of("catch got a and b"), log);
        assertFalse(g.hasNext());
        assertEquals("end", g.result());
    }

    @Test
    void aCatchThatYieldsIsSkippedWhenNothingIsRaised() {
        List<String> seen = new ArrayList<>();
        yieldsInCatch(new ArrayList<>()).forEachRemaining(seen::add);
        assertEquals(List.of("in try", "after"), seen);
    }

    @Test
    void aFinallyThatYieldsRunsOnEveryIterationOfALoop() {
        List<String> seen = new ArrayList<>();
        yieldsInFinallyOfALoop().forEachRemaining(seen::add);
        assertEquals(List.of("body 0", "finally 0", "body 1", "finally 1", "body 2", "finally 2"), seen);
    }

    @Test
    void raisingInsideAFinallyOfALoopStopsTheLoopAfterTheFinallyYields() {
        Coroutine<String, Object, Void> g = yieldsInFinallyOfALoop();
        assertEquals("body 0", g.next());
        assertEquals("finally 0", g.next());
        assertEquals("body 1", g.next());
        IllegalArgumentException e = new IllegalArgumentException();
        assertEquals("finally 1", g.raise(e));
        assertSame(e, assertThrows(IllegalArgumentException.class, g::next));
    }

    @Test
    void anExceptionRaisedAtAYieldInACatchGoesToTheOuterHandler() {
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, Void> g = yieldsInNestedHandlers(log);
        assertEquals("inner try", g.next());
        assertEquals("inner catch", g.raise(new IllegalArgumentException()));
        assertEquals("outer catch", g.raise(new ArithmeticException("from inner catch")));
        assertEquals(List.of("outer catch from inner catch"), log);
        assertEquals("outer finally", g.next());
        assertFalse(g.hasNext());
    }

    @Test
    void nestedHandlersThatYieldRunInOrderOnTheNormalPath() {
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, Void> g = yieldsInNestedHandlers(log);
        assertEquals("inner try", g.next());
        assertEquals("inner catch", g.raise(new IllegalArgumentException()));
        assertEquals("outer finally", g.next());
        assertEquals(List.of("inner catch resumed"), log);
        assertFalse(g.hasNext());
    }
}
