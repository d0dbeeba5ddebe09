package example.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.Async;
import dev.generators.loop.AsyncTimeoutException;
import dev.generators.loop.EventLoop;
import dev.generators.loop.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class CancellationTest {

    @Generator
    static Coroutine<?, ?, Void> waitsOn(CompletableFuture<?> stage, List<String> log, String name) {
        try {
            log.add(name + " waits");
            Yield.value(stage);
            log.add(name + " resumed");
        } finally {
            log.add(name + " finally");
        }
        return Yield.done();
    }

    @Generator
    static Coroutine<?, ?, Void> cancelsAChild(List<String> log, CompletableFuture<Void> never) {
        Task<Void> child = Async.spawn(waitsOn(never, log, "child"));
        Yield.value(null);
        log.add("cancel: " + child.cancel(false));
        log.add("cancelled: " + child.isCancelled());
        try {
            Yield.value(child);
        } catch (CancellationException e) {
            log.add("waiter saw the cancel");
        }
        return Yield.done();
    }

    @Test
    void cancelOnTheLoopIsThrownAtTheTasksYieldWhenItNextRunsAndCancelsWhatItWaitedOn() {
        List<String> log = new ArrayList<>();
        CompletableFuture<Void> never = new CompletableFuture<>();
        EventLoop.runUntilCompleteInVirtualTime(cancelsAChild(log, never));
        assertEquals(List.of("child waits", "cancel: true", "cancelled: false", "child finally", "waiter saw the cancel"), log);
        assertTrue(never.isCancelled(), "the stage the task waited on was not cancelled");
    }

    @Generator
    static Coroutine<?, ?, Void> awaitsAChild(List<String> log, CompletableFuture<Void> never, CompletableFuture<Task<Void>> childOut) {
        Task<Void> child = Async.spawn(waitsOn(never, log, "child"));
        childOut.complete(child);
        try {
            Yield.value(child);
        } catch (CancellationException e) {
            log.add("parent saw the cancel");
        }
        return Yield.done();
    }

    @Test
    void cancelFromAnotherThreadEndsTheTaskOnTheLoopAndTheWaitersResumeAfterTheFinallyBlocks() throws Exception {
        List<String> log = new ArrayList<>();
        CompletableFuture<Task<Void>> childOut = new CompletableFuture<>();
        try (EventLoop loop = EventLoop.start()) {
            Task<Void> parent = loop.run(awaitsAChild(log, new CompletableFuture<>(), childOut));
            Task<Void> child = childOut.get(5, TimeUnit.SECONDS);
            waitUntil(() -> loop.run(logSize(log)).join() == 1);
            assertTrue(child.cancel(true));
            assertThrows(CancellationException.class, child::join);
            assertTrue(child.isCancelled());
            parent.get(5, TimeUnit.SECONDS);
        }
        assertEquals(List.of("child waits", "child finally", "parent saw the cancel"), log);
    }

    @Generator
    static Coroutine<?, ?, Integer> logSize(List<String> log) {
        return Yield.done(log.size());
    }

    @Generator
    static Coroutine<?, ?, Void> parentOfAChild(List<String> log) {
        try {
            Yield.value(Async.spawn(waitsOn(new CompletableFuture<>(), log, "child")));
        } finally {
            log.add("parent finally");
        }
        return Yield.done();
    }

    @Generator
    static Coroutine<?, ?, Void> cancelsTheParent(List<String> log) {
        Task<Void> parent = Async.spawn(parentOfAChild(log));
        Yield.value(Async.sleep(10));
        parent.cancel(false);
        return Yield.done();
    }

    @Test
    void cancellingATaskCancelsTheTaskItWaitsOnInnermostFirst() {
        List<String> log = new ArrayList<>();
        EventLoop.runUntilCompleteInVirtualTime(cancelsTheParent(log));
        assertEquals(List.of("child waits", "child finally", "parent finally"), log);
    }

    @Generator
    static Coroutine<?, ?, Void> shieldsAChild(List<String> log, CompletableFuture<String> later) {
        Task<Void> child = Async.spawn(waitsOn(later, log, "child"));
        Task<Void> waiter = Async.spawn(waitsOn(Async.shield(child), log, "waiter"));
        Yield.value(null);
        waiter.cancel(false);
        later.complete("now");
        Yield.value(child);
        return Yield.done();
    }

    @Test
    void aShieldedTaskOutlivesTheCancelOfItsWaiter() {
        List<String> log = new ArrayList<>();
        EventLoop.runUntilCompleteInVirtualTime(shieldsAChild(log, new CompletableFuture<>()));
        assertEquals(List.of("child waits", "waiter waits", "waiter finally", "child resumed", "child finally"), log);
    }

    @Generator
    static Coroutine<?, ?, Void> cancelsItself(List<String> log) {
        try {
            Async.currentTask().cancel(false);
            log.add("still running");
            Yield.value(Async.sleep(Duration.ofHours(1)));
            log.add("not reached");
        } finally {
            log.add("finally");
        }
        return Yield.done();
    }

    @Test
    void aTaskThatCancelsItselfIsClosedAtItsNextYield() {
        List<String> log = new ArrayList<>();
        assertThrows(CancellationException.class, () -> EventLoop.runUntilCompleteInVirtualTime(cancelsItself(log)));
        assertEquals(List.of("still running", "finally"), log);
    }

    @Generator
    static Coroutine<?, ?, Task<Void>> leavesATaskBehind(List<String> log) {
        Task<Void> left = Async.spawn(waitsOn(Async.sleep(Duration.ofHours(1)), log, "left"));
        Yield.value(null);
        return Yield.done(left);
    }

    @Test
    void runUntilCompleteCancelsTheTasksLeftWhenMainReturns() {
        List<String> log = new ArrayList<>();
        Task<Void> left = EventLoop.runUntilCompleteInVirtualTime(leavesATaskBehind(log));
        assertTrue(left.isCancelled(), "the task left was waited for, not cancelled");
        assertEquals(List.of("left waits", "left finally"), log);
    }

    @Test
    void closingALoopCancelsItsTasksAndRejectsNewOnes() throws Exception {
        List<String> log = new ArrayList<>();
        EventLoop loop = EventLoop.start();
        Task<Void> task = loop.run(waitsOn(new CompletableFuture<>(), log, "task"));
        waitUntil(() -> loop.run(logSize(log)).join() == 1);
        loop.close();
        assertTrue(task.isCancelled());
        assertTrue(loop.isClosed());
        assertEquals(List.of("task waits", "task finally"), log);
        assertThrows(java.util.concurrent.RejectedExecutionException.class, () -> loop.run(logSize(log)));
    }

    @Generator
    static Coroutine<?, ?, String> finishesInTime() {
        Yield.value(Async.sleep(10));
        return Yield.done("in time");
    }

    @Generator
    static Coroutine<?, ?, String> waitsForOneInTime() {
        String result = Yield.value(Async.waitFor(finishesInTime(), Duration.ofSeconds(5)));
        return Yield.done(result + " at " + EventLoop.current().time() / 1_000_000 + " ms");
    }

    @Test
    void waitForGivesTheResultOfWhatFinishesInTime() {
        // In virtual time: at the 10 ms of the sleep exactly, not at the 5 s of the timeout.
        assertEquals("in time at 10 ms", EventLoop.runUntilCompleteInVirtualTime(waitsForOneInTime()));
    }

    @Generator
    static Coroutine<?, ?, Void> waitsTooLong(List<String> log) {
        try {
            Yield.value(Async.waitFor(waitsOn(new CompletableFuture<>(), log, "inner"), Duration.ofMillis(20)));
        } catch (AsyncTimeoutException e) {
            log.add(e.getMessage());
        }
        return Yield.done();
    }

    @Test
    void waitForCancelsWhatTookTooLongBeforeRaisingTheTimeout() {
        List<String> log = new ArrayList<>();
        EventLoop.runUntilCompleteInVirtualTime(waitsTooLong(log));
        assertEquals(List.of("inner waits", "inner finally", "timed out after 20 ms"), log);
    }

    @Test
    void aTaskCompletesOnlyThroughItsCoroutine() {
        try (EventLoop loop = EventLoop.start()) {
            Task<String> task = loop.run(finishesInTime());
            assertThrows(UnsupportedOperationException.class, () -> task.complete("forced"));
            assertThrows(UnsupportedOperationException.class, () -> task.completeExceptionally(new Exception()));
            assertEquals("in time", task.join());
            assertFalse(task.cancel(false), "a finished task can't be cancelled");
        }
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 500 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean(), "timed out waiting");
    }
}
