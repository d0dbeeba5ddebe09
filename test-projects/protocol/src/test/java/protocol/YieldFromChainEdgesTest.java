package protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.GeneratorExit;
import dev.generators.StateMachine;
import dev.generators.Yield;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code Yield.all} chains at their edges: a close that a delegate turns into another exception,
 * a raise of a GeneratorExit caught and followed by another delegation, pure straight-line and
 * watched delegates, streams, hand-written coroutines and plain iterators at the innermost of a
 * deep chain; each case checked against CPython's {@code yield from}, or the documented rule
 * where the project differs.
 */
class YieldFromChainEdgesTest {

    static final class X extends RuntimeException {
        X(String m) {
            super(m);
        }
    }

    @Generator
    static Coroutine<Object, Object, Object> wrap(Coroutine<Object, Object, ?> c) {
        Object r = Yield.all(c);
        return Yield.done(r);
    }

    @Generator
    static Coroutine<Object, Object, Object> wrapLog(Coroutine<Object, Object, ?> c, String name, List<String> log) {
        try {
            Object r = Yield.all(c);
            return Yield.done(r);
        } catch (IllegalStateException e) {
            log.add(name + " got ISE");
            throw e;
        } catch (GeneratorExit e) {
            log.add(name + " got GeneratorExit");
            throw e;
        } finally {
            log.add("fin " + name);
        }
    }

    // ---- 1. a close that a delegate turns into another exception ----

    @Generator
    static Coroutine<Object, Object, Object> exitToX() {
        try {
            Yield.value("i1");
        } catch (GeneratorExit e) {
            throw new X("x");
        }
        return Yield.done();
    }

    @Generator
    static Coroutine<Object, Object, Object> catchesXYields(List<String> log) {
        try {
            Yield.all(exitToX());
        } catch (X e) {
            Yield.value("m");
        } finally {
            log.add("fin m");
        }
        return Yield.done();
    }

    /**
     * Python: root.close() (and root.throw(GeneratorExit())) raise RuntimeError "generator ignored
     * GeneratorExit" at root's yield from: m is inside close(), and yields.
     */
    @Test
    void closeWhereInnermostTurnsExitIntoXAndMiddleCatchesAndYields_depth2() {
        List<String> log = new ArrayList<>();
        Coroutine<Object, Object, Object> root = wrapLog(catchesXYields(log), "root", log);
        assertEquals("i1", root.next());
        assertThrows(IllegalStateException.class, root::close);
        assertTrue(root.isDone());
        // Python: ['fin root', 'fin m'] (m's finally when it is collected; here m is over, as documented)
        assertEquals(List.of("root got ISE", "fin root"), log);
    }

    @Test
    void raiseExitWhereInnermostTurnsExitIntoXAndMiddleCatchesAndYields_depth2() {
        List<String> log = new ArrayList<>();
        Coroutine<Object, Object, Object> root = wrapLog(catchesXYields(log), "root", log);
        assertEquals("i1", root.next());
        Throwable t = assertThrows(Throwable.class, () -> root.raise(new GeneratorExit()), "returned a value");
        assertTrue(t instanceof IllegalStateException, t.toString());
        assertTrue(root.isDone());
    }

    /** Python: a gets RuntimeError at its yield from, its finally runs, then root's; close raises RuntimeError. */
    @Test
    void closeWhereInnermostTurnsExitIntoXAndMiddleCatchesAndYields_depth3() {
        List<String> log = new ArrayList<>();
        Coroutine<Object, Object, Object> root = wrapLog(wrapLog(catchesXYields(log), "a", log), "root", log);
        assertEquals("i1", root.next());
        assertThrows(IllegalStateException.class, root::close);
        // Python also logs "fin m" (when m is collected); here m is over, as documented
        assertEquals(List.of("a got ISE", "fin a", "root got ISE", "fin root"), log);
    }

    @Generator
    static Coroutine<Object, Object, Object> catchesXReturns() {
        try {
            Yield.all(exitToX());
        } catch (X e) {
            return Yield.done("m2");
        }
        return Yield.done();
    }

    @Generator
    static Coroutine<Object, Object, Object> rootContinues(List<String> log) {
        try {
            Object r = Yield.all(catchesXReturns());
            Yield.value("root continued " + r);
        } catch (GeneratorExit e) {
            log.add("root got GeneratorExit");
            throw e;
        }
        return Yield.done();
    }

