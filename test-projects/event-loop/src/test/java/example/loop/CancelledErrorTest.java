package example.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.Async;
import dev.generators.loop.AsyncLock;
import dev.generators.loop.AsyncQueue;
import dev.generators.loop.CancelledError;
import dev.generators.loop.EventLoop;
import dev.generators.loop.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A cancel is a CancelledError thrown at the pending yield: cleanup may wait, a task may refuse it. */
@Timeout(10)
class CancelledErrorTest {

    @Generator
    static Coroutine<?, ?, Void> saysGoodbye(List<String> log) {
        try {
            log.add("serving");
            Yield.value(Async.sleep(Duration.ofHours(1)));
        } finally {
            log.add("cleanup starts");
            Yield.value(Async.sleep(Duration.ofMillis(1))); // await writer.drain(), say
            log.add("goodbye sent");
        }
        return Yield.done();
    }

    @Generator
    static Coroutine<?, ?, String> cancelsAndWaits(Coroutine<?, ?, ?> child, List<String> log) {
        Task<?> task = Async.spawn(child);
        Yield.value(Async.sleep(1)); // it has started, and waits
        log.add("cancel: " + task.cancel());
        log.add("done at once: " + task.isDone());
        try {
            Yield.value(task);
            return Yield.done("not cancelled");
        } catch (CancellationException e) {
            log.add("cancelled: " + task.isCancelled());
            return Yield.done("cancelled");
        }
    }

    @Test
    void aFinallyBlockMayAwaitBeforeTheTaskEndsCancelled() {
        List<String> log = new ArrayList<>();
        assertEquals("cancelled", EventLoop.runUntilCompleteInVirtualTime(cancelsAndWaits(saysGoodbye(log), log)));
        assertEquals(List.of("serving", "cancel: true", "done at once: false", "cleanup starts", "goodbye sent", "cancelled: true"), log);
    }

    @Generator
    static Coroutine<?, ?, Void> catchesExceptions(List<String> log) {
        try {
            Yield.value(Async.sleep(Duration.ofHours(1)));
        } catch (Exception e) {
            log.add("swallowed " + e);
        }
        log.add("went on");
        return Yield.done();
    }

    @Test
    void catchExceptionDoesNotSwallowACancel() {
        List<String> log = new ArrayList<>();
        assertEquals("cancelled", EventLoop.runUntilCompleteInVirtualTime(cancelsAndWaits(catchesExceptions(log), log)));
        assertEquals(List.of("cancel: true", "done at once: false", "cancelled: true"), log);
    }

    @Generator
    static Coroutine<?, ?, String> refuses(List<String> log) {
        try {
            Yield.value(Async.sleep(Duration.ofHours(1)));
            return Yield.done("slept");
        } catch (CancelledError e) {
            Task<?> self = Async.currentTask();
            log.add("refused, cancelling " + self.cancelling());
            log.add("uncancel " + self.uncancel());
            Yield.value(Async.sleep(Duration.ofMillis(1)));
            return Yield.done("refused");
        }
    }

    @Test
    void aTaskThatCatchesTheCancelAndGoesOnIsNotCancelled() {
        List<String> log = new ArrayList<>();
        assertEquals("not cancelled", EventLoop.runUntilCompleteInVirtualTime(cancelsAndWaits(refuses(log), log)));
        assertEquals(List.of("cancel: true", "done at once: false", "refused, cancelling 1", "uncancel 0"), log);
    }

    @Generator
    static Coroutine<?, ?, String> cancelsItselfThenUncancels() {
        Task<?> self = Async.currentTask();
        self.cancel();
        self.cancel();
        int twice = self.cancelling();
        self.uncancel();
        self.uncancel();
        // No cancel is left to throw: the yield goes through (asyncio's uncancel clears it).
        Yield.value(Async.sleep(Duration.ofMillis(1)));
        return Yield.done("cancelling " + twice + ", then " + self.cancelling());
    }

    @Test
    void uncancelBeforeTheCancelIsThrownTakesItBack() {
        assertEquals("cancelling 2, then 0", EventLoop.runUntilCompleteInVirtualTime(cancelsItselfThenUncancels()));
    }

    @Generator
    static Coroutine<?, ?, Void> childCleansUpSlowly(List<String> log) {
        try {
            Yield.value(Async.sleep(Duration.ofHours(1)));
        } finally {
            Yield.value(Async.sleep(Duration.ofMillis(5)));
            log.add("child cleaned up");
        }
        return Yield.done();
    }

