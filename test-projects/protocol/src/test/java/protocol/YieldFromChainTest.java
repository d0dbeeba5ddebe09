package protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.GeneratorExit;
import dev.generators.Yield;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Chains of {@code Yield.all} growing and shrinking, closed, raised into and used directly at
 * every depth, and generators that two chains meet in: each case checked against what CPython
 * does for the same program, or, where a generator would run twice at once, against the
 * project's rule that it counts as running.
 */
class YieldFromChainTest {

    @Generator
    static Coroutine<Object, Object, String> leafB() {
        Yield.value("b1");
        return Yield.done("rb");
    }

    @Generator
    static Coroutine<Object, Object, Void> midA() {
        Yield.value("a1");
        String r = Yield.all(leafB());
        Yield.value("a2:" + r);
        return Yield.done();
    }

    @Generator
    static Coroutine<Object, Object, Object> wrap(Coroutine<Object, Object, ?> c) {
        Object r = Yield.all(c);
        return Yield.done(r);
    }

    /**
     * Python forwards r1's next() through a, which is suspended in its own yield from (a1, b1,
     * a2:rb); here a is the middle of r2's chain, which counts as running, so r1's Yield.all
     * fails as one of a running generator does, and r2 goes on untouched.
     */
    @Test
    void aGeneratorInnermostOfOneChainAndMiddleOfAnotherCountsAsRunning() {
        Coroutine<Object, Object, Void> a = midA();
        Coroutine<Object, Object, Object> r1 = wrap(a);
        Coroutine<Object, Object, Object> r2 = wrap(a);
        assertEquals("a1", r1.next());
        assertEquals("b1", r2.next()); // r2 -> a -> b: a is the middle of r2's chain, held
        IllegalStateException refused = assertThrows(IllegalStateException.class, r1::next);
        assertTrue(refused.getMessage().contains("is already running"), refused.getMessage());
        assertTrue(r1.isDone());
        List<Object> rest = new ArrayList<>();
        r2.forEachRemaining(rest::add);
        assertEquals(List.of("a2:rb"), rest);
    }

    @Generator
    static Coroutine<Object, Object, Void> cyc(Object[] holder) {
        Yield.value("x1");
        try {
            @SuppressWarnings("unchecked")
            Coroutine<Object, Object, Object> r = (Coroutine<Object, Object, Object>) holder[0];
            Yield.all(r);
        } catch (IllegalStateException e) {
            Yield.value("x caught " + e.getClass().getSimpleName());
        }
        return Yield.done();
    }

    /** Python: x1, then next(x) gives "x caught ValueError" (generator already executing). */
    @Test
    void aDelegateThatYieldAllsItsOwnDelegatorWhenAdvancedDirectlyGetsAlreadyRunning() {
        Object[] h = new Object[1];
        Coroutine<Object, Object, Void> x = cyc(h);
        Coroutine<Object, Object, Object> r = wrap(x);
        h[0] = r;
        assertEquals("x1", r.next());
        assertEquals("x caught IllegalStateException", x.next());
    }

    // ---- scenario checks ----

    @Generator
    static Coroutine<Object, Object, String> leaf(String tag) {
        Object got = Yield.value(tag);
        return Yield.done(tag + ":" + got);
    }

    @Generator
    static Coroutine<Object, Object, String> lvl(int depth, String tag) {
        String r;
        if (depth == 0) {
            r = Yield.all(leaf(tag));
            return Yield.done(r);
        }
        r = Yield.all(lvl(depth - 1, tag + "."));
        Object got = Yield.value("after " + r);
        return Yield.done("lvl" + depth + ":" + got);
    }

    @Generator
    static Coroutine<Object, Object, String> growShrink() {
        String r1 = Yield.all(lvl(0, "one")); // depth 1(+leaf=2)
        Object g1 = Yield.value("r1=" + r1);
        String r3 = Yield.all(lvl(2, "three"));
        Object g2 = Yield.value("r3=" + r3 + " g1=" + g1);
        String r2 = Yield.all(lvl(1, "two"));
        Object g3 = Yield.value("r2=" + r2 + " g2=" + g2);
        String r0 = Yield.all(leaf("zero"));
        return Yield.done("r0=" + r0 + " g3=" + g3);
    }

    @Test
    void chainGrowsAndShrinksRepeatedlyWithSends() {
        Coroutine<Object, Object, String> g = growShrink();
        List<Object> out = new ArrayList<>();
        out.add(g.next());
        int i = 0;
        try {
            for (;;) {
                out.add(g.send("s" + i++));
            }
        } catch (java.util.NoSuchElementException end) {
            // finished
        }
        assertEquals(
                List.of(
                        "one", "r1=one:s0", "three..", "after three..:s2", "after lvl1:s3", "r3=lvl2:s4 g1=s1",
                        "two.", "after two.:s6", "r2=lvl1:s7 g2=s5", "zero"),
                out);
        assertEquals("r0=zero:s9 g3=s8", g.result());
    }

