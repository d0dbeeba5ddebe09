package protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** {@code send}: Python's {@code g.send(v)} (PEP 342). */
class SendTest {

    @Generator
    static Coroutine<String, String, String> twoQuestions(List<String> log) {
        log.add("started");
        String first = Yield.value("name?");
        log.add("got " + first);
        String second = Yield.value("quest?");
        log.add("got " + second);
        return Yield.done(first + "/" + second);
    }

    @Generator
    static Coroutine<Integer, Integer, Void> doubler() {
        Integer received = null;
        for (int round = 0; round < 3; round++) {
            received = Yield.value(received == null ? -1 : received * 2);
        }
        return Yield.done();
    }

    @Test
    void sendMakesThePendingYieldEvaluateToTheSentValue() {
        List<String> log = new ArrayList<>();
        Coroutine<String, String, String> g = twoQuestions(log);
        assertEquals(List.of(), log, "calling a generator method runs none of its body");
        assertEquals("name?", g.next());
        assertEquals("quest?", g.send("Lancelot"));
        assertEquals(List.of("started", "got Lancelot"), log);
        assertThrows(NoSuchElementException.class, () -> g.send("the Grail"));
        assertEquals(List.of("started", "got Lancelot", "got the Grail"), log);
        assertTrue(g.isDone());
        assertEquals("Lancelot/the Grail", g.result());
    }

    @Test
    void nextMakesThePendingYieldEvaluateToNull() {
        List<String> log = new ArrayList<>();
        Coroutine<String, String, String> g = twoQuestions(log);
        assertEquals("name?", g.next());
        assertEquals("quest?", g.next());
        assertEquals(List.of("started", "got null"), log);
    }

    @Test
    void sendReturnsTheNextYieldedValueEachTime() {
        Coroutine<Integer, Integer, Void> g = doubler();
        assertEquals(-1, g.next());
        assertEquals(10, g.send(5));
        assertEquals(42, g.send(21));
        assertThrows(NoSuchElementException.class, () -> g.send(1));
    }

    @Test
    void sendNullStartsAFreshGenerator() {
        List<String> log = new ArrayList<>();
        Coroutine<String, String, String> g = twoQuestions(log);
        assertEquals("name?", g.send(null)); // g.send(None) == next(g)
        assertEquals(List.of("started"), log);
        assertEquals("quest?", g.send("Robin"));
        assertEquals(List.of("started", "got Robin"), log);
    }

    @Test
    void sendingNonNullToAFreshGeneratorThrowsIllegalStateAndLeavesItUnstarted() {
        // Python: TypeError("can't send non-None value to a just-started generator");
        // the generator is untouched and can still be started.
        List<String> log = new ArrayList<>();
        Coroutine<String, String, String> g = twoQuestions(log);
        assertThrows(IllegalStateException.class, () -> g.send("too early"));
        assertEquals(List.of(), log);
        assertFalse(g.isDone());
        assertEquals("name?", g.next());
        assertEquals(List.of("started"), log);
    }

    @Test
    void sendAfterTheEndThrowsNoSuchElement() {
        List<String> log = new ArrayList<>();
        Coroutine<String, String, String> g = twoQuestions(log);
        g.next();
        g.next();
        assertFalse(g.hasNext());
        assertThrows(NoSuchElementException.class, () -> g.send("late"));
        assertThrows(NoSuchElementException.class, () -> g.send(null));
        assertEquals(List.of("started", "got null", "got null"), log, "the body did not run again");
    }

    @Test
    void sendThatFinishesTheBodyThrowsNoSuchElementAndSoDoesEverySendAfter() {
        Coroutine<String, String, String> g = twoQuestions(new ArrayList<>());
        g.next();
        g.send("a");
        assertThrows(NoSuchElementException.class, () -> g.send("b")); // StopIteration('a/b')
        assertThrows(NoSuchElementException.class, () -> g.send("c"));
        assertEquals("a/b", g.result());
    }

    @Test
    void sendWhileHasNextHoldsAnUntakenValueThrowsIllegalStateAndKeepsTheValue() {
        List<String> log = new ArrayList<>();
        Coroutine<String, String, String> g = twoQuestions(log);
        assertEquals("name?", g.next());
        assertTrue(g.hasNext()); // runs ahead: the first yield received null
        assertThrows(IllegalStateException.class, () -> g.send("lost?"));
        assertEquals("quest?", g.next(), "the value fetched ahead is still handed out");
        assertEquals(List.of("started", "got null"), log);
    }

    @Test
    void sendNullWhileHasNextHoldsAnUntakenValueOfAFreshGeneratorThrowsIllegalState() {
        Coroutine<String, String, String> g = twoQuestions(new ArrayList<>());
        assertTrue(g.hasNext());
        assertThrows(IllegalStateException.class, () -> g.send(null));
        assertEquals("name?", g.next());
    }

    // ---- docs/user-guide.md, "Yielding null, and ending a coroutine driven by send" ----

    @Generator
    static Coroutine<Double, Double, Integer> averager() {
        double sum = 0;
        int count = 0;
        Double x = Yield.value(null);
        while (x != null) {
            sum += x;
            count++;
            x = Yield.value(sum / count);
        }
        return Yield.done(count);
    }

    @Test
    void aCoroutineEndedByHasNextAfterItsLastSendGivesItsResult() {
        Coroutine<Double, Double, Integer> avg = averager();
        assertTrue(avg.hasNext(), "null is a value: it is there to take");
        assertNull(avg.next());
        assertEquals(10.0, avg.send(10.0));
        assertEquals(15.0, avg.send(20.0));
        assertFalse(avg.hasNext(), "resumed with null, the body returned");
        assertEquals(2, avg.result());
    }

    @Test
    void aCoroutineEndedBySendingNullSaysFinishedAndGivesItsResult() {
        Coroutine<Double, Double, Integer> avg = averager();
        avg.next();
        avg.send(4.0);
        assertThrows(NoSuchElementException.class, () -> avg.send(null));
        assertEquals(1, avg.result());
    }

    @Test
    void aCoroutineEndedByCloseRunsNoMoreOfItsBodyAndHasNoResult() {
        Coroutine<Double, Double, Integer> avg = averager();
        avg.next();
        avg.send(4.0);
        avg.close();
        assertTrue(avg.isDone());
        assertThrows(IllegalStateException.class, avg::result);
    }
}
