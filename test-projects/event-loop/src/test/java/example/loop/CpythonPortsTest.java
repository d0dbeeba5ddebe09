package example.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.Async;
import dev.generators.loop.AsyncLock;
import dev.generators.loop.AsyncTimeoutException;
import dev.generators.loop.EventLoop;
import dev.generators.loop.Task;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Behaviours of CPython's Lib/test/test_asyncio, ported: each test names the one it comes from. */
@Timeout(10)
class CpythonPortsTest {

    @Generator
    static Coroutine<?, ?, Integer> awaits(CompletableFuture<Integer> future) {
        int value = Yield.value(future);
        return Yield.done(value);
    }

    @Generator
    static Coroutine<?, ?, List<Boolean>> cancelsTheInnerFuture() {
        CompletableFuture<Integer> future = new CompletableFuture<>();
        Task<Integer> task = Async.spawn(awaits(future));
        Yield.value(null);
        task.cancel();
        try {
            Yield.value(task);
        } catch (CancellationException expected) {
            // awaited
        }
        return Yield.done(List.of(future.isCancelled(), task.isCancelled()));
    }

    @Test // test_tasks: test_cancel_inner_future
    void cancellingATaskCancelsTheFutureItAwaits() {
        assertEquals(List.of(true, true), EventLoop.runUntilCompleteInVirtualTime(cancelsTheInnerFuture()));
    }

    @Generator
    static Coroutine<?, ?, String> gathersACancelledChild(CompletableFuture<Integer> pending) {
        CompletableFuture<Integer> cancelled = new CompletableFuture<>();
        CompletableFuture<List<Integer>> both = Async.gather(pending, cancelled);
        cancelled.cancel(false);
        try {
            Yield.value(both);
            return Yield.done("results");
        } catch (CancellationException e) {
            return Yield.done("cancelled");
        }
    }

    @Test // test_tasks: GatherTests test_one_cancellation
    void aGatherWithACancelledChildEndsCancelled() {
        CompletableFuture<Integer> pending = new CompletableFuture<>();
        assertEquals("cancelled", EventLoop.runUntilCompleteInVirtualTime(gathersACancelledChild(pending)));
        // This gather fails fast, as a TaskGroup does: the part still pending is cancelled too.
        assertTrue(pending.isCancelled());
    }

    @Generator
    static Coroutine<?, ?, Integer> failsWith(Exception failure) throws Exception {
        Yield.value(null);
        throw failure;
    }

    @Generator
    static Coroutine<?, ?, Integer> returns(int value) {
        Yield.value(null);
        return Yield.done(value);
    }

    @Generator
    static Coroutine<?, ?, List<Object>> gathersReturningExceptions(IOException failure) throws Exception {
        List<Object> results = Yield.value(Async.gatherReturningExceptions(returns(1), failsWith(failure), returns(3)));
        return Yield.done(results);
    }

    @Test // test_tasks: test_return_exceptions
    void gatherReturningExceptionsPutsEachFailureInItsPlace() throws Exception {
        IOException failure = new IOException("down");
        assertEquals(List.of(1, failure, 3), EventLoop.runUntilCompleteInVirtualTime(gathersReturningExceptions(failure)));
    }

    @Generator
    static Coroutine<?, ?, Void> acquires(AsyncLock lock, List<String> log) {
        Yield.value(lock.acquire());
        log.add("acquired");
        lock.release();
        return Yield.done();
    }

    @Generator
    static Coroutine<?, ?, List<String>> cancelsAnAcquire() {
        List<String> log = new ArrayList<>();
        AsyncLock lock = new AsyncLock();
        Yield.value(lock.acquire());
        Task<Void> cancelled = Async.spawn(acquires(lock, log));
        Task<Void> next = Async.spawn(acquires(lock, log));
        Yield.value(null);
        cancelled.cancel();
        lock.release();
        Yield.value(Async.gatherReturningExceptions(cancelled, next));
        log.add("locked " + lock.isLocked() + ", cancelled " + cancelled.isCancelled());
        return Yield.done(log);
    }

    @Test // test_locks: test_acquire_cancel
    void aCancelledAcquireNeverHasTheLock() {
        // The cancelled waiter never has the lock; the next one does, once.
        assertEquals(List.of("acquired", "locked false, cancelled true"), EventLoop.runUntilCompleteInVirtualTime(cancelsAnAcquire()));
    }

    @Generator
    static Coroutine<?, ?, String> waitsForADoneFutureWithNoTime() {
        String value = Yield.value(Async.waitFor(CompletableFuture.completedFuture("done"), Duration.ZERO));
        return Yield.done(value);
    }

    @Test // test_waitfor: test_wait_for_with_zero_timeout (done future)
    void waitForWithNoTimeGivesTheResultOfADoneFuture() {
        assertEquals("done", EventLoop.runUntilCompleteInVirtualTime(waitsForADoneFutureWithNoTime()));
    }

    @Generator
    static Coroutine<?, ?, String> refusesOnce(List<String> log) {
        try {
            Yield.value(Async.sleep(Duration.ofHours(1)));
        } catch (dev.generators.loop.CancelledError e) {
            log.add("inner caught the cancel");
        }
        return Yield.done("inner result");
    }

    @Generator
    static Coroutine<?, ?, String> waitsForARefuser(List<String> log) {
        String value = Yield.value(Async.waitFor(refusesOnce(log), Duration.ofMillis(5)));
        return Yield.done(value);
    }

    @Test // test_waitfor: test_wait_for_cancel_suppressed
    void waitForGivesTheResultOfATaskThatSwallowedItsCancel() {
        // The inner task swallows the timeout's cancel and returns: wait_for gives its result.
        List<String> log = new ArrayList<>();
        assertEquals("inner result", EventLoop.runUntilCompleteInVirtualTime(waitsForARefuser(log)));
        assertEquals(List.of("inner caught the cancel"), log);
    }

    @Generator
    static Coroutine<?, ?, Void> sleepsLong() {
        Yield.value(Async.sleep(Duration.ofHours(1)));
        return Yield.done();
    }

    @Generator
    static Coroutine<?, ?, Void> waitsTooLong() {
        Yield.value(Async.waitFor(sleepsLong(), Duration.ofMillis(5)));
        return Yield.done();
    }

    @Test // test_waitfor: test_wait_for_timeout
    void aWaitForThatTimesOutFailsTheWaiterWithATimeout() {
        assertThrows(AsyncTimeoutException.class, () -> EventLoop.runUntilCompleteInVirtualTime(waitsTooLong()));
    }
}