    @Generator
    static Coroutine<Object, Object, String> catchesAndDelegatesAgain(int depth, List<String> log) {
        for (int round = 0; round < 3; round++) {
            try {
                String r = Yield.all(depth == 0 ? leaf("L" + round) : catchesAndDelegatesAgain(depth - 1, log));
                log.add(depth + " got " + r);
            } catch (ArithmeticException e) {
                log.add(depth + " caught " + e.getMessage());
            }
        }
        return Yield.done("d" + depth);
    }

    @Test
    void raiseCaughtAtEachDepthThenDelegatingAgain() {
        List<String> log = new ArrayList<>();
        Coroutine<Object, Object, String> g = catchesAndDelegatesAgain(3, log);
        List<Object> out = new ArrayList<>();
        out.add(g.next());
        int n = 0;
        try {
            for (;;) {
                out.add(n % 3 == 1 ? g.send("v" + n) : g.raise(new ArithmeticException("e" + n)));
                n++;
            }
        } catch (java.util.NoSuchElementException end) {
            // finished
        }
        assertEquals("d3", g.result());
        assertEquals(pyCatchLog(), String.join("|", log) + " || " + out);
    }

    static String pyCatchLog() {
        return "0 caught e0|0 got L1:v1|0 caught e2|1 got d0|0 caught e3|0 got L1:v4|0 caught e5|1 got d0|0 caught e6|0 got L1:v7|0 caught e8|1 got d0|2 got d1|0 caught e9|0 got L1:v10|0 caught e11|1 got d0|0 caught e12|0 got L1:v13|0 caught e14|1 got d0|0 caught e15|0 got L1:v16|0 caught e17|1 got d0|2 got d1|0 caught e18|0 got L1:v19|0 caught e20|1 got d0|0 caught e21|0 got L1:v22|0 caught e23|1 got d0|0 caught e24|0 got L1:v25|0 caught e26|1 got d0|2 got d1|3 got d2|0 caught e27|0 got L1:v28|0 caught e29|1 got d0|0 caught e30|0 got L1:v31|0 caught e32|1 got d0|0 caught e33|0 got L1:v34|0 caught e35|1 got d0|2 got d1|0 caught e36|0 got L1:v37|0 caught e38|1 got d0|0 caught e39|0 got L1:v40|0 caught e41|1 got d0|0 caught e42|0 got L1:v43|0 caught e44|1 got d0|2 got d1|0 caught e45|0 got L1:v46|0 caught e47|1 got d0|0 caught e48|0 got L1:v49|0 caught e50|1 got d0|0 caught e51|0 got L1:v52|0 caught e53|1 got d0|2 got d1|3 got d2|0 caught e54|0 got L1:v55|0 caught e56|1 got d0|0 caught e57|0 got L1:v58|0 caught e59|1 got d0|0 caught e60|0 got L1:v61|0 caught e62|1 got d0|2 got d1|0 caught e63|0 got L1:v64|0 caught e65|1 got d0|0 caught e66|0 got L1:v67|0 caught e68|1 got d0|0 caught e69|0 got L1:v70|0 caught e71|1 got d0|2 got d1|0 caught e72|0 got L1:v73|0 caught e74|1 got d0|0 caught e75|0 got L1:v76|0 caught e77|1 got d0|0 caught e78|0 got L1:v79|0 caught e80|1 got d0|2 got d1|3 got d2 || [L0, L1, L2, L0, L1, L2, L0, L1, L2, L0, L1, L2, L0, L1, L2, L0, L1, L2, L0, L1, L2, L0, L1, L2, L0, L1, L2, L0, L1, L2, L0, L1, L2, L0, L1, L2, L0, L1, L2, L0, L1, L2, L0, L1, L2, L0, L1, L2, L0, L1, L2, L0, L1, L2, L0, L1, L2, L0, L1, L2, L0, L1, L2, L0, L1, L2, L0, L1, L2, L0, L1, L2, L0, L1, L2, L0, L1, L2, L0, L1, L2]";
    }

    @Generator
    static Coroutine<Object, Object, String> nulls(int depth) {
        if (depth == 0) {
            Object a = Yield.value(null);
            Object b = Yield.value(null);
            return Yield.done(a == null && b == null ? null : "sent");
        }
        Yield.value(null);
        String r = Yield.all(nulls(depth - 1));
        Yield.value("r" + depth + "=" + r);
        return Yield.done(null);
    }

