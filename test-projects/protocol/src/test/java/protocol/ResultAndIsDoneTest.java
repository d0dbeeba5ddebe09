package protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** {@code result()} (Python's {@code StopIteration.value}) and {@code isDone()}. */
class ResultAndIsDoneTest {

    @Generator
    static Coroutine<String, Object, Integer> answers(boolean fail) {
        Yield.value("thinking");
        if (fail) {
            throw new ArithmeticException("no answer");
        }
        return Yield.done(42);
    }

    @Generator
    static Coroutine<String, Object, String> noResult() {
        Yield.value("only");
        return Yield.done();
    }

    @Generator
    static Iterator<String> iteratorWithResult() {
        Yield.value("a");
        return Yield.done("iterator result");
    }

    @Generator
    static Iterable<String> iterableWithResult() {
        Yield.value("a");
        return Yield.done("iterable result");
    }

    @Test
    void resultIsTheValueGivenToDone() {
        Coroutine<String, Object, Integer> g = answers(false);
        assertEquals("thinking", g.next());
        assertThrows(NoSuchElementException.class, g::next); // StopIteration(42)
        assertEquals(42, g.result());
        assertEquals(42, g.result(), "asking twice gives it twice");
    }

    @Test
    void resultOfABodyThatReturnsDoneWithoutAValueIsNull() {
        // Python: StopIteration().value is None
        Coroutine<String, Object, String> g = noResult();
        g.next();
        assertFalse(g.hasNext());
        assertNull(g.result());
    }

    @Test
    void resultIsKnownOnceHasNextRanTheBodyToItsEnd() {
        Coroutine<String, Object, Integer> g = answers(false);
        g.next();
        assertFalse(g.hasNext());
        assertTrue(g.isDone());
        assertEquals(42, g.result());
    }

    @Test
    void resultBeforeTheEndThrowsIllegalState() {
        Coroutine<String, Object, Integer> g = answers(false);
        assertThrows(IllegalStateException.class, g::result);
        g.next();
        assertThrows(IllegalStateException.class, g::result);
    }

    @Test
    void resultWhileHasNextHoldsAValueThrowsIllegalState() {
        Coroutine<String, Object, Integer> g = answers(false);
        assertTrue(g.hasNext());
        assertThrows(IllegalStateException.class, g::result);
        assertEquals("thinking", g.next());
    }

    @Test
    void resultAfterAnExceptionThrowsIllegalState() {
        Coroutine<String, Object, Integer> g = answers(true);
        g.next();
        assertThrows(ArithmeticException.class, g::next);
        assertThrows(IllegalStateException.class, g::result);
    }

    @Test
    void resultAfterCloseThrowsIllegalState() {
        Coroutine<String, Object, Integer> g = answers(false);
        g.next();
        g.close();
        assertThrows(IllegalStateException.class, g::result);
    }

    @Test
    void resultAfterCloseBeforeStartThrowsIllegalState() {
        Coroutine<String, Object, Integer> g = answers(false);
        g.close();
        assertThrows(IllegalStateException.class, g::result);
    }

    @Test
    void resultAfterRaiseBeforeStartThrowsIllegalState() {
        Coroutine<String, Object, Integer> g = answers(false);
        assertThrows(ArithmeticException.class, () -> g.raise(new ArithmeticException()));
        assertThrows(IllegalStateException.class, g::result);
    }

    @Test
    void isDoneIsFalseUntilTheBodyHasFinished() {
        Coroutine<String, Object, Integer> g = answers(false);
        assertFalse(g.isDone(), "fresh");
        assertTrue(g.hasNext());
        assertFalse(g.isDone(), "a value fetched ahead");
        g.next();
        assertFalse(g.isDone(), "suspended at its last yield: the body has not returned yet");
        assertFalse(g.hasNext());
        assertTrue(g.isDone(), "after a normal end");
    }

    @Test
    void isDoneAfterAnException() {
        Coroutine<String, Object, Integer> g = answers(true);
        g.next();
        assertThrows(ArithmeticException.class, g::next);
        assertTrue(g.isDone());
    }

    @Test
    void isDoneAfterClose() {
        Coroutine<String, Object, Integer> g = answers(false);
        g.next();
        g.close();
        assertTrue(g.isDone());
        Coroutine<String, Object, Integer> fresh = answers(false);
        fresh.close();
        assertTrue(fresh.isDone());
    }

    @Test
    void aGeneratorDeclaredIteratorHasAResultAsACoroutine() {
        Iterator<String> it = iteratorWithResult();
        assertEquals("a", it.next());
        assertFalse(it.hasNext());
        Coroutine<?, ?, ?> g = (Coroutine<?, ?, ?>) it;
        assertTrue(g.isDone());
        assertEquals("iterator result", g.result());
    }

    @Test
    void aGeneratorDeclaredIterableHandsOutCoroutinesWithAResult() {
        Iterator<String> it = iterableWithResult().iterator();
        it.next();
        assertFalse(it.hasNext());
        assertEquals("iterable result", ((Coroutine<?, ?, ?>) it).result());
    }
}
