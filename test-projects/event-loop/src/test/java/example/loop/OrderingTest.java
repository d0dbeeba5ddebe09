package example.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.Async;
import dev.generators.loop.EventLoop;
import dev.generators.loop.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class OrderingTest {

    @Generator
    static Coroutine<?, ?, Void> takeTurns(List<String> log, String name, int turns, boolean bySleepingZero) {
        for (int i = 0; i < turns; i++) {
            log.add(name + i);
            Yield.value(bySleepingZero ? Async.sleep(Duration.ZERO) : null);
        }
        return Yield.done();
    }

    @Generator
    static Coroutine<?, ?, Void> spawnAll(List<String> log, boolean bySleepingZero) {
        Task<Void> a = Async.spawn(takeTurns(log, "a", 3, bySleepingZero));
        Task<Void> b = Async.spawn(takeTurns(log, "b", 3, bySleepingZero));
        Task<Void> c = Async.spawn(takeTurns(log, "c", 3, bySleepingZero));
        log.add("spawned");
        Yield.value(Async.gather(a, b, c));
        return Yield.done();
    }

    @Test
    void tasksStartInTheOrderSpawnedAndTakeTurnsAtEachBareYield() {
        List<String> log = new ArrayList<>();
        EventLoop.runUntilCompleteInVirtualTime(spawnAll(log, false));
        assertEquals(List.of("spawned", "a0", "b0", "c0", "a1", "b1", "c1", "a2", "b2", "c2"), log);
    }

    @Test
    void sleepingZeroTakesTurnsAsABareYieldDoes() {
        List<String> log = new ArrayList<>();
        EventLoop.runUntilCompleteInVirtualTime(spawnAll(log, true));
        assertEquals(List.of("spawned", "a0", "b0", "c0", "a1", "b1", "c1", "a2", "b2", "c2"), log);
    }

    @Generator
    static Coroutine<?, ?, Void> scheduleCallbacks(List<String> log) {
        EventLoop loop = EventLoop.current();
        loop.callLater(Duration.ofMillis(60), () -> log.add("timer 60"));
        loop.callLater(Duration.ofMillis(20), () -> log.add("timer 20"));
        loop.callLater(Duration.ofMillis(40), () -> log.add("timer 40"));
        loop.callLater(Duration.ofMillis(40), () -> log.add("timer 40 again")).cancel();
        loop.execute(() -> log.add("soon 1"));
        loop.execute(() -> log.add("soon 2"));
        log.add("scheduled");
        Yield.value(Async.sleep(100));
        log.add("woke");
        return Yield.done();
    }

    @Test
    void callbacksRunSoonInOrderAndTimersByDeadline() {
        List<String> log = new ArrayList<>();
        EventLoop.runUntilCompleteInVirtualTime(scheduleCallbacks(log));
        assertEquals(List.of("scheduled", "soon 1", "soon 2", "timer 20", "timer 40", "timer 60", "woke"), log);
    }

    @Generator
    static Coroutine<?, ?, List<Thread>> threadsAround(CompletableFuture<String> elsewhere) {
        List<Thread> threads = new ArrayList<>();
        threads.add(Thread.currentThread());
        String value = Yield.value(elsewhere);
        threads.add(Thread.currentThread());
        threads.add(value.equals("from elsewhere") ? null : Thread.currentThread());
        return Yield.done(threads);
    }

    @Test
    void aStageCompletedOnAnotherThreadResumesTheTaskOnTheLoopsThread() throws Exception {
        CompletableFuture<String> elsewhere = new CompletableFuture<>();
        Thread completer = new Thread(() -> {
            sleep(50);
            elsewhere.complete("from elsewhere");
        }, "completer");
        completer.start();
        List<Thread> threads = EventLoop.runUntilComplete(threadsAround(elsewhere));
        completer.join();
        assertSame(Thread.currentThread(), threads.get(0));
        assertSame(Thread.currentThread(), threads.get(1));
        assertEquals(null, threads.get(2), "the value sent in was not the stage's");
        assertNotSame(completer, threads.get(1));
    }

    @Generator
    static Coroutine<?, ?, String> echo(String what) {
        Yield.value(Async.sleep(10));
        return Yield.done(Thread.currentThread().getName() + ": " + what);
    }

    @Test
    void aLoopOnItsOwnThreadRunsCoroutinesHandedFromOthers() {
        try (EventLoop loop = EventLoop.start()) {
            CompletableFuture<String> first = loop.run(echo("one"));
            CompletableFuture<String> second = loop.run(echo("two"));
            String thread = first.join().replace(": one", "");
            assertTrue(thread.matches("event-loop-[0-9]+"), first.join());
            assertEquals(thread + ": two", second.join());
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
