package example.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.Async;
import dev.generators.loop.AsyncCondition;
import dev.generators.loop.AsyncEvent;
import dev.generators.loop.AsyncLock;
import dev.generators.loop.AsyncSemaphore;
import dev.generators.loop.AsyncTimeoutException;
import dev.generators.loop.EventLoop;
import dev.generators.loop.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** AsyncLock, AsyncSemaphore, AsyncEvent and AsyncCondition in generators: acquire, then try/finally, and what a cancel does to them. */
@Timeout(10)
class SyncTest {

    @Generator
    static Coroutine<?, ?, Void> holdsTheLock(AsyncLock lock, List<String> log, String name, Duration holding) {
        log.add(name + " asks");
        Yield.value(lock.acquire());
        try {
            log.add(name + " holds it");
            Yield.value(Async.sleep(holding));
        } finally {
            log.add(name + " releases it");
            lock.release();
        }
        return Yield.done();
    }

    @Generator
    static Coroutine<?, ?, Void> cancelsTheHolderAndAWaiter(AsyncLock lock, List<String> log) {
        Task<Void> holder = Async.spawn(holdsTheLock(lock, log, "holder", Duration.ofHours(1)));
        Task<Void> cancelledWaiter = Async.spawn(holdsTheLock(lock, log, "cancelled waiter", Duration.ZERO));
        Task<Void> waiter = Async.spawn(holdsTheLock(lock, log, "waiter", Duration.ZERO));
        Yield.value(null);
        // Cancelled while it waits: its acquire comes before the try, so it releases nothing.
        cancelledWaiter.cancel(false);
        holder.cancel(false);
        Yield.value(waiter);
        log.add("locked: " + lock.isLocked());
        return Yield.done();
    }

    @Test
    void aCancelledHolderReleasesTheLockInFinallyAndACancelledWaiterNeitherTakesNorReleasesIt() {
        List<String> log = new ArrayList<>();
        EventLoop.runUntilCompleteInVirtualTime(cancelsTheHolderAndAWaiter(new AsyncLock(), log));
        assertEquals(List.of("holder asks", "holder holds it", "cancelled waiter asks", "waiter asks",
                "holder releases it", "waiter holds it", "waiter releases it", "locked: false"), log);
    }

    @Generator
    static Coroutine<?, ?, String> acquiresWithin(AsyncSemaphore semaphore, Duration timeout) {
        try {
            Yield.value(Async.waitFor(semaphore.acquire(), timeout));
        } catch (AsyncTimeoutException e) {
            return Yield.done("timed out");
        }
        return Yield.done("acquired");
    }

    @Generator
    static Coroutine<?, ?, List<String>> timesOutThenReleases(AsyncSemaphore semaphore) {
        Task<String> impatient = Async.spawn(acquiresWithin(semaphore, Duration.ofMillis(20)));
        Task<String> patient = Async.spawn(acquiresWithin(semaphore, Duration.ofSeconds(5)));
        String first = Yield.value(impatient);
        semaphore.release();
        String second = Yield.value(patient);
        return Yield.done(List.of(first, second, "free: " + semaphore.availablePermits()));
    }

    @Test
    void anAcquireThatTimesOutLeavesTheLineAndThePermitGoesToTheNext() {
        AsyncSemaphore semaphore = new AsyncSemaphore(1);
        semaphore.acquire();
        assertEquals(List.of("timed out", "acquired", "free: 0"), EventLoop.runUntilCompleteInVirtualTime(timesOutThenReleases(semaphore)));
    }

    @Generator
    static Coroutine<?, ?, Integer> pollsTheEvent(AsyncEvent event, List<String> log) {
        int timeouts = 0;
        while (!event.isSet()) {
            try {
                Yield.value(Async.waitFor(event.waitFor(), Duration.ofMillis(5)));
            } catch (AsyncTimeoutException e) {
                timeouts++;
                log.add(event.toString());
            }
        }
        return Yield.done(timeouts);
    }

    @Generator
    static Coroutine<?, ?, Integer> setsTheEventLater(AsyncEvent event, List<String> log) {
        Task<Integer> poller = Async.spawn(pollsTheEvent(event, log));
        Yield.value(Async.sleep(30));
        event.set();
        int timeouts = Yield.value(poller);
        return Yield.done(timeouts);
    }

    @Test
    void aWaitThatTimesOutLeavesNothingBehindInTheEvent() {
        List<String> log = new ArrayList<>();
        AsyncEvent event = new AsyncEvent();
        int timeouts = EventLoop.runUntilCompleteInVirtualTime(setsTheEventLater(event, log));
        assertFalse(log.isEmpty());
        assertEquals(timeouts, log.size());
        // Each timed-out wait left the line: none is still counted as waiting.
        for (String state : log) {
            assertFalse(state.contains("waiting"), state);
        }
        assertEquals("AsyncEvent (set)", event.toString());
    }

    @Generator
    static Coroutine<?, ?, Void> waitsForTheFlag(AsyncCondition cond, boolean[] flag, List<String> log, String name) {
        Yield.value(cond.acquire());
        try {
            Yield.value(cond.waitUntil(() -> flag[0]));
            log.add(name + " sees the flag");
        } finally {
            log.add(name + " releases");
            cond.release();
        }
        return Yield.done();
    }

    @Generator
    static Coroutine<?, ?, Void> cancelsOneWaiterWhileHoldingTheLock(AsyncCondition cond, List<String> log) {
        boolean[] flag = {false};
        Task<Void> cancelled = Async.spawn(waitsForTheFlag(cond, flag, log, "cancelled"));
        Task<Void> waiter = Async.spawn(waitsForTheFlag(cond, flag, log, "waiter"));
        Yield.value(null);
        Yield.value(cond.acquire());
        try {
            // Its finally releases the lock while this task holds it: the lock must stay this task's.
            cancelled.cancel(false);
            log.add("locked: " + cond.isLocked());
            flag[0] = true;
            cond.signalAll();
        } finally {
            cond.release();
        }
        Yield.value(waiter);
        log.add("locked: " + cond.isLocked());
        return Yield.done();
    }

    @Test
    void aWaiterCancelledAtItsWaitReleasesInItsFinallyWithoutTakingTheLockFromItsHolder() {
        List<String> log = new ArrayList<>();
        EventLoop.runUntilCompleteInVirtualTime(cancelsOneWaiterWhileHoldingTheLock(new AsyncCondition(), log));
        // The cancel is thrown at the waiter's yield when it next runs, after this task's step.
        assertEquals(List.of("locked: true", "cancelled releases", "waiter sees the flag", "waiter releases", "locked: false"), log);
    }
}