    @Test
    void nullValuesAndNullResultsThroughThreeLevels() {
        Coroutine<Object, Object, String> g = nulls(3);
        List<Object> out = new ArrayList<>();
        while (g.hasNext()) {
            out.add(g.next());
        }
        assertEquals(
                Arrays.asList(null, null, null, null, null, "r1=null", "r2=null", "r3=null"), out);
        assertNull(g.result());
    }

    @Test
    void streamOfADelegatingGenerator() {
        Coroutine<Object, Object, String> g = nulls(3);
        @SuppressWarnings("unchecked")
        List<Object> out = ((dev.generators.StateMachine<Object, Object, String>) g)
                .asStream()
                .map(String::valueOf)
                .collect(Collectors.toList());
        assertEquals(List.of("null", "null", "null", "null", "null", "r1=null", "r2=null", "r3=null"), out);
    }

    @Generator
    static Coroutine<Object, Object, Void> withFinally(int depth, List<String> log) {
        try {
            Yield.value("v" + depth);
            if (depth > 0) {
                Yield.all(withFinally(depth - 1, log));
            }
            Yield.value("w" + depth);
        } finally {
            log.add("fin" + depth);
        }
        return Yield.done();
    }

    @Test
    void closeAtEachDepth() {
        for (int steps = 1; steps <= 8; steps++) {
            List<String> log = new ArrayList<>();
            Coroutine<Object, Object, Void> g = withFinally(3, log);
            for (int i = 0; i < steps && g.hasNext(); i++) {
                g.next();
            }
            g.close();
            assertTrue(g.isDone());
            assertFalse(g.hasNext());
            // every generator started and not finished has run its finally, innermost first
            List<String> sorted = new ArrayList<>(log);
            assertEquals(log.size(), sorted.stream().distinct().count(), log.toString());
        }
    }

    @Generator
    static Coroutine<Object, Object, String> throwsAt(int depth, int at) {
        Yield.value("t" + depth);
        if (depth == at) {
            throw new ArithmeticException("at" + depth);
        }
        if (depth > 0) {
            String r;
            try {
                r = Yield.all(throwsAt(depth - 1, at));
            } catch (ArithmeticException e) {
                if (depth == at + 2) {
                    r = "caught " + e.getMessage();
                } else {
                    throw e;
                }
            }
            Yield.value("got " + r);
        }
        return Yield.done("d" + depth);
    }

    @Test
    void aDelegateThrowingAtEachDepth() {
        for (int at = 0; at <= 3; at++) {
            Coroutine<Object, Object, String> g = throwsAt(4, at);
            List<Object> out = new ArrayList<>();
            try {
                while (g.hasNext()) {
                    out.add(g.next());
                }
                out.add("result " + g.result());
            } catch (ArithmeticException e) {
                out.add("threw " + e.getMessage());
            }
            // values t4..t(at), then "got caught at<at>" at depth at+2 (if <= 4), then results
            String s = out.toString();
            assertTrue(s.contains("t" + at), s);
            if (at + 2 <= 4) {
                assertTrue(s.contains("got caught at" + at), s);
                assertTrue(s.contains("result d4"), s);
            } else {
                assertTrue(s.contains("threw at" + at), s);
            }
        }
    }

    @Test
    void yieldAllOfAFinishedGenerator() {
        Coroutine<Object, Object, String> l = leaf("x");
        l.next();
        assertThrows(java.util.NoSuchElementException.class, () -> l.send("y"));
        Coroutine<Object, Object, Object> w = wrap(l);
        assertFalse(w.hasNext());
        assertEquals("x:y", w.result());
    }

    @Test
    void directUseOfTheInnermostAtDepthThree() {
        Coroutine<Object, Object, String> inner = leaf("in");
        Coroutine<Object, Object, Object> top = wrap(wrap(wrap(inner)));
        assertEquals("in", top.next());
        assertThrows(java.util.NoSuchElementException.class, () -> inner.send("direct"));
        assertFalse(top.hasNext());
        assertEquals("in:direct", top.result());
    }

    @Test
    void innermostClosedDirectlyAtDepthThreeThenRaise() {
        List<String> log = new ArrayList<>();
        Coroutine<Object, Object, Void> inner = withFinally(0, log);
        Coroutine<Object, Object, Object> top = wrap(wrap(wrap(inner)));
        assertEquals("v0", top.next());
        inner.close();
        assertThrows(ArithmeticException.class, () -> top.raise(new ArithmeticException()));
        assertTrue(top.isDone());
        assertEquals(List.of("fin0"), log);
    }

