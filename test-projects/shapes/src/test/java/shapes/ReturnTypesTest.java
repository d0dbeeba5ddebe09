package shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static shapes.Collect.list;

import dev.generators.Coroutine;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReturnTypesTest {

    @Test
    void iterableRestartsFromTheArgumentsEvenThoughTheBodyChangesItsParameter() {
        Iterable<Integer> countdown = ReturnTypes.countdown(3);
        assertEquals(List.of(3, 2, 1), list(countdown));
        assertEquals(List.of(3, 2, 1), list(countdown));
    }

    @Test
    void everyIteratorOfAnIterableIsAFreshRunTheFirstIncluded() {
        Iterable<Integer> countdown = ReturnTypes.countdown(3);
        Iterator<Integer> first = countdown.iterator();
        assertNotSame(countdown, first, "the object the method returned only holds the arguments");
        assertEquals(3, first.next());
        assertEquals(List.of(3, 2, 1), list(countdown), "a run begun before does not change the next");
    }

    @Test
    void iterableIteratorsRunIndependentlyWhenInterleaved() {
        Iterable<Integer> countdown = ReturnTypes.countdown(3);
        Iterator<Integer> a = countdown.iterator();
        Iterator<Integer> b = countdown.iterator();
        assertEquals(3, a.next());
        assertEquals(2, a.next());
        assertEquals(3, b.next());
        assertEquals(1, a.next());
        assertFalse(a.hasNext());
        assertEquals(2, b.next());
    }

    @Test
    void callingAnIterableGeneratorOrItsIteratorRunsNoneOfTheBody() {
        List<String> log = new ArrayList<>();
        Iterable<String> g = ReturnTypes.loggedIterable(log);
        Iterator<String> it = g.iterator();
        assertEquals(List.of(), log);
        assertTrue(it.hasNext());
        assertEquals(List.of("body started"), log);
        assertEquals("first", it.next());
        assertEquals(List.of("body started"), log);
        assertEquals("second", it.next());
        assertEquals(List.of("body started", "after first"), log);
        assertFalse(it.hasNext());
        assertEquals(List.of("body started", "after first", "body finished"), log);
    }

    @Test
    void iteratorYieldsEachCharacterThenEnds() {
        Iterator<Character> it = ReturnTypes.letters("abc");
        assertEquals(List.of('a', 'b', 'c'), list(it));
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
    }

    @Test
    void iteratorNextWithoutHasNextWorks() {
        Iterator<Character> it = ReturnTypes.letters("xy");
        assertEquals('x', it.next());
        assertEquals('y', it.next());
        assertThrows(NoSuchElementException.class, it::next);
    }

    @Test
    void iteratorHasNextIsIdempotent() {
        Iterator<Character> it = ReturnTypes.letters("q");
        assertTrue(it.hasNext());
        assertTrue(it.hasNext());
        assertEquals('q', it.next());
        assertFalse(it.hasNext());
        assertFalse(it.hasNext());
    }

    @Test
    void emptyGeneratorRunsItsBodyOnlyOnFirstHasNext() {
        List<String> log = new ArrayList<>();
        Iterator<String> it = ReturnTypes.nothing(log);
        assertEquals(List.of(), log);
        assertFalse(it.hasNext());
        assertEquals(List.of("ran"), log);
    }

    @Test
    void streamIsLazyAndReadsNoFurtherThanLimit() {
        AtomicInteger produced = new AtomicInteger();
        Stream<Integer> s = ReturnTypes.squares(produced);
        assertEquals(0, produced.get());
        assertEquals(List.of(1, 4), s.limit(2).collect(Collectors.toList()));
        assertEquals(2, produced.get());
    }

    @Test
    void streamFindFirstAfterFilterReadsOnlyUpToTheMatch() {
        AtomicInteger produced = new AtomicInteger();
        assertEquals(49, ReturnTypes.squares(produced).filter(x -> x > 40).findFirst().orElseThrow());
        assertEquals(7, produced.get());
    }

    @Test
    void streamRunsToTheEndForATerminalSum() {
        AtomicInteger produced = new AtomicInteger();
        long sum = ReturnTypes.squares(produced).mapToLong(Integer::longValue).sum();
        assertEquals(333_833_500L, sum);
        assertEquals(1000, produced.get());
    }

    @Test
    void closingAStreamClosesTheGeneratorSoItsFinallyRuns() {
        List<String> log = new ArrayList<>();
        try (Stream<String> s = ReturnTypes.streamWithFinally(log)) {
            assertEquals("a", s.findFirst().orElseThrow());
            assertEquals(List.of(), log);
        }
        assertEquals(List.of("finally"), log);
    }

    @Test
    void streamRunToTheEndRunsFinallyOnce() {
        List<String> log = new ArrayList<>();
        try (Stream<String> s = ReturnTypes.streamWithFinally(log)) {
            assertEquals("abc", s.collect(Collectors.joining()));
        }
        assertEquals(List.of("finally"), log);
    }

    @Test
    void coroutineStartsOnFirstHasNextAndGivesItsResultAtTheEnd() {
        List<String> log = new ArrayList<>();
        Coroutine<Integer, Object, String> c = ReturnTypes.withResult(log);
        assertEquals(List.of(), log);
        assertFalse(c.isDone());
        assertThrows(IllegalStateException.class, c::result);
        assertTrue(c.hasNext());
        assertEquals(List.of("body started"), log);
        assertEquals(1, c.next());
        assertEquals(2, c.next());
        assertTrue(c.hasNext());
        assertEquals(3, c.next());
        assertFalse(c.isDone());
        assertFalse(c.hasNext());
        assertTrue(c.isDone());
        assertEquals("three values", c.result());
        assertEquals(List.of("body started", "body finished"), log);
    }

    @Test
    void coroutineSendDrivesARunningAverage() {
        Coroutine<Double, Double, Integer> avg = ReturnTypes.runningAverage();
        assertNull(avg.send(null));
        assertEquals(10.0, avg.send(10.0));
        assertEquals(20.0, avg.send(30.0));
        assertEquals(15.0, avg.send(5.0));
        assertThrows(NoSuchElementException.class, () -> avg.send(null));
        assertTrue(avg.isDone());
        assertEquals(3, avg.result());
    }

    @Test
    void everyGeneratorObjectIsACoroutineAtRunTime() {
        assertInstanceOf(Coroutine.class, ReturnTypes.letters("a"));
        assertInstanceOf(Coroutine.class, ReturnTypes.countdown(1).iterator());
    }
}
