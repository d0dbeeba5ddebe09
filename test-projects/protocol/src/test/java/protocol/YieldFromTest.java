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
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** {@code Yield.all}: Python's {@code yield from} (PEP 380). */
class YieldFromTest {

    // ---- values, results ----

    @Generator
    static Coroutine<Integer, Object, Integer> innerCounting(int from, int to) {
        for (int i = from; i < to; i++) {
            Yield.value(i);
        }
        return Yield.done(to - from);
    }

    @Generator
    static Coroutine<Object, Object, Void> outerCounting(List<String> log) {
        Yield.value("before");
        int r = Yield.all(innerCounting(1, 3));
        log.add("inner returned " + r);
        Yield.value("after");
        return Yield.done();
    }

    @Generator
    static Coroutine<Object, Object, Void> resultsOfIterables() {
        Object fromIterable = Yield.all(List.of("a", "b"));
        Yield.value("iterable gave " + fromIterable);
        Object fromIterator = Yield.all(List.of("c").iterator());
        Yield.value("iterator gave " + fromIterator);
        Object fromEmpty = Yield.all(List.of());
        Yield.value("empty gave " + fromEmpty);
        return Yield.done();
    }

    @Generator
    static Coroutine<String, Object, String> innerWithResult(String result) {
        Yield.value("inner");
        return Yield.done(result);
    }

    @Generator
    static Coroutine<String, Object, String> outerReturningInnerResult() {
        String first = Yield.all(innerWithResult("x"));
        String second = Yield.all(innerWithResult("y"));
        return Yield.done(first + second);
    }

    @Test
    void valuesOfTheDelegatePassThrough() {
        List<String> log = new ArrayList<>();
        List<Object> seen = new ArrayList<>();
        outerCounting(log).forEachRemaining(seen::add);
        assertEquals(List.of("before", 1, 2, "after"), seen);
        assertEquals(List.of("inner returned 2"), log);
    }

    @Test
    void yieldAllEvaluatesToTheDelegatesResult() {
        // r = yield from inner()
        Coroutine<String, Object, String> g = outerReturningInnerResult();
        assertEquals("inner", g.next());
        assertEquals("inner", g.next());
        assertFalse(g.hasNext());
        assertEquals("xy", g.result());
    }

    @Test
    void yieldAllOfAnIterableOrIteratorEvaluatesToNull() {
        List<Object> seen = new ArrayList<>();
        resultsOfIterables().forEachRemaining(seen::add);
        assertEquals(List.of("a", "b", "iterable gave null", "c", "iterator gave null", "empty gave null"), seen);
    }

    @Generator
    static Coroutine<Object, Object, Void> delegatesTo(Coroutine<Integer, Object, Integer> inner, List<String> log) {
        int r = Yield.all(inner);
        log.add("inner returned " + r);
        Yield.value("after");
        return Yield.done();
    }

    @Test
    void aDelegateAdvancedDirectlyGoesOnFromWhereItWasWhenItsDelegatorResumes() {
        // Python: a next(inner) between two next(outer) takes one value out of the middle.
        List<String> log = new ArrayList<>();
        Coroutine<Integer, Object, Integer> inner = innerCounting(0, 5);
        Coroutine<Object, Object, Void> outer = delegatesTo(inner, log);
        assertEquals(0, outer.next());
        assertEquals(1, inner.next());
        assertEquals(2, outer.next());
        assertTrue(inner.hasNext());
        assertEquals(3, outer.next(), "the value inner.hasNext() fetched ahead comes out next, not lost");
        assertTrue(inner.hasNext());
        assertTrue(outer.hasNext());
        assertEquals(4, outer.next());
        assertEquals("after", outer.next());
        assertEquals(List.of("inner returned 5"), log);
        assertFalse(outer.hasNext());
    }

    @Generator
    static Coroutine<Object, Object, Void> outerOf(Coroutine<Object, Object, Void> middle) {
        Yield.all(middle);
        return Yield.done();
    }

