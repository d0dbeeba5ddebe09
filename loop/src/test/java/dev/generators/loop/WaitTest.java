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
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Async.wait and Async.asCompleted: when they complete, and with what; in virtual time, so that timers fall due in their order however loaded the machine. */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WaitTest {
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void firstCompletedGivesTheFirstToCompleteAsDoneAndLeavesTheOthersRunning() {
        CompletableFuture<?>[] sleeps = new CompletableFuture<?>[3];
        DoneAndPending<CompletableFuture<?>> result = waitIn(ReturnWhen.FIRST_COMPLETED, null, () -> {
            sleeps[0] = Async.sleep(60);
            sleeps[1] = Async.sleep(10);
            sleeps[2] = Async.sleep(HOUR);
            return Arrays.asList(sleeps);
        });
        assertEquals(Arrays.asList(sleeps[1]), new ArrayList<>(result.done()));
        assertEquals(Arrays.asList(sleeps[0], sleeps[2]), new ArrayList<>(result.pending()));
        assertFalse(sleeps[2].isCancelled());
    }

    @Test
    void firstCompletedCountsAsDoneThoseAlreadyCompleteToo() {
        CompletableFuture<String> a = CompletableFuture.completedFuture("a");
        CompletableFuture<String> b = CompletableFuture.completedFuture("b");
        CompletableFuture<String> never = new CompletableFuture<>();
        DoneAndPending<CompletableFuture<String>> result =
                waitIn(ReturnWhen.FIRST_COMPLETED, null, () -> Arrays.asList(never, a, b, a));
        assertEquals(Arrays.asList(a, b), new ArrayList<>(result.done()));
        assertEquals(Arrays.asList(never), new ArrayList<>(result.pending()));
    }

    @Test
    void firstExceptionWaitsForAFailureButNotForACancel() {
        CompletableFuture<String> cancelled = new CompletableFuture<>();
        CompletableFuture<String> failing = new CompletableFuture<>();
        CompletableFuture<String> never = new CompletableFuture<>();
        DoneAndPending<CompletableFuture<String>> result = waitIn(ReturnWhen.FIRST_EXCEPTION, null, () -> {
            EventLoop loop = EventLoop.current();
            loop.callLater(Duration.ofMillis(10), () -> cancelled.cancel(false));
            loop.callLater(Duration.ofMillis(40), () -> failing.completeExceptionally(new IOException("down")));
            return Arrays.asList(cancelled, failing, never);
        });
        assertEquals(Arrays.asList(cancelled, failing), new ArrayList<>(result.done()));
        assertEquals(Arrays.asList(never), new ArrayList<>(result.pending()));
    }

    @Test
    void allCompletedWithATimeoutEndsWhenTimeIsUpWithoutCancellingAnything() {
        CompletableFuture<?>[] sleeps = new CompletableFuture<?>[2];
        EventLoop[] loop = new EventLoop[1];
        DoneAndPending<CompletableFuture<?>> result = waitIn(ReturnWhen.ALL_COMPLETED, Duration.ofMillis(50), () -> {
            loop[0] = EventLoop.current();
            sleeps[0] = Async.sleep(HOUR);
            sleeps[1] = Async.sleep(5);
            return Arrays.asList(sleeps);
        });
        assertEquals(50_000_000L, loop[0].time(), "it did not end at the timeout, on the loop's virtual clock");
        assertEquals(Arrays.asList(sleeps[1]), new ArrayList<>(result.done()));
        assertEquals(Arrays.asList(sleeps[0]), new ArrayList<>(result.pending()));
        assertFalse(sleeps[0].isCancelled());
    }

    @Test
    void allCompletedEndsWhenTheLastDoesAndNeedsAStage() {
        CompletableFuture<String> failed = new CompletableFuture<>();
        failed.completeExceptionally(new IOException("down"));
        CompletableFuture<?>[] sleep = new CompletableFuture<?>[1];
        DoneAndPending<CompletableFuture<?>> result = waitIn(ReturnWhen.ALL_COMPLETED, HOUR, () -> {
            sleep[0] = Async.sleep(10);
            return Arrays.asList(failed, sleep[0]);
        });
        assertEquals(Arrays.asList(failed, sleep[0]), new ArrayList<>(result.done()));
        assertTrue(result.pending().isEmpty());

        Scripted<Void> empty = new Scripted<>(
                null, step(() -> Async.wait(Collections.<CompletableFuture<?>>emptyList(), ReturnWhen.ALL_COMPLETED)));
        assertThrows(IllegalArgumentException.class, () -> EventLoop.runUntilCompleteInVirtualTime(empty));
    }

    @Test
    void cancellingTheTaskThatWaitsLeavesTheStagesAlone() {
        CompletableFuture<String> never = new CompletableFuture<>();
        Task<?>[] waiter = new Task<?>[1];
        Scripted<Void> main = new Scripted<>(
                null,
                step(() -> {
                    waiter[0] = Async.spawn(
                            new Scripted<>(null, Async.wait(Arrays.asList(never), ReturnWhen.ALL_COMPLETED)));
                    return null;
                }),
                step(() -> {
                    waiter[0].cancel(false);
                    return null;
                }));
        EventLoop.runUntilCompleteInVirtualTime(main);
        assertTrue(waiter[0].isCancelled());
        assertFalse(never.isDone());
    }

    @Test
    void asCompletedGivesTheOutcomesInTheOrderTheyComeFailuresIncluded() {
        IOException failure = new IOException("down");
        List<Object> received = collectIn(
                4,
                null,
                () -> Arrays.asList(
                        Async.sleep(60).thenApply(ignored -> "60"),
                        Async.sleep(10).thenApply(ignored -> "10"),
                        Async.sleep(30).thenApply(ignored -> "30"),
                        Async.sleep(45).<String>thenApply(ignored -> {
                            throw new CompletionException(failure);
                        })));
        assertEquals(Arrays.asList("10", "30", failure, "60"), received);
    }

    @Test
    void asCompletedFailsWhatIsLeftWhenTimeIsUp() {
        List<Object> received = collectIn(
                2,
                Duration.ofMillis(40),
                () -> Arrays.asList(
                        // Done already, so that it comes before the timeout however loaded the machine is.
                        new CompletableFuture<String>(), CompletableFuture.completedFuture("soon")));
        assertEquals("soon", received.get(0));
        AsyncTimeoutException timeout = assertInstanceOf(AsyncTimeoutException.class, received.get(1));
        assertEquals("timed out after 40 ms", timeout.getMessage());
    }

    @Test
    void anOutcomeForAFutureCancelledWhileATaskWaitedOnItGoesToTheNext() {
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> second = new CompletableFuture<>();
        @SuppressWarnings("unchecked")
        List<CompletableFuture<String>>[] order = new List[1];
        Scripted<Void> main = new Scripted<>(null, step(() -> {
            order[0] = Async.asCompleted(Arrays.asList(first, second));
            Task<Void> cancelled = Async.spawn(new Scripted<>(null, order[0].get(0)));
            EventLoop.current().callLater(Duration.ofMillis(10), () -> {
                cancelled.cancel(false);
                first.complete("first");
            });
            return order[0].get(1);
        }));
        EventLoop.runUntilCompleteInVirtualTime(main);
        assertTrue(order[0].get(0).isCancelled());
        assertEquals(Arrays.asList("first"), main.received);
    }

    /** Runs a task that calls {@code Async.wait} on the stages {@code stages} makes there, and returns what it got. */
    @SuppressWarnings("unchecked")
    private static <S extends CompletableFuture<?>> DoneAndPending<S> waitIn(
            ReturnWhen returnWhen, Duration timeout, Scripted.Step stages) {
        Scripted<Void> main = new Scripted<>(null, step(() -> {
            List<S> all = (List<S>) stages.run();
            return timeout == null ? Async.wait(all, returnWhen) : Async.wait(all, returnWhen, timeout);
        }));
        EventLoop.runUntilCompleteInVirtualTime(main);
        return (DoneAndPending<S>) main.received.get(0);
    }

    /** Runs a task that yields, one by one, the {@code count} futures of {@code Async.asCompleted}, and returns what each gave. */
    @SuppressWarnings("unchecked")
    private static List<Object> collectIn(int count, Duration timeout, Scripted.Step stages) {
        Object[] script = new Object[count];
        List<CompletableFuture<String>>[] order = new List[1];
        script[0] = step(() -> {
            List<CompletableFuture<String>> all = (List<CompletableFuture<String>>) stages.run();
            order[0] = timeout == null ? Async.asCompleted(all) : Async.asCompleted(all, timeout);
            return order[0].get(0);
        });
        for (int i = 1; i < count; i++) {
            int index = i;
            script[i] = step(() -> order[0].get(index));
        }
        Scripted<Void> main = new Scripted<>(null, script);
        EventLoop.runUntilCompleteInVirtualTime(main);
        return main.received;
    }
}