    /** Python: close() returns None after root got GeneratorExit at its yield from (m2 is not root's result). */
    @Test
    void closeWhereMiddleCatchesTheOtherExceptionAndReturns() {
        List<String> log = new ArrayList<>();
        Coroutine<Object, Object, Object> root = rootContinues(log);
        assertEquals("i1", root.next());
        root.close();
        assertEquals(List.of("root got GeneratorExit"), log);
    }

    /** Python: throw(GeneratorExit()) raises GeneratorExit. */
    @Test
    void raiseExitWhereMiddleCatchesTheOtherExceptionAndReturns() {
        List<String> log = new ArrayList<>();
        Coroutine<Object, Object, Object> root = rootContinues(log);
        assertEquals("i1", root.next());
        Throwable t = assertThrows(Throwable.class, () -> root.raise(new GeneratorExit()), "returned a value");
        assertTrue(t instanceof GeneratorExit, t.toString());
    }

    // ---- 2. raise(GeneratorExit) caught by the root, which then delegates ----

    @Generator
    static Coroutine<Object, Object, String> leaf2() {
        Yield.value("x1");
        Yield.value("x2");
        return Yield.done("rx");
    }

    @Generator
    static Coroutine<Object, Object, String> catchesExitAndDelegates() {
        try {
            Yield.value("r1");
        } catch (GeneratorExit e) {
            String r = Yield.all(leaf2());
            Yield.value("after " + r);
        }
        return Yield.done("end");
    }

    /** Python: r1, throw -> x1, then [x2, after rx], result end. */
    @Test
    void raiseExitCaughtByTheRootWhichThenDelegates() {
        Coroutine<Object, Object, String> g = catchesExitAndDelegates();
        assertEquals("r1", g.next());
        assertEquals("x1", g.raise(new GeneratorExit()));
        List<Object> rest = new ArrayList<>();
        g.forEachRemaining(rest::add);
        assertEquals(List.of("x2", "after rx"), rest);
        assertEquals("end", g.result());
    }

    @Generator
    static Coroutine<Object, Object, String> delegatingCatchesExitAndDelegates() {
        try {
            Yield.all(leaf2());
        } catch (GeneratorExit e) {
            String r = Yield.all(three("n"));
            Yield.value("after " + r);
        }
        return Yield.done("end");
    }

    /** Python: x1, throw(GeneratorExit()) -> n1, then [n2, n3, after rn], result end. */
    @Test
    void raiseExitCaughtByADelegatingRootWhichThenDelegatesAgain() {
        Coroutine<Object, Object, String> g = delegatingCatchesExitAndDelegates();
        assertEquals("x1", g.next());
        assertEquals("n1", g.raise(new GeneratorExit()));
        List<Object> rest = new ArrayList<>();
        g.forEachRemaining(rest::add);
        assertEquals(List.of("n2", "n3", "after rn"), rest);
        assertEquals("end", g.result());
    }

    // ---- 3. raise(GeneratorExit) while the innermost holds a value fetched ahead ----

    /**
     * A raise of a GeneratorExit to the delegator closes its delegates (PEP 380), so it drops a
     * value the innermost fetched ahead, as a close does, where the same raise to the innermost
     * itself is refused (documented in the user guide).
     */
    @Test
    void raiseOfGeneratorExitThroughTheChainDropsAValueFetchedAheadAsACloseDoes() {
        Coroutine<Object, Object, String> leaf = leaf2();
        Coroutine<Object, Object, Object> root = wrap(wrap(wrap(leaf)));
        assertEquals("x1", root.next());
        assertTrue(leaf.hasNext());
        Throwable direct = assertThrows(Throwable.class, () -> leaf.raise(new GeneratorExit()));
        assertTrue(direct instanceof IllegalStateException, direct.toString());
        assertThrows(GeneratorExit.class, () -> root.raise(new GeneratorExit()));
        assertTrue(root.isDone());
        assertTrue(leaf.isDone());
    }

    // ---- 4. pure straight-line delegates after hasNext() called on them directly ----

