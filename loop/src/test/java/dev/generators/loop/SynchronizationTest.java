package dev.generators.loop;

import static dev.generators.loop.Scripted.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** AsyncSemaphore, AsyncLock and AsyncEvent: who gets a permit or a wake-up, in what order, and what a cancel does. */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SynchronizationTest {

    // ---- AsyncSemaphore ----

    @Test
    void permitsGoToWaitersInTheOrderTheyCameAndANewcomerQueuesBehindThem() {
        AsyncSemaphore semaphore = new AsyncSemaphore(2);
        assertTrue(semaphore.acquire().isDone());
        assertTrue(semaphore.acquire().isDone());
        assertTrue(semaphore.isLocked());
        CompletableFuture<Void> first = semaphore.acquire();
        CompletableFuture<Void> second = semaphore.acquire();
        assertFalse(first.isDone());

        semaphore.release();
        assertTrue(first.isDone());
        assertFalse(second.isDone());
        // The permit went to the first waiter, not to the count: a newcomer waits behind the second.
        CompletableFuture<Void> newcomer = semaphore.acquire();
        assertFalse(newcomer.isDone());
        semaphore.release();
        assertTrue(second.isDone());
        assertFalse(newcomer.isDone());
        semaphore.release();
        assertTrue(newcomer.isDone());
        assertEquals(0, semaphore.availablePermits());
        semaphore.release();
        assertEquals(1, semaphore.availablePermits());
        assertFalse(semaphore.isLocked());
    }

    @Test
    void aWaiterCancelledWhileItWaitsLeavesTheLine() {
        AsyncSemaphore semaphore = new AsyncSemaphore(0);
        CompletableFuture<Void> cancelled = semaphore.acquire();
        CompletableFuture<Void> next = semaphore.acquire();
        assertTrue(cancelled.cancel(false));
        semaphore.release();
        assertTrue(next.isDone() && !next.isCompletedExceptionally());
        assertEquals(0, semaphore.availablePermits());
        assertEquals("AsyncSemaphore with 0 permits free", semaphore.toString());
    }

    @Test
    void aTaskCancelledAfterBeingHandedTheLockButBeforeResumingPassesItOn() {
        AsyncLock lock = new AsyncLock();
        Scripted<Void> first = new Scripted<>(null, step(lock::acquire));
        Scripted<Void> second = new Scripted<>(null, step(lock::acquire));
        Task<?>[] tasks = new Task<?>[2];
        Scripted<Void> main = new Scripted<>(
                null,
                lock.acquire(),
                step(() -> {
                    tasks[0] = Async.spawn(first);
                    tasks[1] = Async.spawn(second);
                    return null; // both start, and wait in line
                }),
                step(() -> {
                    lock.release(); // to the first, which is cancelled before it resumes
                    tasks[0].cancel(false);
                    return Async.waitFor(tasks[1], Duration.ofSeconds(5));
                }));
        EventLoop.runUntilComplete(main);
        assertTrue(first.closedAtAYield);
        assertInstanceOf(CancelledError.class, first.received.get(0));
        assertEquals(Arrays.asList((Object) null), second.received, "the second task never got the lock");
        assertTrue(lock.isLocked(), "the second task got the lock and never released it");
    }

    @Test
    void aPermitATaskResumedWithIsKeptWhenItsStageIsCancelledAfterwards() {
        AsyncSemaphore semaphore = new AsyncSemaphore(0);
        CompletableFuture<Void> grant = semaphore.acquire();
        Scripted<Void> holder = new Scripted<>(null, grant);
        Task<?>[] task = new Task<?>[1];
        Scripted<Void> main = new Scripted<>(
                null,
                step(() -> {
                    task[0] = Async.spawn(holder);
                    return null; // it starts, and waits
                }),
                step(() -> {
                    semaphore.release();
                    return task[0];
                }));
        EventLoop.runUntilComplete(main);
        assertEquals(Arrays.asList((Object) null), holder.received);
        assertFalse(grant.cancel(false));
        assertEquals(0, semaphore.availablePermits(), "a cancel took back the permit of the task that resumed with it");
    }

    @Test
    void aGatherThatFailsGivesBackThePermitItWasHanded() {
        AsyncSemaphore semaphore = new AsyncSemaphore(0);
        IOException failure = new IOException("down");
        CompletableFuture<Void> failed = new CompletableFuture<>();
        failed.completeExceptionally(failure);
        Scripted<Void> main = new Scripted<>(null, step(() -> {
            CompletableFuture<?> both = Async.gather(semaphore.acquire(), failed);
            // Handed the permit, but the gather sees the failure first and cancels its parts.
            semaphore.release();
            return both;
        }));
        EventLoop.runUntilComplete(main);
        assertEquals(Arrays.asList(failure), main.received);
        assertEquals(1, semaphore.availablePermits());
    }

    @Test
    void aBoundedSemaphoreRefusesAReleaseThatWouldRaiseItAboveItsStart() {
        AsyncSemaphore bounded = AsyncSemaphore.bounded(1);
        bounded.acquire();
        bounded.release();
        IllegalStateException refused = assertThrows(IllegalStateException.class, bounded::release);
        assertEquals(
                "release() of a bounded AsyncSemaphore called more times than acquire(): all its 1 permits are free",
                refused.getMessage());

        AsyncSemaphore unbounded = new AsyncSemaphore(1);
        unbounded.release();
        assertEquals(2, unbounded.availablePermits());
        assertThrows(IllegalArgumentException.class, () -> new AsyncSemaphore(-1));
    }

    // ---- AsyncLock ----

    @Test
    void aLockIsHeldByOneTaskAtATimeAndPassedOnInTheOrderAsked() {
        AsyncLock lock = new AsyncLock();
        List<String> log = new ArrayList<>();
        Scripted<Void> main = new Scripted<>(
                null,
                step(() -> Async.gather(holder(lock, log, "a"), holder(lock, log, "b"), holder(lock, log, "c"))),
                step(() -> {
                    log.add("locked: " + lock.isLocked());
                    return null;
                }));
        EventLoop.runUntilComplete(main);
        assertEquals(Arrays.asList("a in", "a out", "b in", "b out", "c in", "c out", "locked: false"), log);
    }

    /** Takes the lock, lets the other tasks run twice while it holds it, and releases it. */
    private static Scripted<Void> holder(AsyncLock lock, List<String> log, String name) {
        return new Scripted<>(
                null,
                step(lock::acquire),
                step(() -> {
                    log.add(name + " in");
                    return null;
                }),
                null,
                step(() -> {
                    log.add(name + " out");
                    lock.release();
                    return null;
                }));
    }

    @Test
    void releasingAnUnlockedLockIsAnError() {
        AsyncLock lock = new AsyncLock();
        IllegalStateException refused = assertThrows(IllegalStateException.class, lock::release);
        assertEquals("release() of an AsyncLock that is not locked", refused.getMessage());
        lock.acquire();
        lock.release();
        assertFalse(lock.isLocked());
    }

    // ---- AsyncEvent ----

    @Test
    void setWakesEveryWaiterInTheOrderTheyCameAndLaterWaitsGoOnUntilCleared() {
        AsyncEvent event = new AsyncEvent();
        List<String> woken = new ArrayList<>();
        for (String name : Arrays.asList("a", "b", "c")) {
            event.waitFor().thenRun(() -> woken.add(name));
        }
        assertTrue(woken.isEmpty());
        event.set();
        assertEquals(Arrays.asList("a", "b", "c"), woken);
        assertTrue(event.isSet());
        assertTrue(event.waitFor().isDone());
        event.clear();
        assertFalse(event.isSet());
        assertFalse(event.waitFor().isDone());
    }

    @Test
    void aWaiterCancelledWhileItWaitsLeavesTheOthersWaiting() {
        AsyncEvent event = new AsyncEvent();
        CompletableFuture<Void> first = event.waitFor();
        CompletableFuture<Void> cancelled = event.waitFor();
        CompletableFuture<Void> third = event.waitFor();
        assertTrue(cancelled.cancel(false));
        assertEquals("AsyncEvent (clear, 2 waiting)", event.toString());
        event.set();
        assertTrue(first.isDone() && third.isDone());
        assertTrue(cancelled.isCancelled());
        assertEquals("AsyncEvent (set)", event.toString());
    }

    @Test
    void tasksWaitingOnAnEventResumeInTheOrderTheyBeganToWait() {
        AsyncEvent event = new AsyncEvent();
        List<String> log = new ArrayList<>();
        Scripted<Void> main = new Scripted<>(null, step(() -> {
            List<Task<Void>> waiters = new ArrayList<>();
            for (String name : Arrays.asList("a", "b", "c")) {
                waiters.add(Async.spawn(new Scripted<>(null, step(event::waitFor), step(() -> {
                    log.add(name);
                    return null;
                }))));
            }
            // Set once all three wait: at the loop's next turn, when the timer is due.
            EventLoop.current().callLater(Duration.ZERO, event::set);
            return Async.gather(waiters);
        }));
        EventLoop.runUntilComplete(main);
        assertEquals(Arrays.asList("a", "b", "c"), log);
    }

    @Test
    void aTaskCancelledAfterItsGatherCompletedButBeforeItResumedGivesBackThePermitAndTheElement() {
        AsyncSemaphore semaphore = new AsyncSemaphore(0);
        AsyncQueue<String> queue = new AsyncQueue<>();
        CompletableFuture<?>[] gathered = new CompletableFuture<?>[1];
        Scripted<Void> gatherer =
                new Scripted<>(null, step(() -> gathered[0] = Async.gather(semaphore.acquire(), queue.get())));
        Task<?>[] task = new Task<?>[1];
        boolean[] refused = new boolean[1];
        Scripted<Void> main = new Scripted<>(
                null,
                step(() -> {
                    task[0] = Async.spawn(gatherer);
                    return null; // it starts, and its gather waits for both
                }),
                step(() -> {
                    semaphore.release();
                    queue.offer("x");
                    return null; // the gather completes at the next turn, before its task resumes
                }),
                step(() -> {
                    assertTrue(gathered[0].isDone(), "the gather should have completed by now");
                    assertFalse(task[0].isDone());
                    task[0].cancel(false);
                    refused[0] = !gathered[0].cancel(false);
                    return task[0];
                }),
                // Bounded only so that a lost element or permit fails rather than hangs.
                step(() -> Async.waitFor(queue.get(), Duration.ofSeconds(5))),
                step(() -> Async.waitFor(semaphore.acquire(), Duration.ofSeconds(5))));
        EventLoop.runUntilComplete(main);
        assertInstanceOf(CancelledError.class, gatherer.received.get(0));
        assertTrue(refused[0], "a gather whose parts are all done refuses the cancel, as asyncio's");
        assertInstanceOf(java.util.concurrent.CancellationException.class, main.received.get(2));
        assertEquals("x", main.received.get(3), "the element the gather took was lost");
        assertEquals(null, main.received.get(4));
        assertEquals(0, semaphore.availablePermits(), "the permit went back, and was acquired again");
    }

    @Test
    void aGatherItsTaskResumedWithKeepsWhatItsPartsHandedOut() {
        AsyncSemaphore semaphore = new AsyncSemaphore(1);
        AsyncQueue<String> queue = new AsyncQueue<>();
        queue.offer("x");
        CompletableFuture<?>[] gathered = new CompletableFuture<?>[1];
        Scripted<Void> main = new Scripted<>(
                null, step(() -> gathered[0] = Async.gather(semaphore.acquire(), queue.get())), step(() -> {
                    gathered[0].cancel(false); // after the task took the list: nothing to give back
                    return null;
                }));
        EventLoop.runUntilComplete(main);
        assertEquals(Arrays.asList(null, "x"), main.received.get(0));
        assertEquals(0, semaphore.availablePermits());
        assertTrue(queue.isEmpty());
    }

    @Test
    void aTaskCancelledAfterItsWaitForAcquireCompletedButBeforeItResumedGivesBackThePermit() {
        AsyncSemaphore semaphore = new AsyncSemaphore(0);
        CompletableFuture<?>[] limited = new CompletableFuture<?>[1];
        Scripted<Void> waiter =
                new Scripted<>(null, step(() -> limited[0] = Async.waitFor(semaphore.acquire(), Duration.ofHours(1))));
        Task<?>[] task = new Task<?>[1];
        Scripted<Void> main = new Scripted<>(
                null,
                step(() -> {
                    task[0] = Async.spawn(waiter);
                    return null;
                }),
                step(() -> {
                    semaphore.release();
                    return null;
                }),
                step(() -> {
                    assertTrue(limited[0].isDone(), "the waitFor should have completed by now");
                    assertFalse(task[0].isDone());
                    task[0].cancel(false);
                    return task[0];
                }),
                step(() -> Async.waitFor(semaphore.acquire(), Duration.ofSeconds(5))));
        EventLoop.runUntilComplete(main);
        assertInstanceOf(CancelledError.class, waiter.received.get(0));
        assertEquals(null, main.received.get(3), "the permit the waitFor took was lost");
    }

    @Test
    void aTaskCancelledAfterItsWaitForOfAGatherCompletedButBeforeItResumedGivesBackThePermit() {
        AsyncSemaphore semaphore = new AsyncSemaphore(0);
        CompletableFuture<?>[] limited = new CompletableFuture<?>[1];
        Scripted<Void> waiter = new Scripted<>(
                null, step(() -> limited[0] = Async.waitFor(Async.gather(semaphore.acquire()), Duration.ofHours(1))));
        Task<?>[] task = new Task<?>[1];
        Object[] script = new Object[7];
        script[0] = step(() -> {
            task[0] = Async.spawn(waiter);
            return null;
        });
        script[1] = step(() -> {
            semaphore.release();
            return null;
        });
        // Each turn, until the waitFor has completed: then the task is cancelled before it resumes.
        for (int i = 2; i < 5; i++) {
            script[i] = step(() -> {
                if (limited[0].isDone() && !task[0].isDone()) {
                    task[0].cancel(false);
                }
                return null;
            });
        }
        script[5] = step(() -> task[0]);
        script[6] = step(() -> Async.waitFor(semaphore.acquire(), Duration.ofSeconds(5)));
        Scripted<Void> main = new Scripted<>(null, script);
        EventLoop.runUntilComplete(main);
        assertInstanceOf(CancelledError.class, waiter.received.get(0), "the task resumed before it was cancelled");
        assertEquals(null, main.received.get(6), "the permit the gather took was lost");
    }
}
