package protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * One thread at a time may resume a generator; handing it between threads between resumes is
 * fine; overlapping resumes are a misuse whose message says so, and never blames the body or
 * {@code hasNext()} for another thread's call (docs/user-guide.md, "Threads").
 */
class ThreadsTest {

    static final String OVERLAP = "resumed from two threads at once, or its body resumed itself";

    /** Python's echo: each value sent comes back at the next resume. */
    @Generator
    static Coroutine<Object, Object, Void> echo() {
        Object x = null;
        for (; ; ) {
            x = Yield.value(x);
        }
    }

    @Test
    void aGeneratorHandedFromThreadToThreadBetweenResumesRunsAsOnOne() throws Exception {
        Coroutine<Object, Object, Void> g = echo();
        g.send(null);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 1_000; i++) {
                Integer sent = i;
                // Each resume on whichever pool thread runs it; get() orders it before the next.
                assertEquals(sent, pool.submit(() -> g.send(sent)).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Generator
    static Coroutine<String, Object, Void> waitsInside(CountDownLatch inside, CountDownLatch release)
            throws InterruptedException {
        Yield.value("started");
        inside.countDown();
        release.await();
        Yield.value("resumed once");
        return Yield.done();
    }

    @Test
    void aResumeWhileAnotherThreadRunsTheBodyIsRefusedAsAnOverlap() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Coroutine<String, Object, Void> g = waitsInside(inside, release);
        assertEquals("started", g.next());
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<String> first = other.submit(() -> g.send("from the other thread"));
            inside.await();
            for (Runnable overlapping : List.<Runnable>of(
                    g::next, g::hasNext, () -> g.send("x"), () -> g.raise(new ArithmeticException()), g::close)) {
                IllegalStateException refused = assertThrows(IllegalStateException.class, overlapping::run);
                assertTrue(refused.getMessage().contains(OVERLAP), refused.getMessage());
            }
            release.countDown();
            assertEquals("resumed once", first.get(), "the refused calls changed nothing");
        } finally {
            other.shutdownNow();
        }
    }

    /**
     * The program of issue 20: two threads each sending their own values to one echo, with no
     * ordering between them. What is promised of every overlapping send: refused, with the
     * message that names two threads; and no other exception, nor one that blames hasNext().
     */
    @Test
    void twoThreadsSendingToOneEchoAreRefusedOnlyAsOverlaps() throws Exception {
        int sends = 200_000;
        Coroutine<Object, Object, Void> g = echo();
        g.send(null);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Map<String, Integer>>> outcomes = new ArrayList<>();
            for (String name : List.of("a", "b")) {
                outcomes.add(pool.submit(() -> {
                    Map<String, Integer> seen = new TreeMap<>();
                    start.await();
                    for (int i = 0; i < sends; i++) {
                        String sent = name + i;
                        String outcome;
                        try {
                            Object back = g.send(sent);
                            outcome = sent.equals(back) ? "own value" : "another value";
                        } catch (IllegalStateException e) {
                            outcome = e.getMessage().contains(OVERLAP) ? "refused as an overlap" : e.toString();
                        }
                        seen.merge(outcome, 1, Integer::sum);
                    }
                    return seen;
                }));
            }
            for (Future<Map<String, Integer>> outcome : outcomes) {
                Map<String, Integer> seen = outcome.get();
                System.out.println("echo from two threads, per thread: " + seen);
                assertEquals(sends, seen.values().stream().mapToInt(Integer::intValue).sum());
                seen.keySet().removeAll(ALLOWED);
                assertEquals(Map.of(), seen, "outcomes the docs do not allow");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static final List<String> ALLOWED = List.of("own value", "another value", "refused as an overlap");
}