    @Generator
    static Coroutine<Integer, Object, Void> pure(int base) {
        Yield.value(base);
        Yield.value(base + 1);
        Yield.value(base + 2);
        return Yield.done();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Coroutine<Object, Object, ?> raw(Coroutine c) {
        return c;
    }

    @Test
    void pureDelegateHasNextDirectlyAtDepthOneAndThree() {
        for (int depth : new int[] {1, 3}) {
            Coroutine<Integer, Object, Void> p = pure(10);
            Coroutine<Object, Object, ?> root = raw(p);
            for (int i = 0; i < depth; i++) {
                root = wrap(root);
            }
            assertTrue(p.hasNext()); // fresh, peeked
            assertEquals(10, root.next());
            assertTrue(p.hasNext());
            assertThrows(IllegalStateException.class, () -> p.send(null));
            Coroutine<Object, Object, ?> r = root;
            assertThrows(IllegalStateException.class, () -> r.send("s"));
            assertEquals(11, root.next());
            assertEquals(12, p.next());
            assertFalse(p.hasNext());
            assertTrue(p.isDone());
            assertFalse(root.hasNext());
            assertTrue(root.isDone());
        }
    }

    @Test
    void pureDelegatePeekedThenRootClosedAtDepthThree() {
        Coroutine<Integer, Object, Void> p = pure(10);
        Coroutine<Object, Object, Object> root = wrap(wrap(wrap(raw(p))));
        assertEquals(10, root.next());
        assertTrue(p.hasNext());
        assertEquals("suspended", state(p));
        root.close();
        assertTrue(p.isDone());
        assertTrue(root.isDone());
    }

    @Test
    void pureDelegatePeekedBeforeTakenUpAtDepthTwo() {
        Coroutine<Integer, Object, Void> p = pure(5);
        assertTrue(p.hasNext());
        Coroutine<Object, Object, Object> root = wrap(wrap(raw(p)));
        List<Object> out = new ArrayList<>();
        root.forEachRemaining(out::add);
        assertEquals(List.of(5, 6, 7), out);
    }

    static String state(Object g) {
        String s = g.toString();
        return s.substring(s.lastIndexOf('(') + 1, s.length() - 1);
    }

    // ---- 5. streams ----

    @Generator
    static Coroutine<Object, Object, String> three(String t) {
        Yield.value(t + "1");
        Yield.value(t + "2");
        Yield.value(t + "3");
        return Yield.done("r" + t);
    }

    @Generator
    static Coroutine<Object, Object, Object> catchesISE(Coroutine<Object, Object, ?> c) {
        try {
            Object r = Yield.all(c);
            Yield.value("got " + r);
        } catch (IllegalStateException e) {
            Yield.value("caught ISE");
        }
        return Yield.done();
    }

    @Test
    void streamOfTheInnermostDrainsItAndTheChainGetsItsResult() {
        Coroutine<Object, Object, String> leaf = three("a");
        Coroutine<Object, Object, Object> root = catchesISE(wrap(wrap(leaf)));
        assertEquals("a1", root.next());
        @SuppressWarnings("unchecked")
        List<Object> drained = ((StateMachine<Object, Object, String>) leaf).asStream().collect(Collectors.toList());
        assertEquals(List.of("a2", "a3"), drained);
        assertEquals("got ra", root.next());
    }

    @Test
    void streamOfTheRootOfADeepChainWithActionThatAdvancesTheInnermost() {
        Coroutine<Object, Object, String> leaf = three("a");
        Coroutine<Object, Object, Object> root = wrap(wrap(wrap(leaf)));
        List<Object> seen = new ArrayList<>();
        @SuppressWarnings("unchecked")
        StateMachine<Object, Object, Object> sm = (StateMachine<Object, Object, Object>) root;
        sm.asStream().forEach(v -> {
            seen.add(v);
            if (v.equals("a1")) {
                seen.add("direct " + leaf.next());
            }
        });
        // Python: for v in root: ... next(leaf) -> a1, direct a2, a3
        assertEquals(List.of("a1", "direct a2", "a3"), seen);
        assertEquals("ra", root.result());
    }

    @Test
    void streamOfTheInnermostWhoseActionResumesTheRootIsRefusedAtTheYieldAll() {
        Coroutine<Object, Object, String> leaf = three("a");
        Coroutine<Object, Object, Object> root = catchesISE(wrap(wrap(leaf)));
        assertEquals("a1", root.next());
        List<Object> seen = new ArrayList<>();
        @SuppressWarnings("unchecked")
        StateMachine<Object, Object, String> sm = (StateMachine<Object, Object, String>) leaf;
        sm.asStream().forEach(v -> {
            seen.add(v);
            if (v.equals("a2")) {
                seen.add(root.next());
            }
        });
        assertEquals(List.of("a2", "caught ISE", "a3"), seen);
    }

    @Test
    void streamOfAMiddleGeneratorIsRefused() {
        Coroutine<Object, Object, String> leaf = three("a");
        Coroutine<Object, Object, Object> mid = wrap(leaf);
        Coroutine<Object, Object, Object> root = wrap(wrap(mid));
        assertEquals("a1", root.next());
        @SuppressWarnings("unchecked")
        StateMachine<Object, Object, Object> sm = (StateMachine<Object, Object, Object>) mid;
        assertThrows(IllegalStateException.class, () -> sm.asStream().forEach(v -> {}));
        assertEquals("a2", root.next());
    }

    // ---- 6. watched coroutines entering a chain ----

    @Test
    void watchedCoroutinesAsDelegatesAtDepthOneAndThree() {
        List<String> told = new ArrayList<>();
        StateMachine.watchCoroutines(c -> () -> told.add("first use " + state(c)));
        try {
            Coroutine<Object, Object, String> leaf = three("w");
            Coroutine<Object, Object, Object> m2 = wrap(leaf);
            Coroutine<Object, Object, Object> m1 = wrap(m2);
            Coroutine<Object, Object, Object> root = wrap(m1);
            assertEquals("not started", state(leaf));
            assertEquals("not started", state(m1));
            assertEquals("w1", root.next());
            assertEquals(4, told.size(), told.toString());
            assertEquals("running", state(m1));
            assertEquals("suspended", state(leaf));
            List<Object> out = new ArrayList<>();
            root.forEachRemaining(out::add);
            assertEquals(List.of("w2", "w3"), out);
            assertEquals("rw", root.result());
            assertEquals("done", state(m2));
            assertEquals(4, told.size(), told.toString());
        } finally {
            StateMachine.watchCoroutines(null);
        }
    }

    @Test
    void watchedCoroutineDelegateThatHasNextWasCalledOnFirst() {
        List<String> told = new ArrayList<>();
        StateMachine.watchCoroutines(c -> () -> told.add("used"));
        try {
            Coroutine<Integer, Object, Void> p = pure(1);
            Coroutine<Object, Object, String> leaf = three("w");
            assertTrue(p.hasNext());
            assertTrue(leaf.hasNext());
            told.clear();
            Coroutine<Object, Object, Object> root = wrap(wrap(raw(p)));
            assertEquals(1, root.next());
            Coroutine<Object, Object, Object> root2 = wrap(wrap(leaf));
            assertEquals("w1", root2.next());
            assertEquals(4, told.size(), told.toString()); // the four wraps
        } finally {
            StateMachine.watchCoroutines(null);
        }
    }

    // ---- 7. close of a middle generator, then of the root ----

    @Generator
    static Coroutine<Object, Object, Object> fin(Coroutine<Object, Object, ?> c, String name, List<String> log) {
        try {
            Object r = Yield.all(c);
            return Yield.done(r);
        } finally {
            log.add("fin " + name);
        }
    }

    @Generator
    static Coroutine<Object, Object, Object> finLeaf(List<String> log) {
        try {
            Yield.value("l1");
            Yield.value("l2");
        } finally {
            log.add("fin leaf");
        }
        return Yield.done();
    }

    @Test
    void closeOfAMiddleIsRefusedThenTheRootClosesAll() {
        List<String> log = new ArrayList<>();
        Coroutine<Object, Object, Object> leaf = finLeaf(log);
        Coroutine<Object, Object, Object> mid = fin(leaf, "mid", log);
        Coroutine<Object, Object, Object> root = fin(fin(mid, "m1", log), "root", log);
        assertEquals("l1", root.next());
        assertThrows(IllegalStateException.class, mid::close);
        assertThrows(IllegalStateException.class, () -> mid.raise(new GeneratorExit()));
        assertEquals("running", state(mid));
        assertFalse(mid.isDone());
        assertThrows(IllegalStateException.class, mid::result);
        assertTrue(leaf.hasNext());
        root.close();
        assertEquals(List.of("fin leaf", "fin mid", "fin m1", "fin root"), log);
        assertTrue(mid.isDone());
        assertTrue(leaf.isDone());
        assertEquals("done", state(mid));
    }

    // ---- 8. a hand-written Coroutine and a plain Iterator at the innermost of a deep chain ----

    static final class Echo implements Coroutine<Object, Object, String> {
        final List<String> log;
        int n;
        boolean done;

        Echo(List<String> log) {
            this.log = log;
        }

        @Override
        public boolean hasNext() {
            return !done;
        }

        @Override
        public Object next() {
            return send(null);
        }

        @Override
        public Object send(Object v) {
            if (done) {
                throw new NoSuchElementException();
            }
            log.add("send " + v);
            if ("stop".equals(v)) {
                done = true;
                throw new NoSuchElementException();
            }
            return "e" + n++;
        }

        @Override
        public Object raise(Throwable t) {
            log.add("raise " + t.getClass().getSimpleName());
            if (t instanceof X) {
                return "handled";
            }
            done = true;
            throw (RuntimeException) t;
        }

        @Override
        public void close() {
            log.add("close");
            done = true;
        }

        @Override
        public String result() {
            return "echo result";
        }

        @Override
        public boolean isDone() {
            return done;
        }
    }

    @Generator
    static Coroutine<Object, Object, Object> allOf(Iterator<?> source) {
        Object r = Yield.all(source);
        Yield.value("got " + r);
        return Yield.done("allOf");
    }

    @Test
    void handWrittenCoroutineAtTheInnermostOfADeepChain() {
        List<String> log = new ArrayList<>();
        Coroutine<Object, Object, Object> root = wrap(wrap(wrap(allOf(new Echo(log)))));
        assertEquals("e0", root.next());
        assertEquals("e1", root.send("a"));
        assertEquals("handled", root.raise(new X("x")));
        assertEquals("got echo result", root.send("stop"));
        assertThrows(NoSuchElementException.class, () -> root.send("z"));
        assertEquals("allOf", root.result());
        assertEquals(List.of("send null", "send a", "raise X", "send stop"), log);
    }

    @Test
    void handWrittenCoroutineAtTheInnermostOfADeepChainClosed() {
        List<String> log = new ArrayList<>();
        Coroutine<Object, Object, Object> root = wrap(wrap(wrap(allOf(new Echo(log)))));
        assertEquals("e0", root.next());
        root.close();
        assertEquals(List.of("send null", "close"), log);
        assertTrue(root.isDone());
    }

    @Generator
    static Coroutine<Object, Object, Object> allOfCatching(Iterator<?> source) {
        try {
            Yield.all(source);
        } catch (UnsupportedOperationException e) {
            Yield.value("caught UOE");
        }
        return Yield.done("c");
    }

    @Test
    void plainIteratorAtTheInnermostOfADeepChainSentAValue() {
        Coroutine<Object, Object, Object> root = wrap(wrap(wrap(allOfCatching(List.of("p", "q").iterator()))));
        assertEquals("p", root.next());
        assertEquals("caught UOE", root.send("v"));
        assertFalse(root.hasNext());
        assertEquals("c", root.result());
    }

    // ---- 9. a delegate that throws on its first resume at depth 3, caught, delegating again ----

    @Generator
    static Coroutine<Object, Object, String> throwsAtOnce() {
        if (true) {
            throw new X("first");
        }
        Yield.value("never");
        return Yield.done();
    }

    @Generator
    static Coroutine<Object, Object, String> catchesAndRedelegates() {
        String r;
        try {
            r = Yield.all(throwsAtOnce());
        } catch (X e) {
            r = Yield.all(three("c"));
        }
        Yield.value("after " + r);
        return Yield.done("cr");
    }

    @Test
    void aDelegateThrowingOnItsFirstResumeAtDepthThreeThenDelegatingAgain() {
        Coroutine<Object, Object, Object> root = wrap(wrap(catchesAndRedelegates()));
        List<Object> out = new ArrayList<>();
        out.add(root.next());
        out.add(root.send("s"));
        out.add(root.next());
        out.add(root.next());
        assertThrows(NoSuchElementException.class, () -> root.send("t"));
        assertEquals(List.of("c1", "c2", "c3", "after rc"), out);
        assertEquals("cr", root.result());
    }

    // ---- 10. result, isDone, toString at each position ----

    @Test
    void resultIsDoneAndToStringAtEachPosition() {
        Coroutine<Object, Object, String> leaf = three("t");
        Coroutine<Object, Object, Object> mid = wrap(leaf);
        Coroutine<Object, Object, Object> root = wrap(wrap(mid));
        assertEquals("not started", state(root));
        assertEquals("t1", root.next());
        assertEquals("suspended", state(root));
        assertEquals("running", state(mid));
        assertEquals("suspended", state(leaf));
        for (Coroutine<?, ?, ?> g : List.of(root, mid, leaf)) {
            assertFalse(g.isDone());
            assertThrows(IllegalStateException.class, g::result);
        }
        assertEquals("t2", leaf.next());
        assertEquals("t3", root.next());
        assertFalse(root.hasNext());
        for (Coroutine<?, ?, ?> g : List.of(root, mid, leaf)) {
            assertTrue(g.isDone());
            assertEquals("done", state(g));
        }
        assertEquals("rt", leaf.result());
        assertEquals("rt", mid.result());
        assertEquals("rt", root.result());
        assertNull(null);
    }
}
