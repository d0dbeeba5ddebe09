package shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static shapes.Collect.list;

import dev.generators.Coroutine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class HandlersTest {

    @Test
    void exceptionThrownAfterAResumeIsCaughtByTheOriginalHandler() {
        assertEquals(List.of("before", "caught / by zero", "after"), list(Handlers.catchAfterResume(0)));
        assertEquals(List.of("before", "quotient 2", "after"), list(Handlers.catchAfterResume(5)));
    }

    @Test
    void caughtExceptionLocalSurvivesAYieldInTheCatchBlock() {
        assertEquals(List.of("parsing", "first", "NumberFormatException: For input string: \"x\""),
                list(Handlers.exceptionLocalSurvivesYield("x")));
        assertEquals(List.of("parsing", "parsed 12"), list(Handlers.exceptionLocalSurvivesYield("12")));
    }

    @Test
    void finallyRunsOnNormalCompletionAfterTheLastValue() {
        List<String> log = new ArrayList<>();
        Iterator<Integer> it = Handlers.finallyOnCompletion(log).iterator();
        assertEquals(1, it.next());
        assertEquals(2, it.next());
        assertEquals(List.of(), log);
        assertFalse(it.hasNext());
        assertEquals(List.of("finally", "end"), log);
    }

    @Test
    void finallyBlockThatYieldsOnTheNormalAndTheExceptionalPath() {
        assertEquals(List.of("body", "finally 1", "finally 2", "after"), list(Handlers.yieldingFinally(false)));
        assertEquals(List.of("body", "finally 1", "finally 2", "caught failed"), list(Handlers.yieldingFinally(true)));
    }

    @Test
    void tryWithResourcesClosesTheResourceAfterTheLastYieldInside() {
        List<String> log = new ArrayList<>();
        Iterator<String> it = Handlers.withResource(log).iterator();
        assertEquals("a1", it.next());
        assertEquals(List.of("open a"), log);
        assertEquals("a2", it.next());
        assertEquals(List.of("open a"), log);
        assertEquals("closed", it.next());
        assertEquals(List.of("open a", "close a"), log);
        assertFalse(it.hasNext());
    }

    @Test
    void twoResourcesAreClosedInReverseOrderBeforeTheCatchRuns() {
        List<String> log = new ArrayList<>();
        assertEquals(List.of("ab", "no failure"), list(Handlers.twoResources(log, false)));
        assertEquals(List.of("open a", "open b", "close b", "close a"), log);
        log.clear();
        assertEquals(List.of("ab", "caught"), list(Handlers.twoResources(log, true)));
        assertEquals(List.of("open a", "open b", "close b", "close a", "catch inside"), log);
    }

    @Test
    void nestedTryRethrowsThroughYieldingFinallyBlocks() {
        assertEquals(List.of("ok 0", "inner finally 0", "ok 1", "inner finally 1", "inner at 2", "inner finally 2",
                "outer rethrown at 2", "outer finally"), list(Handlers.nestedTry(2)));
        assertEquals(List.of("ok 0", "inner finally 0", "ok 1", "inner finally 1", "ok 2", "inner finally 2", "ok 3",
                "inner finally 3", "outer finally"), list(Handlers.nestedTry(9)));
    }

    @Test
    void yieldingFinallyRunsOnContinueAndBreak() {
        assertEquals(List.of("body 0", "finally 0", "finally 1", "body 2", "finally 2", "finally 3"),
                list(Handlers.finallyOnJumps()));
    }

    @Test
    void multiCatchHandlerYields() {
        assertEquals(List.of("len 2", "ClassCastException", "NullPointerException"),
                list(Handlers.multiCatch(Arrays.asList("ab", 5, null))));
    }

    @Test
    void uncheckedExceptionFromTheBodyPropagatesOutOfNextAndEndsTheRun() {
        Iterator<Integer> it = Handlers.failsAfter(2);
        assertEquals(0, it.next());
        assertEquals(1, it.next());
        IllegalStateException e = assertThrows(IllegalStateException.class, it::next);
        assertEquals("boom after 2", e.getMessage());
        assertFalse(it.hasNext());
        assertTrue(((Coroutine<?, ?, ?>) it).isDone());
    }

    @Test
    void exceptionFromTheBodyPropagatesOutOfHasNext() {
        Iterator<Integer> it = Handlers.failsAfter(0);
        assertThrows(IllegalStateException.class, it::hasNext);
        assertFalse(it.hasNext());
    }

    @Test
    void checkedExceptionThrownByTheBodyComesOutOfNextUnwrapped() throws IOException {
        Iterator<String> it = Handlers.readLines(List.of("a", "", "b"));
        assertEquals("a", it.next());
        Exception e = assertThrows(Exception.class, it::next);
        assertEquals(IOException.class, e.getClass());
        assertEquals("empty line", e.getMessage());
        assertFalse(it.hasNext());
    }

    @Test
    void checkedExceptionFromACalleeComesOutOfNextUnwrapped() throws IOException {
        Iterator<String> it = Handlers.checkedFromCallee().iterator();
        assertEquals("before", it.next());
        Exception e = assertThrows(Exception.class, it::next);
        assertEquals(IOException.class, e.getClass());
        assertEquals("from a callee", e.getMessage());
        assertFalse(it.hasNext());
    }

    @Test
    void checkedExceptionCaughtInTheBodyAndWrappedAfterAYield() {
        Iterator<String> it = Handlers.wrapChecked().iterator();
        assertEquals("trying", it.next());
        assertEquals("wrapping", it.next());
        UncheckedIOException e = assertThrows(UncheckedIOException.class, it::next);
        assertInstanceOf(IOException.class, e.getCause());
        assertEquals("from a callee", e.getCause().getMessage());
    }

    @Test
    void errorFromTheBodyPropagatesUnchanged() {
        Iterator<String> it = Handlers.throwsError().iterator();
        assertEquals("ok", it.next());
        AssertionError e = assertThrows(AssertionError.class, it::next);
        assertEquals("an error", e.getMessage());
        assertFalse(it.hasNext());
    }

    @Test
    void raiseIsCaughtByTheBodyAtThePendingYield() {
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, String> c = Handlers.raiseTarget(log);
        assertEquals("waiting 0", c.next());
        assertEquals("waiting 0", c.send("x"));
        assertEquals("waiting 1", c.raise(new IllegalArgumentException("one")));
        assertThrows(NoSuchElementException.class, () -> c.raise(new IllegalArgumentException("two")));
        assertEquals("caught 2", c.result());
        assertEquals(List.of("got x", "caught one", "caught two"), log);
    }

    @Test
    void raiseOfAnExceptionTheBodyDoesNotCatchPropagatesTheSameObject() {
        Coroutine<String, Object, String> c = Handlers.raiseTarget(new ArrayList<>());
        assertEquals("waiting 0", c.next());
        IllegalStateException thrown = new IllegalStateException("not caught");
        assertSame(thrown, assertThrows(IllegalStateException.class, () -> c.raise(thrown)));
        assertTrue(c.isDone());
        assertFalse(c.hasNext());
    }

    @Test
    void closeRunsFinallyButNotCatchException() {
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, Object> c = Handlers.closeTarget(log);
        assertEquals("one", c.next());
        c.close();
        assertEquals(List.of("finally"), log);
        assertTrue(c.isDone());
        assertFalse(c.hasNext());
    }

    @Test
    void bodyThatYieldsWhileClosingMakesCloseThrow() {
        Coroutine<String, Object, Object> c = Handlers.yieldsWhileClosing();
        assertEquals("first", c.next());
        assertThrows(IllegalStateException.class, c::close);
        assertTrue(c.isDone());
    }
}
