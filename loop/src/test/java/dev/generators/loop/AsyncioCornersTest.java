package dev.generators.loop;

import static dev.generators.loop.Scripted.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Corners that CPython's test_asyncio pins down, each once a divergence of this loop (issue 19,
 * items 1 to 9): the test is named for the behaviour asyncio has.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AsyncioCornersTest {

    @Test
    void aPutCancelledAfterItWasGivenAPlaceButBeforeItResumedPutsNothing() {
        AsyncQueue<String> queue = new AsyncQueue<>(1);
        queue.offer("1");
        Scripted<Void> putter = new Scripted<>(null, step(() -> queue.put("2")));
        Scripted<Void> nextPutter = new Scripted<>(null, step(() -> queue.put("3")));
        Task<?>[] tasks = new Task<?>[2];
        List<Object> log = new ArrayList<>();
        Scripted<Void> main = new Scripted<>(
                null,
                step(() -> {
                    tasks[0] = Async.spawn(putter);
                    tasks[1] = Async.spawn(nextPutter);
                    return null; // both wait for a place
                }),
                step(() -> {
                    log.add(queue.poll()); // a place for the first putter...
                    tasks[0].cancel(); // ...cancelled before it resumes
                    log.add(queue.poll()); // nothing was put yet: asyncio's get_nowait finds it empty
                    return tasks[1];
                }),
                step(() -> {
                    log.add(queue.poll());
                    log.add(queue.poll());
                    return null;
                }));
        EventLoop.runUntilCompleteInVirtualTime(main);
        assertTrue(tasks[0].isCancelled());
        // The place went on to the next putter; the cancelled put never put its element.
        assertEquals(Arrays.asList("1", null, "3", null), log);
    }

    @Test
    void waitForWithNoTimeLeftCancelsTheCoroutineBeforeItStarts() {
        for (Duration none : Arrays.asList(Duration.ZERO, Duration.ofSeconds(-1))) {
            Scripted<String> coroutine = new Scripted<>("result", (Object) null);
            Task<?>[] task = new Task<?>[1];
            Scripted<Void> main = new Scripted<>(null, step(() -> {
                CompletableFuture<String> limited = Async.waitFor(coroutine, none);
                task[0] = EventLoop.current().tasks().get(0);
                return limited;
            }));
            EventLoop.runUntilCompleteInVirtualTime(main);
            assertInstanceOf(AsyncTimeoutException.class, main.received.get(0));
            assertTrue(coroutine.threads.isEmpty(), "the coroutine ran with no time left");
            assertTrue(task[0].isCancelled());
        }
    }

    @Test
    void aGatherWhoseChildrenAreAllDoneRefusesACancelAndKeepsTheirResults() {
        boolean[] cancelled = new boolean[1];
        Scripted<Void> main = new Scripted<>(
                null,
                step(() -> {
                    Task<String> a = Async.spawn(new Scripted<>("a"));
                    Task<String> b = Async.spawn(new Scripted<>("b"));
                    return Async.sleep(Duration.ZERO).thenApply(ignored -> Arrays.asList(a, b));
                }),
                step(() -> {
                    @SuppressWarnings("unchecked")
                    List<Task<String>> children = (List<Task<String>>) lastReceived();
                    CompletableFuture<List<String>> gathered = Async.gather(children.get(0), children.get(1));
                    // Both children are done, their outcomes on their way to the gather.
                    cancelled[0] = gathered.cancel(false);
                    return gathered;
                }));
        current = main;
        EventLoop.runUntilCompleteInVirtualTime(main);
        assertFalse(cancelled[0], "the gather took a cancel that could cancel nothing");
        assertEquals(Arrays.asList("a", "b"), main.received.get(1));
    }

    private static Scripted<?> current;

    private static Object lastReceived() {
        return current.received.get(current.received.size() - 1);
    }

    @Test
    void asCompletedOfTheSameCoroutineTwiceRunsItOnce() {
        Scripted<String> c = new Scripted<>("c", (Object) null);
        Scripted<String> d = new Scripted<>("d", (Object) null);
        int[] futures = new int[1];
        int[] tasks = new int[1];
        EventLoop.runUntilCompleteInVirtualTime(new Scripted<>(null, step(() -> {
            futures[0] = Async.asCompleted(c, c, d).size();
            tasks[0] = EventLoop.current().tasks().size() - 1;
            return null;
        })));
        assertEquals(2, futures[0]);
        assertEquals(2, tasks[0]);
    }

    @Test
    void cancelOfATaskAlreadyCancelledReturnsFalse() {
        Task<?>[] task = new Task<?>[1];
        boolean[] again = new boolean[1];
        EventLoop.runUntilCompleteInVirtualTime(new Scripted<>(
                null,
                step(() -> {
                    task[0] = Async.spawn(new Scripted<>(null, step(() -> Async.sleep(Duration.ofHours(1)))));
                    return null;
                }),
                step(() -> {
                    assertTrue(task[0].cancel());
                    return null;
                }),
                step(() -> {
                    again[0] = task[0].cancel();
                    return null;
                })));
        assertTrue(task[0].isCancelled());
        assertFalse(again[0]);
    }

    @Test
    void aSemaphoreWaiterWokenFirstGoesAheadOfATaskThatReleasesAndAcquiresAgain() {
        // test_locks.SemaphoreTests.test_acquire_fifo_order_2
        AsyncSemaphore sem = new AsyncSemaphore(1);
        List<Integer> result = new ArrayList<>();
        Scripted<Void> c1 = new Scripted<>(null, step(sem::acquire), step(() -> {
            result.add(1);
            return null;
        }));
        Scripted<Void> c2 = new Scripted<>(
                null,
                step(sem::acquire),
                step(() -> {
                    result.add(2);
                    sem.release();
                    return sem.acquire();
                }),
                step(() -> {
                    result.add(4);
                    return null;
                }));
        Scripted<Void> c3 = new Scripted<>(null, step(sem::acquire), step(() -> {
            result.add(3);
            return null;
        }));
        Task<?>[] tasks = new Task<?>[3];
        EventLoop.runUntilCompleteInVirtualTime(new Scripted<>(
                null,
                step(() -> {
                    tasks[0] = Async.spawn(c1);
                    tasks[1] = Async.spawn(c2);
                    tasks[2] = Async.spawn(c3);
                    return Async.sleep(Duration.ZERO);
                }),
                step(() -> {
                    sem.release();
                    sem.release();
                    return Async.gather(tasks[0], tasks[1], tasks[2]);
                })));
        assertEquals(Arrays.asList(1, 2, 3, 4), result);
    }

    @Test
    void theLastTaskToLeaveABarrierRoundSeesItFillingAgain() {
        AsyncBarrier barrier = new AsyncBarrier(2);
        List<String> log = new ArrayList<>();
        Scripted<Void> first = new Scripted<>(null, step(barrier::waitFor), step(() -> {
            log.add("first left: " + barrier);
            return null;
        }));
        EventLoop.runUntilCompleteInVirtualTime(new Scripted<>(
                null,
                step(() -> {
                    Async.spawn(first);
                    return null;
                }),
                step(barrier::waitFor), // the last to arrive goes on at once, the first after it
                step(() -> {
                    log.add("last arrived left: " + barrier);
                    return null;
                }),
                null));
        assertEquals(
                Arrays.asList(
                        "last arrived left: AsyncBarrier [draining, waiters:0/2]",
                        "first left: AsyncBarrier [filling, waiters:0/2]"),
                log);
    }

    @Test
    void callbacksScheduledWithNegativeDelaysRunInTheOrderTheyFellDue() {
        List<String> log = new ArrayList<>();
        EventLoop.runUntilCompleteInVirtualTime(new Scripted<>(null, step(() -> {
            EventLoop loop = EventLoop.current();
            loop.callLater(Duration.ofSeconds(-1), () -> log.add("a"));
            loop.callLater(Duration.ofSeconds(-2), () -> log.add("b"));
            return Async.sleep(Duration.ofMillis(1));
        })));
        assertEquals(Arrays.asList("b", "a"), log);
    }

    @Test
    void aConditionWaiterWokenBySignalResumesOneTurnAfterTheRelease() {
        // test_locks.ConditionTests.test_wait: as a lock's waiter, it runs before a task that gave way once.
        AsyncCondition cond = new AsyncCondition();
        AsyncLock lock = new AsyncLock();
        List<String> log = new ArrayList<>();
        Scripted<Void> condWaiter = new Scripted<>(null, step(cond::acquire), step(cond::waitFor), step(() -> {
            log.add("condition waiter");
            cond.release();
            return null;
        }));
        Scripted<Void> lockWaiter = new Scripted<>(null, step(lock::acquire), step(() -> {
            log.add("lock waiter");
            lock.release();
            return null;
        }));
        EventLoop.runUntilCompleteInVirtualTime(new Scripted<>(
                null,
                step(() -> {
                    Async.spawn(condWaiter);
                    return null;
                }),
                step(cond::acquire),
                lock.acquire(),
                step(() -> {
                    Async.spawn(lockWaiter);
                    return null;
                }),
                step(() -> {
                    cond.signal();
                    cond.release();
                    lock.release();
                    return null; // one turn
                }),
                step(() -> {
                    log.add("one turn later");
                    return null;
                })));
        assertEquals(Arrays.asList("condition waiter", "lock waiter", "one turn later"), log);
    }
}