    @Test
    void takenUpChainThenClosed() {
        List<String> log = new ArrayList<>();
        Coroutine<Object, Object, Void> mid = withFinally(3, log);
        mid.next();
        mid.next(); // v2, two deep? v3 then v2
        mid.next(); // v1
        Coroutine<Object, Object, Object> top = wrap(mid);
        assertEquals("v0", top.next());
        top.close();
        assertEquals(List.of("fin0", "fin1", "fin2", "fin3"), log);
        assertTrue(mid.isDone());
    }

    @Test
    void takenUpChainRaisedIntoAndDirectlyUsed() {
        List<String> log = new ArrayList<>();
        Coroutine<Object, Object, String> mid = catchesAndDelegatesAgain(2, log);
        assertEquals("L0", mid.next());
        Coroutine<Object, Object, Object> top = wrap(mid);
        assertEquals("L1", top.next());
        assertEquals("L2", top.raise(new ArithmeticException("e")));
        assertEquals("L0", mid.raise(new ArithmeticException("f")));
        assertEquals("L1", top.raise(new ArithmeticException("g")));
        List<Object> out = new ArrayList<>();
        top.forEachRemaining(out::add);
        assertEquals("d2", top.result());
        assertEquals(List.of("0 got L0:null", "0 caught e", "0 caught f", "1 got d0", "0 caught g"), log.subList(0, 5));
    }

    @Generator
    static Coroutine<Object, Object, String> leafC() {
        Yield.value("c1");
        return Yield.done(null);
    }

    @Generator
    static Coroutine<Object, Object, Void> midB() {
        Yield.value("b1");
        Object r = Yield.all(leafC());
        Yield.value("b got " + r);
        return Yield.done();
    }

    /**
     * b is the middle of r2's chain, and holds its link outwards there: r1's next() must not
     * resume b (whose Yield.all would read that link as its result) but fail as for a running
     * generator.
     */
    @Test
    void aGeneratorInTheMiddleOfAnotherChainIsNotResumedByTheFirst() {
        Coroutine<Object, Object, Void> b = midB();
        Coroutine<Object, Object, Object> r1 = wrap(b);
        Coroutine<Object, Object, Object> r2 = wrap(wrap(b));
        assertEquals("b1", r1.next());
        assertEquals("c1", r2.next()); // r2 -> wrap -> b -> c: b holds its delegator in exchange
        IllegalStateException refused = assertThrows(IllegalStateException.class, r1::next);
        assertTrue(refused.getMessage().contains("is already running"), refused.getMessage());
        List<Object> rest = new ArrayList<>();
        r2.forEachRemaining(rest::add);
        assertEquals(List.of("b got null"), rest);
    }

    @Generator
    static Coroutine<Object, Object, Void> callsBack(Object[] holder) {
        Yield.value("x1");
        try {
            ((java.util.Iterator<?>) holder[0]).next();
        } catch (IllegalStateException e) {
            Yield.value("refused");
        }
        Yield.value("x2");
        return Yield.done();
    }

    /** Python: x1, then next(x) -> its body's next(r) raises ValueError (already executing). */
    @Test
    void aDelegateAdvancedDirectlyWhoseBodyAdvancesItsDelegatorIsRefused() {
        Object[] h = new Object[1];
        Coroutine<Object, Object, Void> x = callsBack(h);
        Coroutine<Object, Object, Object> r = wrap(x);
        h[0] = r;
        assertEquals("x1", r.next());
        assertEquals("refused", x.next());
    }

    @Generator
    static Coroutine<Object, Object, Void> delegatesOnClose(List<String> log) {
        try {
            Yield.value("d1");
        } catch (GeneratorExit e) {
            log.add("caught exit");
            Yield.all(leafC());
        }
        return Yield.done();
    }

    /**
     * Python: r.close() raises RuntimeError (d ignored GeneratorExit, through c's value). Here
     * close() fails with IllegalStateException, and d and c are over (as a delegate that yields
     * when closed is), not left running.
     */
    @Test
    void aDelegateThatDelegatesWhenClosedMakesCloseFailAndIsOver() {
        List<String> log = new ArrayList<>();
        Coroutine<Object, Object, Void> d = delegatesOnClose(log);
        Coroutine<Object, Object, Object> r = wrap(d);
        assertEquals("d1", r.next());
        RuntimeException e = assertThrows(RuntimeException.class, r::close);
        assertTrue(r.isDone());
        assertTrue(e instanceof IllegalStateException, e.toString());
        assertEquals(List.of("caught exit"), log);
        assertTrue(d.isDone(), d.toString());
    }
}
