package dev.generators.loop;

import static dev.generators.loop.Scripted.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * AsyncCondition: the lock given up while a task waits and back before it resumes, who is woken
 * in what order, and what a cancel does to the lock and to a signal.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConditionTest {

    /**
     * A task that takes the lock, waits once, and releases it: also in the {@code finally} that
     * {@link Scripted#onClose} stands for, when it is cancelled at the wait.
     */
    private static Scripted<Void> waiter(AsyncCondition cond, List<String> log, String name) {
        boolean[] released = {false};
        Scripted<Void> script = new Scripted<>(
                null,
                step(cond::acquire),
                step(() -> {
                    log.add(name + " waits");
                    return cond.waitFor();
                }),
                step(() -> {
                    log.add(name + " woken, locked: " + cond.isLocked());
                    released[0] = true;
                    cond.release();
                    return null;
                }));
        return script.onClose(() -> {
            if (!released[0]) {
                log.add(name + " cancelled, releases");
                cond.release();
            }
        });
    }

    /** Collects what the loop's exception handler is given: a release that threw in a finally, say. */
    private static Object reportTo(List<Throwable> reported) {
        return step(() -> {
            EventLoop.current().setExceptionHandler((context, thrown) -> reported.add(thrown));
            return null;
        });
    }

    @Test
    void waitingAndSignallingNeedTheLock() {
        AsyncCondition cond = new AsyncCondition();
        assertEquals(
                "waitFor() of an AsyncCondition whose lock is not held",
                assertThrows(IllegalStateException.class, cond::waitFor).getMessage());
        assertThrows(IllegalStateException.class, () -> cond.waitUntil(() -> true));
        assertThrows(IllegalStateException.class, () -> cond.waitFor(Duration.ZERO));
        assertEquals(
                "signal() of an AsyncCondition whose lock is not held",
                assertThrows(IllegalStateException.class, cond::signal).getMessage());
        assertThrows(IllegalStateException.class, cond::signalAll);
        assertThrows(IllegalStateException.class, cond::release);
        cond.acquire();
        cond.signal();
        cond.signalAll();
        assertTrue(cond.isLocked());
        assertEquals("AsyncCondition (locked)", cond.toString());
    }

    @Test
    void aWaiterGivesUpTheLockAndHasItAgainWhenItResumesAfterTheSignaller() {
        AsyncCondition cond = new AsyncCondition();
        List<String> log = new ArrayList<>();
        Scripted<Void> waiter = waiter(cond, log, "waiter");
        Scripted<Void> main = new Scripted<>(
                null,
                step(() -> {
                    Async.spawn(waiter);
                    return null; // it takes the lock and waits
                }),
                step(() -> {
                    log.add("locked while it waits: " + cond.isLocked() + ", waiting: " + cond.waiting());
                    return cond.acquire();
                }),
                step(() -> {
                    cond.signal();
                    log.add("signalled");
                    return null; // it is woken, but the lock is still this task's
                }),
                step(() -> {
                    log.add("releases");
                    cond.release();
                    return null;
                }),
                null);
        EventLoop.runUntilCompleteInVirtualTime(main);
        assertEquals(
                Arrays.asList(
                        "waiter waits",
                        "locked while it waits: false, waiting: 1",
                        "signalled",
                        "releases",
                        "waiter woken, locked: true"),
                log);
        assertEquals(Arrays.asList(null, true), waiter.received.subList(0, 2));
        assertFalse(cond.isLocked());
    }

    @Test
    void signalWakesTheFirstNInTheOrderTheyCameAndSignalAllTheRest() {
        AsyncCondition cond = new AsyncCondition();
        List<String> log = new ArrayList<>();
        Scripted<Void> main = new Scripted<>(
                null,
                step(() -> {
                    for (String name : Arrays.asList("a", "b", "c", "d")) {
                        Async.spawn(waiter(cond, log, name));
                    }
                    return null;
                }),
                step(cond::acquire),
                step(() -> {
                    cond.signal(2);
                    cond.release();
                    return Async.sleep(Duration.ofMillis(20));
                }),
                step(() -> {
                    log.add("still waiting: " + cond.waiting());
                    return cond.acquire();
                }),
                step(() -> {
                    cond.signalAll();
                    cond.release();
                    return Async.sleep(Duration.ofMillis(20));
                }));
        EventLoop.runUntilCompleteInVirtualTime(main);
        assertEquals(
                Arrays.asList(
                        "a waits",
                        "b waits",
                        "c waits",
                        "d waits",
                        "a woken, locked: true",
                        "b woken, locked: true",
                        "still waiting: 2",
                        "c woken, locked: true",
                        "d woken, locked: true"),
                log);
        assertFalse(cond.isLocked());
    }

    @Test
    void waitUntilTestsThePredicateWithTheLockHeldAndWaitsAgainWhileItIsFalse() {
        AsyncCondition cond = new AsyncCondition();
        List<String> log = new ArrayList<>();
        int[] items = {0};
        Scripted<Void> consumer = new Scripted<>(
                null,
                step(cond::acquire),
                step(() -> cond.waitUntil(() -> {
                    log.add("tests " + items[0] + ", locked: " + cond.isLocked());
                    return items[0] >= 2;
                })),
                step(() -> {
                    log.add("goes on with " + items[0]);
                    cond.release();
                    return null;
                }));
        Scripted<Void> main = new Scripted<>(
                null,
                step(() -> {
                    Async.spawn(consumer);
                    return null;
                }),
                step(cond::acquire),
                step(() -> {
                    items[0]++;
                    cond.signal();
                    cond.release();
                    return Async.sleep(Duration.ofMillis(20));
                }),
                step(() -> {
                    log.add("waiting: " + cond.waiting());
                    return cond.acquire();
                }),
                step(() -> {
                    items[0]++;
                    cond.signal();
                    cond.release();
                    return Async.sleep(Duration.ofMillis(20));
                }));
        EventLoop.runUntilCompleteInVirtualTime(main);
        assertEquals(
                Arrays.asList(
                        "tests 0, locked: true",
                        "tests 1, locked: true",
                        "waiting: 1",
                        "tests 2, locked: true",
                        "goes on with 2"),
                log);
        assertEquals(Arrays.asList(null, true, null), consumer.received);
        assertFalse(cond.isLocked());

        // A predicate already true: the stage is complete, and the lock never left.
        cond.acquire();
        CompletableFuture<Boolean> at = cond.waitUntil(() -> true);
        assertTrue(at.isDone() && at.join());
        assertTrue(cond.isLocked());
    }

    @Test
    void aPredicateThatThrowsFailsTheWaitWithTheLockHeld() {
        AsyncCondition cond = new AsyncCondition();
        IllegalArgumentException broken = new IllegalArgumentException("broken");
        boolean[] throwing = {false};
        boolean[] locked = {false};
        Scripted<Void> consumer = new Scripted<>(
                null,
                step(cond::acquire),
                step(() -> cond.waitUntil(() -> {
                    if (throwing[0]) {
                        throw broken;
                    }
                    return false;
                })),
                step(() -> {
                    locked[0] = cond.isLocked();
                    return null;
                }));
        Scripted<Void> main = new Scripted<>(
                null,
                step(() -> {
                    Async.spawn(consumer);
                    return null;
                }),
                step(cond::acquire),
                step(() -> {
                    throwing[0] = true;
                    cond.signal();
                    cond.release();
                    return Async.sleep(Duration.ofMillis(20));
                }));
        EventLoop.runUntilCompleteInVirtualTime(main);
        assertSame(broken, consumer.received.get(1));
        assertTrue(locked[0], "the lock was not the consumer's when it saw the failure");
    }

    @Test
    void aTimedWaitHasTheLockBackEitherWayAndSaysWhetherItWasSignalled() {
        AsyncCondition cond = new AsyncCondition();
        List<String> log = new ArrayList<>();
        EventLoop[] loop = new EventLoop[1];
        Scripted<Void> main = new Scripted<>(
                null,
                step(() -> {
                    loop[0] = EventLoop.current();
                    return cond.acquire();
                }),
                step(() -> cond.waitFor(Duration.ofMillis(30))),
                step(() -> {
                    log.add("locked: " + cond.isLocked() + ", waiting: " + cond.waiting());
                    Async.spawn(new Scripted<>(null, step(cond::acquire), step(() -> {
                        cond.signal();
                        cond.release();
                        return null;
                    })));
                    return cond.waitFor(Duration.ofSeconds(5));
                }),
                step(() -> cond.waitUntil(() -> false, Duration.ofMillis(30))),
                step(() -> {
                    log.add("locked: " + cond.isLocked());
                    cond.release();
                    return null;
                }));
        EventLoop.runUntilCompleteInVirtualTime(main);
        assertEquals(Arrays.asList(null, false, true, false, null), main.received);
        assertEquals(Arrays.asList("locked: true, waiting: 0", "locked: true"), log);
        // The two timed-out waits, and not the 5 s of the one the signal ended.
        assertEquals(Duration.ofMillis(60).toNanos(), loop[0].time(), "the signal did not end the second wait");
    }

    @Test
    void aWaiterCancelledWhileAnotherTaskHoldsTheLockLeavesItWithThatTask() {
        AsyncCondition cond = new AsyncCondition();
        List<String> log = new ArrayList<>();
        List<Throwable> reported = new ArrayList<>();
        Scripted<Void> waiter = waiter(cond, log, "waiter");
        Scripted<Void> latecomer = new Scripted<>(null, step(cond::acquire), step(() -> {
            log.add("latecomer has it");
            cond.release();
            return null;
        }));
        Task<?>[] task = new Task<?>[1];
        Scripted<Void> main = new Scripted<>(
                null,
                reportTo(reported),
                step(() -> {
                    task[0] = Async.spawn(waiter);
                    return null; // it takes the lock, and waits
                }),
                step(cond::acquire),
                step(() -> {
                    task[0].cancel(false); // its finally releases the lock: this task's
                    log.add("after the cancel, locked: " + cond.isLocked());
                    Async.spawn(latecomer);
                    return null;
                }),
                step(() -> {
                    log.add("main releases");
                    cond.release();
                    return null;
                }),
                null);
        EventLoop.runUntilCompleteInVirtualTime(main);
        assertEquals(
                Arrays.asList(
                        "waiter waits",
                        "after the cancel, locked: true",
                        "waiter cancelled, releases",
                        "main releases",
                        "latecomer has it"),
                log);
        assertInstanceOf(CancelledError.class, waiter.received.get(1));
        assertEquals(Arrays.asList(), reported);
        assertFalse(cond.isLocked());
    }

    @Test
    void aWaiterCancelledWhileTheLockIsFreeTakesItForItsFinallyToRelease() {
        AsyncCondition cond = new AsyncCondition();
        List<String> log = new ArrayList<>();
        List<Throwable> reported = new ArrayList<>();
        Task<?>[] task = new Task<?>[1];
        Scripted<Void> main = new Scripted<>(
                null,
                reportTo(reported),
                step(() -> {
                    task[0] = Async.spawn(waiter(cond, log, "waiter"));
                    return null;
                }),
                step(() -> {
                    task[0].cancel(false);
                    return null;
                }));
        EventLoop.runUntilCompleteInVirtualTime(main);
        assertEquals(Arrays.asList("waiter waits", "waiter cancelled, releases"), log);
        assertEquals(Arrays.asList(), reported, "the finally released a lock that was not locked");
        assertFalse(cond.isLocked());
        assertEquals(0, cond.waiting());
    }

    @Test
    void aWaiterSignalledButCancelledBeforeItHasTheLockHandsTheSignalOn() {
        AsyncCondition cond = new AsyncCondition();
        List<String> log = new ArrayList<>();
        Task<?>[] first = new Task<?>[1];
        Task<?>[] second = new Task<?>[1];
        Scripted<Void> main = new Scripted<>(
                null,
                step(() -> {
                    first[0] = Async.spawn(waiter(cond, log, "first"));
                    second[0] = Async.spawn(waiter(cond, log, "second"));
                    return null;
                }),
                step(cond::acquire),
                step(() -> {
                    cond.signal(); // to the first, which waits for this task's lock...
                    first[0].cancel(false); // ...and is cancelled before it has it
                    log.add("locked: " + cond.isLocked() + ", waiting: " + cond.waiting());
                    cond.release();
                    return Async.waitFor(second[0], Duration.ofSeconds(5));
                }));
        EventLoop.runUntilCompleteInVirtualTime(main);
        assertEquals(
                Arrays.asList(
                        "first waits",
                        "second waits",
                        "locked: true, waiting: 0",
                        "first cancelled, releases",
                        "second woken, locked: true"),
                log);
        assertFalse(cond.isLocked());
    }

    @Test
    void aWaiterHandedTheLockButCancelledBeforeItResumesReleasesItAndHandsTheSignalOn() {
        AsyncCondition cond = new AsyncCondition();
        List<String> log = new ArrayList<>();
        List<Throwable> reported = new ArrayList<>();
        Task<?>[] first = new Task<?>[1];
        Task<?>[] second = new Task<?>[1];
        Scripted<Void> main = new Scripted<>(
                null,
                reportTo(reported),
                step(() -> {
                    first[0] = Async.spawn(waiter(cond, log, "first"));
                    second[0] = Async.spawn(waiter(cond, log, "second"));
                    return null;
                }),
                step(cond::acquire),
                step(() -> {
                    cond.signal();
                    cond.release(); // the lock is handed to the first...
                    first[0].cancel(false); // ...which is cancelled before it resumes with it
                    log.add("locked: " + cond.isLocked() + ", waiting: " + cond.waiting());
                    return Async.waitFor(second[0], Duration.ofSeconds(5));
                }));
        EventLoop.runUntilCompleteInVirtualTime(main);
        assertEquals(
                Arrays.asList(
                        "first waits",
                        "second waits",
                        "locked: true, waiting: 0",
                        "first cancelled, releases",
                        "second woken, locked: true"),
                log);
        assertEquals(Arrays.asList(), reported);
        assertFalse(cond.isLocked());
    }

    @Test
    void twoConditionsMayShareALock() {
        AsyncLock lock = new AsyncLock();
        AsyncCondition notEmpty = new AsyncCondition(lock);
        AsyncCondition notFull = new AsyncCondition(lock);
        assertSame(lock, notEmpty.lock());
        assertTrue(notEmpty.acquire().isDone());
        assertTrue(notFull.isLocked() && lock.isLocked());
        notFull.signalAll();
        assertFalse(notFull.acquire().isDone());
        notEmpty.release();
        assertTrue(lock.isLocked(), "the lock went to the second acquire");
    }
}
