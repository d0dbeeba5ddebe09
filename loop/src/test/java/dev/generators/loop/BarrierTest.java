package dev.generators.loop;

import static dev.generators.loop.Scripted.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** AsyncBarrier: the indices, the drain between rounds, reset and abort, and what a cancel does. */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BarrierTest {

    /** A task that waits at the barrier, and logs the index it resumes with, or what it fails with. */
    private static Scripted<Void> party(AsyncBarrier barrier, List<String> log, String name) {
        List<Scripted<Void>> self = new ArrayList<>();
        Scripted<Void> script = new Scripted<>(null, step(barrier::waitFor), step(() -> {
            Object got = self.get(0).received.get(0);
            log.add(name + " " + (got instanceof Throwable ? got.getClass().getSimpleName() : got));
            return null;
        }));
        self.add(script);
        return script;
    }

    @Test
    void theLastToArriveGoesOnFirstThenTheOthersInTheOrderTheyCameEachWithItsIndex() {
        AsyncBarrier barrier = new AsyncBarrier(3);
        List<String> log = new ArrayList<>();
        Scripted<Void> main = new Scripted<>(
                null,
                step(() -> {
                    Async.spawn(party(barrier, log, "a"));
                    Async.spawn(party(barrier, log, "b"));
                    return null;
                }),
                step(() -> {
                    log.add(barrier.toString());
                    return barrier.waitFor();
                }),
                step(() -> {
                    log.add("main passed, " + barrier);
                    return null;
                }),
                step(() -> {
                    log.add(barrier.toString());
                    return null;
                }));
        EventLoop.runUntilComplete(main);
        assertEquals(Arrays.asList(2), main.received.subList(1, 2));
        // asyncio's documentation shows the same three states.
        assertEquals(
                Arrays.asList(
                        "AsyncBarrier [filling, waiters:2/3]",
                        "main passed, AsyncBarrier [draining, waiters:0/3]",
                        "a 0",
                        "b 1",
                        "AsyncBarrier [filling, waiters:0/3]"),
                log);
        assertEquals(3, barrier.parties());
    }

    @Test
    void aTaskArrivingWhileItDrainsWaitsForTheNextRound() {
        AsyncBarrier barrier = new AsyncBarrier(2);
        List<String> log = new ArrayList<>();
        Scripted<Void> main = new Scripted<>(
                null,
                step(() -> {
                    Async.spawn(party(barrier, log, "a"));
                    return null;
                }),
                step(barrier::waitFor),
                step(() -> {
                    // Draining: a's task has yet to resume. c comes now, and waits for d.
                    CompletableFuture<Integer> c = barrier.waitFor();
                    log.add("c done: " + c.isDone() + ", waiting: " + barrier.waiting());
                    return null;
                }),
                step(() -> {
                    log.add("waiting: " + barrier.waiting());
                    Async.spawn(party(barrier, log, "d"));
                    return null;
                }),
                null);
        EventLoop.runUntilComplete(main);
        assertEquals(Arrays.asList("c done: false, waiting: 0", "a 0", "waiting: 1", "d 1"), log);
    }

    @Test
    void aTaskCancelledWhileItWaitsLeavesTheBarrierWhichWaitsForOneMore() {
        AsyncBarrier barrier = new AsyncBarrier(2);
        List<String> log = new ArrayList<>();
        Task<?>[] cancelled = new Task<?>[1];
        Scripted<Void> main = new Scripted<>(
                null,
                step(() -> {
                    cancelled[0] = Async.spawn(party(barrier, log, "cancelled"));
                    return null;
                }),
                step(() -> {
                    cancelled[0].cancel(false);
                    log.add("waiting: " + barrier.waiting());
                    Async.spawn(party(barrier, log, "b"));
                    return null;
                }),
                step(() -> {
                    log.add("waiting: " + barrier.waiting());
                    return barrier.waitFor();
                }),
                null);
        EventLoop.runUntilComplete(main);
        assertEquals(Arrays.asList("waiting: 0", "waiting: 1", "b 0"), log);
        assertEquals(1, main.received.get(2));
    }

    @Test
    void resetFailsTheTasksWaitingAndLetsItFillAgain() {
        AsyncBarrier barrier = new AsyncBarrier(3);
        List<String> log = new ArrayList<>();
        Scripted<Void> main = new Scripted<>(
                null,
                step(() -> {
                    Async.spawn(party(barrier, log, "a"));
                    Async.spawn(party(barrier, log, "b"));
                    return null;
                }),
                step(() -> {
                    barrier.reset();
                    log.add(barrier.toString());
                    return null;
                }),
                step(() -> {
                    log.add(barrier.toString());
                    Async.spawn(party(barrier, log, "c"));
                    Async.spawn(party(barrier, log, "d"));
                    return null;
                }),
                step(barrier::waitFor),
                null);
        EventLoop.runUntilComplete(main);
        assertEquals(
                Arrays.asList(
                        "AsyncBarrier [resetting, waiters:0/3]",
                        "a AsyncBrokenBarrierException",
                        "b AsyncBrokenBarrierException",
                        "AsyncBarrier [filling, waiters:0/3]",
                        "c 0",
                        "d 1"),
                log);
        assertEquals(2, main.received.get(3));
    }

    @Test
    void abortBreaksItForTheTasksWaitingAndThoseToComeUntilAReset() {
        AsyncBarrier barrier = new AsyncBarrier(2);
        List<String> log = new ArrayList<>();
        Scripted<Void> main = new Scripted<>(
                null,
                step(() -> {
                    Async.spawn(party(barrier, log, "a"));
                    return null;
                }),
                step(() -> {
                    barrier.abort();
                    log.add(barrier.toString());
                    Async.spawn(party(barrier, log, "b"));
                    return null;
                }),
                step(() -> {
                    log.add("broken: " + barrier.isBroken());
                    barrier.reset();
                    log.add(barrier.toString());
                    Async.spawn(party(barrier, log, "c"));
                    return barrier.waitFor();
                }),
                null);
        EventLoop.runUntilComplete(main);
        assertEquals(
                Arrays.asList(
                        "AsyncBarrier [broken]",
                        "a AsyncBrokenBarrierException",
                        "b AsyncBrokenBarrierException",
                        "broken: true",
                        "AsyncBarrier [filling, waiters:0/2]",
                        "c 1"),
                log);
        assertFalse(barrier.isBroken());
        assertEquals(0, main.received.get(2));
    }

    @Test
    void aBarrierNeedsAParty() {
        assertEquals(
                "an AsyncBarrier needs 1 or more parties, not 0",
                assertThrows(IllegalArgumentException.class, () -> new AsyncBarrier(0))
                        .getMessage());
        AsyncBarrier alone = new AsyncBarrier(1);
        Integer[] index = {null};
        EventLoop.runUntilComplete(new Scripted<>(null, step(() -> {
            CompletableFuture<Integer> at = alone.waitFor();
            assertTrue(at.isDone());
            index[0] = at.join();
            return null;
        })));
        assertEquals(0, index[0]);
    }
}
