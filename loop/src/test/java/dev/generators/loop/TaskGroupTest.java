package dev.generators.loop;

import static dev.generators.loop.Scripted.step;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
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

/** TaskGroup: the join waits for all, a failure cancels the rest and is reported with the others, a cancel spreads. */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TaskGroupTest {

    @Test
    void theJoinCompletesOnceEveryTaskHasIncludingThoseSpawnedWhileItWaits() {
        List<String> log = new ArrayList<>();
        TaskGroup[] group = new TaskGroup[1];
        Task<?>[] tasks = new Task<?>[3];
        Scripted<Void> main = new Scripted<>(
                null,
                step(() -> {
                    group[0] = new TaskGroup();
                    tasks[0] = group[0].spawn(logs(log, "a", 2));
                    tasks[1] = group[0].spawn(new Scripted<>("b", null, step(() -> {
                        // A task of the group adds one while the body waits in the join.
                        tasks[2] = group[0].spawn(logs(log, "c", 3));
                        return null;
                    })));
                    return group[0].join();
                }),
                step(() -> {
                    log.add("joined, " + group[0].size() + " running");
                    return null;
                }));
        EventLoop.runUntilCompleteInVirtualTime(main);
        assertEquals(Arrays.asList("a", "c", "joined, 0 running"), log);
        assertEquals(Arrays.asList((Object) null, null), main.received);
        assertEquals("b", tasks[1].join());
        assertTrue(tasks[2].isDone());
        assertEquals("TaskGroup (finished)", group[0].toString());
        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> group[0].spawn(new Scripted<>(null)));
        assertTrue(refused.getMessage().startsWith("this TaskGroup is finished"), refused.getMessage());
    }

    @Test
    void aFailureCancelsTheOtherTasksAndFailsTheJoinWithEveryFailureInOneGroupException() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalArgumentException second = new IllegalArgumentException("second");
        Scripted<Void> sleeper = new Scripted<>(null, step(() -> Async.sleep(Duration.ofHours(1))));
        TaskGroup[] group = new TaskGroup[1];
        Scripted<Void> main = new Scripted<>(
                null,
                step(() -> {
                    group[0] = new TaskGroup();
                    group[0].spawn(sleeper);
                    // Both fail at their first step, in the same turn: the second before the cancel reaches it.
                    group[0].spawn(throwing(first));
                    group[0].spawn(throwing(second));
                    return group[0].join();
                }),
                step(() -> {
                    group[0].close(); // reported by the join: nothing more to throw
                    return null;
                }));
        EventLoop.runUntilCompleteInVirtualTime(main);
        TaskGroupException failed = assertInstanceOf(TaskGroupException.class, main.received.get(0));
        assertEquals(Arrays.asList(first, second), failed.exceptions());
        assertEquals(Arrays.asList(second), failed.exceptions(IllegalArgumentException.class));
        assertSame(first, failed.getCause());
        assertArrayEquals(new Throwable[] {first, second}, failed.getSuppressed());
        assertTrue(sleeper.closedAtAYield, "the sleeping task was not cancelled");
        assertEquals(Arrays.asList(CancelledError.class), classes(sleeper.received));
    }

    @Test
    void aTaskCancelledOnItsOwnIsNotAFailure() {
        List<String> log = new ArrayList<>();
        Scripted<Void> main = new Scripted<>(null, step(() -> {
            TaskGroup group = new TaskGroup();
            Task<Void> cancelled = group.spawn(new Scripted<>(null, step(() -> Async.sleep(Duration.ofHours(1)))));
            group.spawn(logs(log, "other", 3));
            cancelled.cancel(false);
            return group.join();
        }));
        EventLoop.runUntilCompleteInVirtualTime(main);
        assertEquals(Arrays.asList("other"), log);
        assertEquals(Arrays.asList((Object) null), main.received);
    }

    @Test
    void cancellingTheTaskWaitingInTheJoinCancelsTheGroupsTasks() {
        Scripted<Void> one = new Scripted<>(null, step(() -> Async.sleep(Duration.ofHours(1))));
        Scripted<Void> two = new Scripted<>(null, step(() -> Async.sleep(Duration.ofHours(1))));
        TaskGroup[] group = new TaskGroup[1];
        Scripted<Void> body = new Scripted<>(null, step(() -> {
            group[0] = new TaskGroup();
            group[0].spawn(one);
            group[0].spawn(two);
            return group[0].join();
        }));
        Task<?>[] bodyTask = new Task<?>[1];
        Scripted<Void> main = new Scripted<>(
                null,
                step(() -> {
                    bodyTask[0] = Async.spawn(body);
                    return Async.sleep(Duration.ofMillis(20));
                }),
                step(() -> {
                    assertEquals(2, group[0].size());
                    bodyTask[0].cancel(false);
                    return null;
                }));
        EventLoop.runUntilCompleteInVirtualTime(main);
        assertTrue(body.closedAtAYield);
        assertTrue(one.closedAtAYield && two.closedAtAYield, "the group's tasks were not cancelled");
        assertEquals(0, group[0].size());
    }

    @Test
    void closeCancelsTheTasksLeftWhenTheBodyEndsWithoutJoining() {
        Scripted<Void> sleeper = new Scripted<>(null, step(() -> Async.sleep(Duration.ofHours(1))));
        TaskGroup[] group = new TaskGroup[1];
        Scripted<Void> body = new Scripted<>(
                null,
                step(() -> {
                    group[0] = new TaskGroup();
                    group[0].spawn(sleeper);
                    return null; // it starts; then the body fails, say, and try-with-resources closes the group
                }),
                step(() -> {
                    group[0].close();
                    return null;
                }));
        EventLoop.runUntilCompleteInVirtualTime(body);
        assertTrue(sleeper.closedAtAYield, "close() left the task running");
        assertThrows(IllegalStateException.class, () -> group[0].spawn(new Scripted<>(null)));
    }

    @Test
    void afterAFailureTheBodyIsInterruptedWithTheGroupsFailureAndATaskSpawnedThenIsCancelled() {
        IllegalStateException failure = new IllegalStateException("failed");
        Scripted<Void> late = new Scripted<>(null, (Object) null);
        Task<?>[] lateTask = new Task<?>[1];
        Throwable[] closed = new Throwable[1];
        TaskGroup[] group = new TaskGroup[1];
        Scripted<Void> body = new Scripted<>(
                null,
                step(() -> {
                    group[0] = new TaskGroup();
                    group[0].spawn(throwing(failure));
                    return Async.sleep(Duration.ofMillis(10));
                }),
                step(() -> {
                    lateTask[0] = group[0].spawn(late);
                    try {
                        group[0].close();
                    } catch (Throwable thrown) {
                        closed[0] = thrown;
                    }
                    return null;
                }));
        EventLoop.runUntilCompleteInVirtualTime(body);
        // The body was in its sleep, not in join(): the group's failure was thrown there.
        TaskGroupException interrupted = assertInstanceOf(TaskGroupException.class, body.received.get(0));
        assertEquals(Arrays.asList(failure), interrupted.exceptions());
        assertTrue(lateTask[0].isCancelled());
        assertTrue(late.threads.isEmpty(), "the task spawned after the failure ran");
        assertNull(closed[0], "close() threw a failure the body had been given");
    }

    @Test
    void anEmptyGroupJoinsAtOnce() {
        CompletableFuture<?>[] join = new CompletableFuture<?>[1];
        EventLoop.runUntilCompleteInVirtualTime(new Scripted<>(null, step(() -> {
            join[0] = new TaskGroup().join();
            return join[0];
        })));
        assertTrue(join[0].isDone() && !join[0].isCompletedExceptionally());
        assertThrows(IllegalStateException.class, TaskGroup::new, "no loop runs on this thread");
    }

    /** Lets the other tasks run {@code turns} times, then logs {@code name}. */
    private static Scripted<Void> logs(List<String> log, String name, int turns) {
        Object[] yields = new Object[turns + 1];
        yields[turns] = step(() -> {
            log.add(name);
            return null;
        });
        return new Scripted<>(null, yields);
    }

    /** A coroutine that throws {@code failure} when it starts. */
    private static Scripted<Void> throwing(RuntimeException failure) {
        return new Scripted<>(null, step(() -> {
            throw failure;
        }));
    }

    private static List<Class<?>> classes(List<Object> objects) {
        List<Class<?>> all = new ArrayList<>();
        for (Object o : objects) {
            all.add(o.getClass());
        }
        return all;
    }
}
