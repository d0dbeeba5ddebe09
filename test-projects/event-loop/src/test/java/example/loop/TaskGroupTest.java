package example.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.Async;
import dev.generators.loop.EventLoop;
import dev.generators.loop.Task;
import dev.generators.loop.TaskGroup;
import dev.generators.loop.TaskGroupException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** TaskGroup in generators: try-with-resources around the spawns and the join, under failures and cancels. */
@Timeout(10)
class TaskGroupTest {

    @Generator
    static Coroutine<?, ?, String> sleeps(List<String> log, String name, Duration delay) {
        try {
            Yield.value(Async.sleep(delay));
            log.add(name + " woke");
        } finally {
            log.add(name + " ends");
        }
        return Yield.done(name);
    }

    @Generator
    static Coroutine<?, ?, Void> fails(Duration delay, RuntimeException failure) {
        Yield.value(Async.sleep(delay));
        throw failure;
    }

    @Generator
    static Coroutine<?, ?, String> resultsOfBoth(List<String> log) {
        Task<String> a;
        Task<String> b;
        try (TaskGroup group = new TaskGroup()) {
            a = group.spawn(sleeps(log, "a", Duration.ofMillis(20)));
            b = group.spawn(sleeps(log, "b", Duration.ofMillis(10)));
            Yield.value(group.join());
        }
        return Yield.done(a.join() + b.join());
    }

    @Test
    void theBlockEndsWhenAllItsTasksHaveAndTheirResultsAreThere() {
        List<String> log = new ArrayList<>();
        assertEquals("ab", EventLoop.runUntilCompleteInVirtualTime(resultsOfBoth(log)));
        assertEquals(List.of("b woke", "b ends", "a woke", "a ends"), log);
    }

    @Generator
    static Coroutine<?, ?, Void> twoFail(List<String> log, RuntimeException first, RuntimeException second) {
        try (TaskGroup group = new TaskGroup()) {
            group.spawn(sleeps(log, "sleeper", Duration.ofHours(1)));
            group.spawn(fails(Duration.ofMillis(10), first));
            group.spawn(fails(Duration.ofMillis(10), second));
            Yield.value(group.join());
        } finally {
            log.add("block left");
        }
        return Yield.done();
    }

    @Test
    void theGroupFailsWithEveryFailureOfItsTasksOnceTheSleeperHasEnded() {
        List<String> log = new ArrayList<>();
        IllegalStateException first = new IllegalStateException("first");
        IllegalArgumentException second = new IllegalArgumentException("second");
        TaskGroupException thrown = assertThrows(TaskGroupException.class,
                () -> EventLoop.runUntilCompleteInVirtualTime(twoFail(log, first, second)));
        assertEquals(List.of(first, second), thrown.exceptions());
        assertArrayEquals(new Throwable[] {first, second}, thrown.getSuppressed());
        assertEquals(List.of("sleeper ends", "block left"), log);
    }

    @Generator
    static Coroutine<?, ?, Void> bodyFails(List<String> log, RuntimeException failure) {
        try (TaskGroup group = new TaskGroup()) {
            group.spawn(sleeps(log, "sleeper", Duration.ofHours(1)));
            Yield.value(Async.sleep(Duration.ofMillis(10)));
            throw failure;
        }
    }

    @Test
    void aBodyThatThrowsBeforeTheJoinLeavesNoTaskRunning() {
        List<String> log = new ArrayList<>();
        RuntimeException failure = new RuntimeException("body");
        assertSame(failure, assertThrows(RuntimeException.class, () -> EventLoop.runUntilCompleteInVirtualTime(bodyFails(log, failure))));
        assertEquals(List.of("sleeper ends"), log);
    }

    @Generator
    static Coroutine<?, ?, Void> waitsInTheJoin(List<String> log) {
        try (TaskGroup group = new TaskGroup()) {
            group.spawn(sleeps(log, "one", Duration.ofHours(1)));
            group.spawn(sleeps(log, "two", Duration.ofHours(1)));
            Yield.value(group.join());
        } finally {
            log.add("body closed");
        }
        return Yield.done();
    }

    @Generator
    static Coroutine<?, ?, Void> cancelsTheBody(List<String> log) {
        Task<Void> body = Async.spawn(waitsInTheJoin(log));
        Yield.value(Async.sleep(Duration.ofMillis(10)));
        body.cancel(false);
        try {
            Yield.value(body);
        } catch (CancellationException e) {
            log.add("cancelled: " + body.isCancelled());
        }
        return Yield.done();
    }

    @Test
    void cancellingTheTaskInTheJoinCancelsTheGroupsTasksBeforeItsOwnFinallyRuns() {
        List<String> log = new ArrayList<>();
        EventLoop.runUntilCompleteInVirtualTime(cancelsTheBody(log));
        assertEquals(List.of("one ends", "two ends", "body closed", "cancelled: true"), log);
    }

    @Generator
    static Coroutine<?, ?, List<String>> bodyInterrupted(List<String> log) {
        try (TaskGroup group = new TaskGroup()) {
            group.spawn(sleeps(log, "sleeper", Duration.ofHours(1)));
            group.spawn(fails(Duration.ofMillis(5), new IllegalStateException("one")));
            group.spawn(fails(Duration.ofMillis(5), new IllegalArgumentException("two")));
            try {
                Yield.value(Async.sleep(Duration.ofHours(1))); // the body, busy elsewhere than in the join
                log.add("body slept on");
            } finally {
                log.add("body's finally");
            }
            Yield.value(group.join());
        } catch (TaskGroupException e) {
            log.add("group failed: " + e.exceptions().size() + ", " + e.exceptions(IllegalArgumentException.class));
        }
        return Yield.done(log);
    }

    @Test
    void aFailingTaskCancelsTheBodyOfTheGroupWhichSeesEveryFailure() {
        // test_taskgroups.test_taskgroup_08/_09: the body is cancelled at its await, and the group raises them all
        assertEquals(
                List.of("sleeper ends", "body's finally", "group failed: 2, [java.lang.IllegalArgumentException: two]"),
                EventLoop.runUntilCompleteInVirtualTime(bodyInterrupted(new ArrayList<>())));
    }
}