    @Generator
    static Coroutine<?, ?, Void> awaitsAChild(List<String> log) {
        try {
            Yield.value(Async.spawn(childCleansUpSlowly(log)));
        } finally {
            log.add("parent finally");
        }
        return Yield.done();
    }

    @Test
    void aCancelPassesToTheAwaitedTaskAndTheWaiterSeesItOnlyOnceThatTaskHasEnded() {
        List<String> log = new ArrayList<>();
        assertEquals("cancelled", EventLoop.runUntilCompleteInVirtualTime(cancelsAndWaits(awaitsAChild(log), log)));
        assertEquals(List.of("cancel: true", "done at once: false", "child cleaned up", "parent finally", "cancelled: true"), log);
    }

    @Generator
    static Coroutine<?, ?, Void> neverStarts(List<String> log) {
        log.add("started");
        return Yield.done();
    }

    @Generator
    static Coroutine<?, ?, Boolean> cancelsBeforeItStarts(List<String> log) {
        Task<Void> task = Async.spawn(neverStarts(log));
        task.cancel();
        try {
            Yield.value(task);
        } catch (CancellationException e) {
            return Yield.done(task.isCancelled());
        }
        return Yield.done(false);
    }

    @Test
    void aTaskCancelledBeforeItStartsNeverRunsItsBody() {
        List<String> log = new ArrayList<>();
        assertTrue(EventLoop.runUntilCompleteInVirtualTime(cancelsBeforeItStarts(log)));
        assertEquals(List.of(), log);
    }

    @Test
    void outsideTheLoopTheTaskCompletesWithACancellationException() throws Exception {
        List<String> log = new ArrayList<>();
        try (EventLoop loop = EventLoop.start()) {
            Task<Void> task = loop.run(saysGoodbye(log));
            while (loop.run(size(log)).get(5, TimeUnit.SECONDS) == 0) {
                Thread.onSpinWait();
            }
            assertTrue(task.cancel(true));
            assertThrows(CancellationException.class, () -> task.get(5, TimeUnit.SECONDS));
            assertTrue(task.isCancelled());
            CancellationException cancelled = assertThrows(CancellationException.class, task::join);
            assertInstanceOf(CancelledError.class, cancelled.getCause());
            assertFalse(task.cancel(true), "a task already cancelled took a cancel");
        }
        assertEquals(List.of("serving", "cleanup starts", "goodbye sent"), log);
    }

    @Generator
    static Coroutine<?, ?, Integer> size(List<String> log) {
        return Yield.done(log.size());
    }

    @Generator
    static Coroutine<?, ?, Void> holdsTheLockAndCleansUp(AsyncLock lock, List<String> log) {
        Yield.value(lock.acquire());
        try {
            Yield.value(Async.sleep(Duration.ofHours(1)));
        } finally {
            Yield.value(Async.sleep(Duration.ofMillis(1)));
            log.add("holder releases");
            lock.release();
        }
        return Yield.done();
    }

    @Generator
    static Coroutine<?, ?, Void> getsOne(AsyncQueue<String> queue, List<String> log) {
        String got = Yield.value(queue.get());
        log.add("got " + got);
        return Yield.done();
    }

    @Generator
    static Coroutine<?, ?, List<String>> aCancelLosesNothing(List<String> log) {
        AsyncLock lock = new AsyncLock();
        AsyncQueue<String> queue = new AsyncQueue<>();
        Task<Void> holder = Async.spawn(holdsTheLockAndCleansUp(lock, log));
        Task<Void> cancelledGetter = Async.spawn(getsOne(queue, log));
        Task<Void> nextGetter = Async.spawn(getsOne(queue, log));
        Yield.value(null);
        queue.offer("x"); // handed to the first getter...
        cancelledGetter.cancel(); // ...cancelled before it resumes: "x" goes to the next
        holder.cancel();
        Yield.value(Async.gatherReturningExceptions(holder, cancelledGetter, nextGetter));
        Yield.value(lock.acquire()); // free again: the holder's finally released it
        return Yield.done(List.of("locked " + lock.isLocked(), "queue " + queue));
    }

    @Test
    void everyPrimitiveStillLosesNothingToACancel() {
        List<String> log = new ArrayList<>();
        assertEquals(List.of("locked true", "queue AsyncQueue[]"), EventLoop.runUntilCompleteInVirtualTime(aCancelLosesNothing(log)));
        assertEquals(List.of("got x", "holder releases"), log);
    }
}
