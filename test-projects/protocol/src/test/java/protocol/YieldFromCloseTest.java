package protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static protocol.CloseGridAgainstCPythonTest.leaf;
import static protocol.CloseGridAgainstCPythonTest.wrapS;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.GeneratorExit;
import dev.generators.Yield;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * A close through {@code Yield.all} chains, in the cases a grid of chains 1 to 4 deep, compared
 * with CPython's {@code yield from} for every way of catching, yielding, returning, throwing and
 * delegating again, found wrong: a root that ignores its close through a new delegation, and a
 * close that meets an innermost running its own step. Its leaves and wrappers are the grid's.
 */
class YieldFromCloseTest {

    @Generator
    static Coroutine<Object, Object, Object> delegatesWhenClosed(Coroutine<Object, Object, ?> w, List<String> log) {
        try {
            Yield.value("r1");
        } catch (GeneratorExit e) {
            log.add("root caught GE");
            Object r = Yield.all(w);
            return Yield.done(r);
        }
        return Yield.done();
    }

    /**
     * Python: close() raises RuntimeError (the root ignored GeneratorExit), and w and s, which
     * the root began to delegate to when closed, stay suspended: next(w) gives s2, then
     * StopIteration(sL).
     */
    @Test
    void aRootThatIgnoresItsCloseThroughATwoDeepDelegationLeavesThoseGeneratorsUsable() {
        List<String> log = new ArrayList<>();
        Coroutine<Object, Object, Object> s = leaf("s", log);
        Coroutine<Object, Object, Object> w = wrapS("w", s, log);
        Coroutine<Object, Object, Object> root = delegatesWhenClosed(w, log);
        assertEquals("r1", root.next());
        assertThrows(IllegalStateException.class, root::close);
        assertTrue(root.isDone());
        assertEquals("s2", w.next(), w.toString());
        assertThrows(NoSuchElementException.class, w::next);
        assertEquals("sL", w.result());
        assertEquals(List.of("root caught GE", "fin s", "fin w"), log);
    }

    @Generator
    static Coroutine<Object, Object, Object> delegatingDelegatesWhenClosed(
            Coroutine<Object, Object, ?> first, Coroutine<Object, Object, ?> w, List<String> log) {
        try {
            Yield.all(first);
        } catch (GeneratorExit e) {
            log.add("root caught GE");
            Object r = Yield.all(w);
            return Yield.done(r);
        }
        return Yield.done();
    }

    /** The same, the close reaching the root from its delegate n, which it passes through. */
    @Test
    void aDelegatingRootThatIgnoresItsCloseThroughATwoDeepDelegationLeavesThoseGeneratorsUsable() {
        List<String> log = new ArrayList<>();
        Coroutine<Object, Object, Object> w = wrapS("w", wrapS("v", leaf("s", log), log), log);
        Coroutine<Object, Object, Object> root = delegatingDelegatesWhenClosed(leaf("n", log), w, log);
        assertEquals("n1", root.next());
        assertThrows(IllegalStateException.class, root::close);
        assertEquals(List.of("fin n", "root caught GE"), log);
        assertEquals("s2", w.next(), w.toString());
        assertThrows(NoSuchElementException.class, w::next);
        assertEquals(List.of("fin n", "root caught GE", "fin s", "fin v", "fin w"), log);
    }

    static final List<Coroutine<Object, Object, Object>> HOLDER = new ArrayList<>();

    @Generator
    static Coroutine<Object, Object, Object> closesItsRoot(List<String> log) {
        Yield.value("c1");
        try {
            HOLDER.get(0).close();
            log.add("close returned");
        } catch (RuntimeException e) {
            log.add("close threw " + e.getClass().getSimpleName());
        }
        Yield.value("c2");
        return Yield.done();
    }

    @Generator
    static Coroutine<Object, Object, Object> catchesAnythingAndReturns(Coroutine<Object, Object, ?> c, List<String> log) {
        try {
            Yield.all(c);
        } catch (Throwable e) {
            log.add("mid caught " + e.getClass().getSimpleName());
            return Yield.done("mid");
        }
        Yield.value("mid after");
        return Yield.done();
    }

    @Generator
    static Coroutine<Object, Object, Object> passesAClose(Coroutine<Object, Object, ?> m, List<String> log) {
        try {
            Object r = Yield.all(m);
            log.add("root got " + r);
            Yield.value("root after");
        } catch (GeneratorExit e) {
            log.add("root caught GE");
            throw e;
        }
        return Yield.done();
    }

    /**
     * The innermost, resumed directly, closes the root of its chain. Python: closing the running
     * innermost raises ValueError ("generator already executing") in mid, which returns, so the
     * close goes on to the root as a GeneratorExit, and close() returns:
     * ['mid caught ValueError', 'root caught GE', 'close returned'].
     */
    @Test
    void aCloseThatMeetsARunningInnermostGoesOnAsACloseWhenItsDelegatorReturns() {
        List<String> log = new ArrayList<>();
        Coroutine<Object, Object, Object> c = closesItsRoot(log);
        Coroutine<Object, Object, Object> root = passesAClose(catchesAnythingAndReturns(c, log), log);
        HOLDER.clear();
        HOLDER.add(root);
        assertEquals("c1", root.next());
        assertEquals("c2", c.next());
        assertEquals(List.of("mid caught IllegalStateException", "root caught GE", "close returned"), log);
        assertTrue(root.isDone());
    }
}