    @Test
    void theMiddleOfAChainCountsAsRunningWhileItsInnermostCanBeAdvancedDirectly() {
        List<String> log = new ArrayList<>();
        Coroutine<Integer, Object, Integer> inner = innerCounting(0, 3);
        Coroutine<Object, Object, Void> middle = delegatesTo(inner, log);
        Coroutine<Object, Object, Void> outer = outerOf(middle);
        assertEquals(0, outer.next());
        IllegalStateException refused = assertThrows(IllegalStateException.class, middle::next);
        assertTrue(refused.getMessage().contains("is already running"), refused.getMessage());
        assertEquals(1, inner.next());
        assertEquals(2, outer.next());
        assertEquals("after", outer.next());
        assertFalse(outer.hasNext());
        assertEquals(List.of("inner returned 3"), log);
    }

    @Test
    void sendingThroughADelegateHoldingAValueFetchedAheadIsRefusedAsSendingToItWouldBe() {
        Coroutine<Integer, Object, Integer> inner = innerCounting(0, 3);
        Coroutine<Object, Object, Void> outer = delegatesTo(inner, new ArrayList<>());
        assertEquals(0, outer.next());
        assertTrue(inner.hasNext());
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> outer.send("x"));
        assertTrue(refused.getMessage().contains("fetched ahead"), refused.getMessage());
        IllegalStateException alsoRefused =
                assertThrows(IllegalStateException.class, () -> outer.raise(new ArithmeticException()));
        assertTrue(alsoRefused.getMessage().contains("fetched ahead"), alsoRefused.getMessage());
        assertEquals(1, outer.next(), "nothing was lost");
        assertEquals(2, outer.next());
        assertEquals("after", outer.next());
    }

    @Test
    void closingADelegatorWhoseDelegateHoldsAValueFetchedAheadClosesBoth() {
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, Void> inner = innerWithFinally("inner", log);
        Coroutine<String, Object, Void> outer = delegatesInTry("outer", inner, log);
        assertEquals("inner 1", outer.next());
        assertTrue(inner.hasNext());
        outer.close();
        assertEquals(List.of("inner finally", "outer finally"), log);
        assertTrue(inner.isDone());
        assertTrue(outer.isDone());
    }

    @Generator
    static Coroutine<String, Object, Void> catchesAroundDelegate(Coroutine<String, Object, Void> delegate, List<String> log) {
        try {
            Yield.all(delegate);
            Yield.value("after");
        } catch (ArithmeticException e) {
            log.add("caught " + e.getMessage());
            Yield.value("recovered");
        } finally {
            log.add("finally");
        }
        return Yield.done();
    }

    @Test
    void aDelegateClosedDirectlyEndsItsYieldAllAtTheDelegatorsNextStep() {
        // Python: yield from an exhausted generator evaluates to its result, None once closed.
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, Void> inner = innerWithFinally("inner", log);
        Coroutine<String, Object, Void> outer = catchesAroundDelegate(inner, log);
        assertEquals("inner 1", outer.next());
        inner.close();
        assertEquals("after", outer.next());
        assertEquals(List.of("inner finally"), log);
    }

    @Test
    void raisingIntoADelegatorWhoseDelegateWasClosedDirectlyThrowsAtItsYieldAll() {
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, Void> inner = innerWithFinally("inner", log);
        Coroutine<String, Object, Void> outer = catchesAroundDelegate(inner, log);
        assertEquals("inner 1", outer.next());
        inner.close();
        assertEquals("recovered", outer.raise(new ArithmeticException("x")));
        assertEquals(List.of("inner finally", "caught x"), log);
    }

    @Test
    void closingADelegatorWhoseDelegateWasClosedDirectlyThrowsGeneratorExitAtItsYieldAll() {
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, Void> inner = innerWithFinally("inner", log);
        Coroutine<String, Object, Void> outer = catchesAroundDelegate(inner, log);
        assertEquals("inner 1", outer.next());
        inner.close();
        outer.close();
        assertEquals(List.of("inner finally", "finally"), log);
        assertTrue(outer.isDone());
    }

    // ---- send ----

    @Generator
    static Coroutine<String, String, String> innerEcho(String name, List<String> log) {
        String received = Yield.value(name + " ready");
        while (received != null) {
            log.add(name + " got " + received);
            received = Yield.value(name + " echoes " + received);
        }
        return Yield.done(name + " finished");
    }

    @Generator
    static Coroutine<String, String, String> middleEcho(List<String> log) {
        String r = Yield.all(innerEcho("inner", log));
        log.add("middle got result " + r);
        String after = Yield.value("middle after");
        return Yield.done("middle finished with " + after);
    }

    @Generator
    static Coroutine<String, String, String> outerEcho(List<String> log) {
        String r = Yield.all(middleEcho(log));
        log.add("outer got result " + r);
        Yield.value("outer after");
        return Yield.done();
    }

    @Test
    void sendIsForwardedToTheDelegate() {
        List<String> log = new ArrayList<>();
        Coroutine<String, String, String> g = middleEcho(log);
        assertEquals("inner ready", g.next());
        assertEquals("inner echoes a", g.send("a"));
        assertEquals("inner echoes b", g.send("b"));
        assertEquals("middle after", g.next()); // next() sends null: inner returns
        assertEquals(List.of("inner got a", "inner got b", "middle got result inner finished"), log);
        assertThrows(NoSuchElementException.class, () -> g.send("z"));
        assertEquals("middle finished with z", g.result());
    }

    @Test
    void sendIsForwardedToTheInnermostOfThreeLevels() {
        List<String> log = new ArrayList<>();
        Coroutine<String, String, String> g = outerEcho(log);
        assertEquals("inner ready", g.send(null));
        assertEquals("inner echoes deep", g.send("deep"));
        assertEquals("middle after", g.send(null));
        assertEquals("outer after", g.send("to middle"));
        assertEquals(List.of("inner got deep", "middle got result inner finished",
                "outer got result middle finished with to middle"), log);
    }

    // ---- raise ----

    @Generator
    static Coroutine<String, Object, String> innerHandlesArithmetic(List<String> log) {
        try {
            Yield.value("inner 1");
        } catch (ArithmeticException e) {
            log.add("inner caught " + e.getMessage());
            Yield.value("inner recovered");
        } finally {
            log.add("inner finally");
        }
        Yield.value("inner 2");
        return Yield.done("inner result");
    }

    @Generator
    static Coroutine<String, Object, String> middleHandlesIllegalArgument(List<String> log) {
        try {
            String r = Yield.all(innerHandlesArithmetic(log));
            log.add("middle got " + r);
        } catch (IllegalArgumentException e) {
            log.add("middle caught " + e.getMessage());
            Yield.value("middle recovered");
        } finally {
            log.add("middle finally");
        }
        Yield.value("middle 2");
        return Yield.done("middle result");
    }

    @Generator
    static Coroutine<String, Object, Void> outerHandlesIllegalState(List<String> log) {
        try {
            Yield.all(middleHandlesIllegalArgument(log));
        } catch (IllegalStateException e) {
            log.add("outer caught " + e.getMessage());
            Yield.value("outer recovered");
        } finally {
            log.add("outer finally");
        }
        return Yield.done();
    }

    @Test
    void raiseIsForwardedToTheDelegateWhichHandlesIt() {
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, String> g = middleHandlesIllegalArgument(log);
        assertEquals("inner 1", g.next());
        assertEquals("inner recovered", g.raise(new ArithmeticException("a")));
        assertEquals(List.of("inner caught a"), log);
        assertEquals("inner 2", g.next());
        assertEquals("middle 2", g.next());
        assertEquals(List.of("inner caught a", "inner finally", "middle got inner result", "middle finally"), log);
    }

    @Test
    void raiseIsForwardedToTheInnermostOfThreeLevels() {
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, Void> g = outerHandlesIllegalState(log);
        assertEquals("inner 1", g.next());
        assertEquals("inner recovered", g.raise(new ArithmeticException("deep")));
        assertEquals(List.of("inner caught deep"), log);
    }

    @Test
    void raiseUnhandledByTheDelegatePropagatesToTheDelegatingBodysCatch() {
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, String> g = middleHandlesIllegalArgument(log);
        assertEquals("inner 1", g.next());
        assertEquals("middle recovered", g.raise(new IllegalArgumentException("b")));
        assertEquals(List.of("inner finally", "middle caught b"), log);
        assertEquals("middle 2", g.next());
        assertEquals(List.of("inner finally", "middle caught b", "middle finally"), log);
    }

    @Test
    void raiseUnhandledByTwoLevelsPropagatesToTheOutermostCatch() {
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, Void> g = outerHandlesIllegalState(log);
        assertEquals("inner 1", g.next());
        IllegalStateException c = new IllegalStateException("c");
        assertEquals("outer recovered", g.raise(c));
        assertEquals(List.of("inner finally", "middle finally", "outer caught c"), log);
        assertFalse(g.hasNext());
        assertEquals(List.of("inner finally", "middle finally", "outer caught c", "outer finally"), log);
    }

    @Test
    void raiseUnhandledAtEveryLevelPropagatesUnchangedAndEndsAllThree() {
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, Void> g = outerHandlesIllegalState(log);
        g.next();
        UnsupportedOperationException d = new UnsupportedOperationException("d");
        assertSame(d, assertThrows(UnsupportedOperationException.class, () -> g.raise(d)));
        assertEquals(List.of("inner finally", "middle finally", "outer finally"), log);
        assertTrue(g.isDone());
        assertThrows(NoSuchElementException.class, g::next);
    }

    // ---- close ----

    @Generator
    static Coroutine<String, Object, Void> innerWithFinally(String name, List<String> log) {
        try {
            Yield.value(name + " 1");
            Yield.value(name + " 2");
        } finally {
            log.add(name + " finally");
        }
        return Yield.done();
    }

    @Generator
    static Coroutine<String, Object, Void> delegatesInTry(String name, Coroutine<String, Object, Void> delegate,
            List<String> log) {
        try {
            Yield.all(delegate);
            Yield.value(name + " after");
        } finally {
            log.add(name + " finally");
        }
        return Yield.done();
    }

    @Test
    void closeClosesTheDelegateFirst() {
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, Void> inner = innerWithFinally("inner", log);
        Coroutine<String, Object, Void> g = delegatesInTry("outer", inner, log);
        assertEquals("inner 1", g.next());
        g.close();
        assertEquals(List.of("inner finally", "outer finally"), log);
        assertTrue(inner.isDone());
        assertTrue(g.isDone());
    }

    @Test
    void closeClosesThreeLevelsInnermostFirst() {
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, Void> innermost = innerWithFinally("innermost", log);
        Coroutine<String, Object, Void> middle = delegatesInTry("middle", innermost, log);
        Coroutine<String, Object, Void> g = delegatesInTry("outer", middle, log);
        assertEquals("innermost 1", g.next());
        assertEquals("innermost 2", g.next());
        g.close();
        assertEquals(List.of("innermost finally", "middle finally", "outer finally"), log);
        assertTrue(innermost.isDone());
        assertTrue(middle.isDone());
    }

    @Test
    void closeWhileDelegatingToAPlainIteratorRunsTheOuterFinally() {
        List<String> log = new ArrayList<>();
        Iterator<String> plain = List.of("p1", "p2").iterator();
        Coroutine<String, Object, Void> g = delegatesInTryOverIterator(plain, log);
        assertEquals("p1", g.next());
        g.close();
        assertEquals(List.of("finally"), log);
        assertEquals("p2", plain.next(), "the plain iterator was left alone");
    }

    @Test
    void sendingAValueThroughYieldAllToAPlainIteratorFailsAtTheYieldAll() {
        // Python: the `yield from` raises AttributeError ('list_iterator' object has no attribute 'send'),
        // which the delegating generator may catch.
        Coroutine<String, Object, Void> g = catchesAroundYieldAll(List.of("p1", "p2").iterator());
        assertEquals("p1", g.next());
        assertEquals("caught UnsupportedOperationException", g.send("value"));
        assertEquals("p2 left", g.next());
    }

    @Generator
    static Coroutine<String, Object, Void> catchesAroundYieldAll(Iterator<String> source) {
        try {
            Yield.all(source);
        } catch (UnsupportedOperationException e) {
            Yield.value("caught " + e.getClass().getSimpleName());
        }
        Yield.value(source.next() + " left");
        return Yield.done();
    }

    @Generator
    static Coroutine<String, Object, Void> delegatesInTryOverIterator(Iterator<String> source, List<String> log) {
        try {
            Yield.all(source);
            Yield.value("after");
        } finally {
            log.add("finally");
        }
        return Yield.done();
    }

    // ---- a delegate that throws ----

    @Generator
    static Coroutine<String, Object, String> innerThatThrows(RuntimeException failure) {
        Yield.value("inner before failing");
        throw failure;
    }

    @Generator
    static Coroutine<String, Object, String> catchesAtYieldAll(RuntimeException failure, List<Object> log) {
        try {
            Yield.all(innerThatThrows(failure));
            log.add("not here");
        } catch (IllegalArgumentException e) {
            log.add(e);
            Yield.value("outer caught " + e.getMessage());
        }
        Yield.value("outer goes on");
        return Yield.done("outer result");
    }

    @Test
    void aDelegateExceptionAppearsAtTheYieldAllAndCanBeCaughtThere() {
        List<Object> log = new ArrayList<>();
        IllegalArgumentException failure = new IllegalArgumentException("inner broke");
        Coroutine<String, Object, String> g = catchesAtYieldAll(failure, log);
        assertEquals("inner before failing", g.next());
        assertEquals("outer caught inner broke", g.next());
        assertSame(failure, log.get(0));
        assertEquals("outer goes on", g.next());
        assertFalse(g.hasNext());
        assertEquals("outer result", g.result());
    }

    @Test
    void aDelegateExceptionNotCaughtPropagatesOutUnchanged() {
        List<Object> log = new ArrayList<>();
        ArithmeticException failure = new ArithmeticException("uncaught");
        Coroutine<String, Object, String> g = catchesAtYieldAll(failure, log);
        g.next();
        assertSame(failure, assertThrows(ArithmeticException.class, g::next));
        assertTrue(g.isDone());
        assertEquals(List.of(), log);
    }

    // ---- recursion, hand-written coroutines, delegates declared otherwise ----

    @Generator
    static Iterable<Integer> inOrder(int[] tree, int node) {
        if (node < tree.length) {
            Yield.all(inOrder(tree, 2 * node + 1));
            Yield.value(tree[node]);
            Yield.all(inOrder(tree, 2 * node + 2));
        }
        return Yield.done();
    }

    @Test
    void recursionThroughYieldAllWalksATree() {
        // a heap-shaped tree:      4
        //                        2   6
        //                       1 3 5 7
        List<Integer> seen = new ArrayList<>();
        inOrder(new int[] {4, 2, 6, 1, 3, 5, 7}, 0).forEach(seen::add);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), seen);
    }

    /**
     * A chain {@code n + 1} generators deep: each answers what is sent to it, delegates to the
     * next, says so on its way back every tenth level, and returns what came back from below. The
     * bottom one fails when sent "fail"; level {@code catchAt} catches that and returns instead.
     */
    @Generator
    static Coroutine<String, String, String> countdown(int n, int catchAt, List<String> log) {
        String got = Yield.value("at " + n);
        log.add(n + " got " + got);
        if (n == 0) {
            if ("fail".equals(Yield.value("bottom"))) {
                throw new IllegalStateException("failed at the bottom");
            }
            return Yield.done("bottom");
        }
        String below;
        try {
            below = Yield.all(countdown(n - 1, catchAt, log));
        } catch (IllegalStateException e) {
            if (n != catchAt) {
                throw e;
            }
            below = "caught at " + n;
        }
        if (n % 10 == 0) {
            Yield.value("back at " + n);
        }
        return Yield.done(below + "<" + n);
    }

    @Test
    void aChainFortyDeepCarriesValuesSentResultsAndExceptionsThroughEveryLevel() {
        List<String> log = new ArrayList<>();
        Coroutine<String, String, String> g = countdown(40, -1, log);
        assertEquals("at 40", g.next());
        for (int n = 39; n >= 0; n--) {
            assertEquals("at " + n, g.send("s" + (n + 1)));
        }
        assertEquals("bottom", g.send("s0"));
        List<String> back = new ArrayList<>();
        while (g.hasNext()) {
            back.add(g.next());
        }
        assertEquals(List.of("back at 10", "back at 20", "back at 30", "back at 40"), back);
        StringBuilder expected = new StringBuilder("bottom");
        for (int n = 1; n <= 40; n++) {
            expected.append('<').append(n);
        }
        assertEquals(expected.toString(), g.result());
        assertEquals(41, log.size());
        assertEquals("40 got s40", log.get(0));
        assertEquals("0 got s0", log.get(40));

        Coroutine<String, String, String> failing = countdown(40, 25, new ArrayList<>());
        String value = failing.next();
        while (!"bottom".equals(value)) {
            value = failing.next();
        }
        // thrown at the bottom, through 24 levels, caught at 25, which returns through 15 more
        assertEquals("back at 30", failing.send("fail"));
        assertEquals("back at 40", failing.next());
        assertFalse(failing.hasNext());
        assertEquals("caught at 25<25<26<27<28<29<30<31<32<33<34<35<36<37<38<39<40", failing.result());
    }

    @Generator
    static Iterator<String> iteratorDelegate(List<String> log) {
        String got = Yield.value("delegate 1");
        log.add("delegate got " + got);
        Yield.value("delegate 2");
        return Yield.done();
    }

    @Generator
    static Coroutine<String, String, Void> delegatesToAnIteratorGenerator(List<String> log) {
        Yield.all(iteratorDelegate(log));
        return Yield.done();
    }

    @Test
    void sendIsForwardedToAGeneratorDeclaredIteratorBecauseItIsACoroutineAtRunTime() {
        List<String> log = new ArrayList<>();
        Coroutine<String, String, Void> g = delegatesToAnIteratorGenerator(log);
        assertEquals("delegate 1", g.next());
        assertEquals("delegate 2", g.send("hello"));
        assertEquals(List.of("delegate got hello"), log);
    }

    /** A {@code Coroutine} written by hand, not by the plugin: it yields r0, r1, r2 and returns "recorder result". */
    static final class Recorder implements Coroutine<String, Object, String> {
        final List<String> log;
        int n;
        boolean done;

        Recorder(List<String> log) {
            this.log = log;
        }

        @Override
        public boolean hasNext() {
            if (n >= 3) {
                done = true;
            }
            return !done;
        }

        @Override
        public String next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return "r" + n++;
        }

        @Override
        public String send(Object value) {
            log.add("send " + value);
            return next();
        }

        @Override
        public String raise(Throwable exception) {
            log.add("raise " + exception.getMessage());
            if (exception instanceof IllegalArgumentException) {
                return "handled";
            }
            if (exception instanceof UnsupportedOperationException) {
                done = true;
                throw new NoSuchElementException("handled and finished");
            }
            done = true;
            throw (RuntimeException) exception;
        }

        @Override
        public void close() {
            log.add("close");
            done = true;
        }

        @Override
        public String result() {
            if (!done) {
                throw new IllegalStateException("not done");
            }
            return "recorder result";
        }

        @Override
        public boolean isDone() {
            return done;
        }
    }

    @Generator
    static Coroutine<String, Object, Void> delegatesToRecorder(Recorder recorder) {
        String r = Yield.all(recorder);
        Yield.value("got " + r);
        return Yield.done();
    }

    @Test
    void sendRaiseAndResultGoThroughAHandWrittenCoroutine() {
        // test_send_tuple_with_custom_generator: yield from forwards send to any object with a send method
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, Void> g = delegatesToRecorder(new Recorder(log));
        assertEquals("r0", g.next());
        assertEquals("r1", g.send(List.of(1, 2, 3, 4)));
        assertEquals("handled", g.raise(new IllegalArgumentException("x")));
        assertEquals("r2", g.next());
        assertEquals("got recorder result", g.next());
        assertEquals(List.of("send [1, 2, 3, 4]", "raise x"), log);
    }

    @Test
    void aHandWrittenDelegateThatFinishesOnSendGivesItsResult() {
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, Void> g = delegatesToRecorder(new Recorder(log));
        g.next();
        g.next();
        assertEquals("r2", g.next());
        assertEquals("got recorder result", g.send("last"));
        assertEquals(List.of("send last"), log);
    }

    @Test
    void aHandWrittenDelegateThatFinishesOnRaiseGivesItsResult() {
        // the delegate's throw() raising StopIteration(v) makes `yield from` evaluate to v
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, Void> g = delegatesToRecorder(new Recorder(log));
        g.next();
        assertEquals("got recorder result", g.raise(new UnsupportedOperationException("stop")));
        assertEquals(List.of("raise stop"), log);
    }

    @Test
    void anExceptionAHandWrittenDelegateDoesNotHandlePropagatesUnchanged() {
        List<String> log = new ArrayList<>();
        Recorder recorder = new Recorder(log);
        Coroutine<String, Object, Void> g = delegatesToRecorder(recorder);
        g.next();
        ArithmeticException e = new ArithmeticException("unhandled");
        assertSame(e, assertThrows(ArithmeticException.class, () -> g.raise(e)));
        assertTrue(g.isDone());
        assertEquals(List.of("raise unhandled"), log);
    }

    /** An iterator with a close method, which is not a Coroutine. */
    static final class CloseableIterator implements Iterator<String>, AutoCloseable {
        final List<String> log;
        int n;

        CloseableIterator(List<String> log) {
            this.log = log;
        }

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public String next() {
            return "c" + n++;
        }

        @Override
        public void close() {
            log.add("iterator closed");
        }
    }

    @Test
    void closeWhileDelegatingToACloseableIteratorClosesItFirst() {
        // PEP 380: if the iterator has a close() method, it is called
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, Void> g = delegatesInTryOverIterator(new CloseableIterator(log), log);
        assertEquals("c0", g.next());
        assertEquals("c1", g.next());
        g.close();
        assertEquals(List.of("iterator closed", "finally"), log);
        assertTrue(g.isDone());
    }

    @Generator
    static Coroutine<String, Object, Void> callsItsDelegator(Object[] delegator, List<String> log) {
        Yield.value("delegate 1");
        try {
            ((Coroutine<?, ?, ?>) delegator[0]).next();
        } catch (IllegalStateException e) {
            log.add("refused");
        }
        Yield.value("delegate 2");
        return Yield.done();
    }

    @Generator
    static Coroutine<String, Object, Void> delegatesTo(Coroutine<String, Object, Void> delegate) {
        Yield.all(delegate);
        return Yield.done();
    }

    @Test
    void aDelegateCallingItsRunningDelegatorGetsIllegalState() {
        // Python: ValueError('generator already executing')
        List<String> log = new ArrayList<>();
        Object[] holder = new Object[1];
        Coroutine<String, Object, Void> g = delegatesTo(callsItsDelegator(holder, log));
        holder[0] = g;
        assertEquals("delegate 1", g.next());
        assertEquals("delegate 2", g.next());
        assertEquals(List.of("refused"), log);
    }

    @Test
    void sendToADelegatingGeneratorWhileHasNextHoldsAValueThrowsIllegalState() {
        List<String> log = new ArrayList<>();
        Coroutine<String, String, String> g = middleEcho(log);
        g.next();
        assertTrue(g.hasNext());
        assertThrows(IllegalStateException.class, () -> g.send("lost?"));
        assertEquals("middle after", g.next());
        assertEquals(List.of("middle got result inner finished"), log);
    }

    @Test
    void closeGoesToAHandWrittenCoroutine() {
        List<String> log = new ArrayList<>();
        Recorder recorder = new Recorder(log);
        Coroutine<String, Object, Void> g = delegatesToRecorder(recorder);
        g.next();
        g.close();
        assertEquals(List.of("close"), log);
        assertTrue(recorder.isDone());
        assertTrue(g.isDone());
    }

    @Test
    void hasNextOnTheDelegatingGeneratorFetchesTheDelegatesNextValue() {
        List<String> log = new ArrayList<>();
        Coroutine<Object, Object, Void> g = outerCounting(log);
        assertEquals("before", g.next());
        assertTrue(g.hasNext());
        assertTrue(g.hasNext());
        assertEquals(1, g.next());
        assertEquals(2, g.next());
        assertTrue(g.hasNext());
        assertEquals(List.of("inner returned 2"), log);
        assertEquals("after", g.next());
    }

    @Generator
    static Coroutine<Object, Object, Void> reportsTheResultOf(Coroutine<Integer, Object, Integer> source) {
        Integer r = Yield.all(source);
        Yield.value("got " + r);
        return Yield.done();
    }

    @Test
    void yieldAllOfAPartlyConsumedGeneratorContinuesWhereItWas() {
        Coroutine<Integer, Object, Integer> inner = innerCounting(0, 4);
        assertEquals(0, inner.next());
        List<Object> seen = new ArrayList<>();
        reportsTheResultOf(inner).forEachRemaining(seen::add);
        assertEquals(List.of(1, 2, 3, "got 4"), seen);
    }

    @Test
    void yieldAllOfAGeneratorThatIsItselfDelegatingGoesOnThroughItsDelegation() {
        // Python: m = middle(inner()); next(m); outer(m) goes on with inner's values, then m's.
        List<String> log = new ArrayList<>();
        Coroutine<Object, Object, Void> middle = delegatesTo(innerCounting(0, 3), log);
        assertEquals(0, middle.next());
        List<Object> seen = new ArrayList<>();
        outerOf(middle).forEachRemaining(seen::add);
        assertEquals(List.of(1, 2, "after"), seen);
        assertEquals(List.of("inner returned 3"), log);
    }

    @Test
    void yieldAllOfAGeneratorDelegatingThreeDeepGoesOnThroughEveryLevel() {
        List<String> log = new ArrayList<>();
        Coroutine<Object, Object, Void> top =
                outerOf(outerOf(delegatesTo(innerCounting(0, 4), log)));
        assertEquals(0, top.next());
        assertTrue(top.hasNext());
        List<Object> seen = new ArrayList<>();
        outerOf(top).forEachRemaining(seen::add);
        assertEquals(List.of(1, 2, 3, "after"), seen);
        assertEquals(List.of("inner returned 4"), log);
        assertTrue(top.isDone());
    }

    @Test
    void aSendRefusedDeepInsideATakenUpChainLeavesEveryGeneratorAsItWas() {
        List<String> log = new ArrayList<>();
        Coroutine<Integer, Object, Integer> inner = innerCounting(0, 4);
        Coroutine<Object, Object, Void> middle = delegatesTo(inner, log);
        assertEquals(0, middle.next());
        Coroutine<Object, Object, Void> outer = outerOf(middle);
        assertEquals(1, outer.next());
        assertTrue(inner.hasNext(), "inner fetches 2 ahead, behind both delegators' backs");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> outer.send("x"));
        assertTrue(refused.getMessage().contains("holds a value fetched ahead"), refused.getMessage());
        List<Object> seen = new ArrayList<>();
        outer.forEachRemaining(seen::add);
        assertEquals(List.of(2, 3, "after"), seen, "the send was refused as a whole, as it is one level up");
        assertEquals(List.of("inner returned 4"), log);
    }

    @Generator
    static Coroutine<Object, Object, Void> yieldsThenDelegatesTo(Coroutine<Object, Object, Void> inner) {
        Yield.value("own");
        Yield.all(inner);
        Yield.value("middle after");
        return Yield.done();
    }

    @Test
    void aDelegateThatBeganAYieldAllOfItsOwnWhenAdvancedDirectlyTakesItsDelegatorThroughIt() {
        List<String> log = new ArrayList<>();
        Coroutine<Object, Object, Void> middle = yieldsThenDelegatesTo(delegatesTo(innerCounting(0, 3), log));
        Coroutine<Object, Object, Void> outer = outerOf(middle);
        assertEquals("own", outer.next());
        assertEquals(0, middle.next(), "middle, advanced directly, begins its Yield.all two deep");
        assertTrue(middle.hasNext());
        List<Object> seen = new ArrayList<>();
        outer.forEachRemaining(seen::add);
        assertEquals(List.of(1, 2, "after", "middle after"), seen);
        assertEquals(List.of("inner returned 3"), log);
        assertTrue(middle.isDone());
    }

    @Test
    void yieldAllOfAGeneratorWhoseValueHasNextFetchedAheadHandsOutThatValueFirst() {
        Coroutine<Integer, Object, Integer> inner = innerCounting(0, 3);
        assertEquals(0, inner.next());
        assertTrue(inner.hasNext());
        List<Object> seen = new ArrayList<>();
        reportsTheResultOf(inner).forEachRemaining(seen::add);
        assertEquals(List.of(1, 2, "got 3"), seen);
    }

    @Test
    void closingTheDelegateDirectlyEndsTheDelegationWithNoResult() {
        // i = inner(); g = outer(i); next(g); i.close(); next(g) == "got None"
        Coroutine<Integer, Object, Integer> inner = innerCounting(0, 3);
        Coroutine<Object, Object, Void> g = reportsTheResultOf(inner);
        assertEquals(0, g.next());
        inner.close();
        assertEquals("got null", g.next());
    }
}
