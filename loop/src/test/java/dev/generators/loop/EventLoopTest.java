package dev.generators.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The loop driving hand-written coroutines: what it does without the plugin. */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EventLoopTest {

    @Test
    void aTaskIsResumedWithEachOutcomeInTurnAndEndsWithTheCoroutinesResult() {
        IOException failure = new IOException("no disk");
        CompletableFuture<String> failed = new CompletableFuture<>();
        failed.completeExceptionally(failure);
        Scripted<String> script =
                new Scripted<>("result", CompletableFuture.completedFuture("one"), failed.thenApply(s -> s), null);
        assertEquals("result", EventLoop.runUntilComplete(script));
        assertEquals(Arrays.asList("one", failure, null), script.received);
    }

    @Test
    void aStageCompletedOnAnotherThreadResumesTheTaskOnTheLoopsThread() throws Exception {
        CompletableFuture<String> later = new CompletableFuture<>();
        Thread completer = new Thread(() -> {
            pause(30);
            later.complete("later");
        });
        completer.start();
        Scripted<Void> script = new Scripted<>(null, later);
        EventLoop.runUntilComplete(script);
        completer.join();
        assertEquals(Arrays.asList("later"), script.received);
        assertEquals(Arrays.asList(Thread.currentThread(), Thread.currentThread()), script.threads);
    }

    @Test
    void somethingTheLoopCantWaitOnIsRaisedIntoTheCoroutineNamingIt() {
        Scripted<Void> script = new Scripted<>(null, 42);
        EventLoop.runUntilComplete(script);
        IllegalStateException raised = assertInstanceOf(IllegalStateException.class, script.received.get(0));
        assertTrue(
                raised.getMessage().contains(" yielded 42 (java.lang.Integer), which the event loop can't wait on"),
                raised.getMessage());
    }

    @Test
    void cancelFromAnotherThreadClosesTheCoroutineAndCancelsWhatItWaitsOn() throws Exception {
        CompletableFuture<String> never = new CompletableFuture<>();
        Scripted<Void> script = new Scripted<>(null, never);
        EventLoop loop = EventLoop.start();
        Task<Void> task = loop.run(script);
        waitFor(() -> never.getNumberOfDependents() > 0);
        assertTrue(task.cancel(false));
        assertThrows(CancellationException.class, task::join);
        loop.close();
        assertTrue(script.closedAtAYield, "the coroutine was not closed");
        assertTrue(never.isCancelled());
    }

    @Test
    void anInterruptStopsTheLoopCancellingItsTasks() throws Exception {
        CompletableFuture<String> never = new CompletableFuture<>();
        Scripted<Void> script = new Scripted<>(null, never);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                EventLoop.runUntilComplete(script);
            } catch (Throwable thrown) {
                outcome.set(thrown);
            }
            outcome.compareAndSet(null, new AssertionError("returned normally"));
            if (!Thread.currentThread().isInterrupted()) {
                outcome.set(new AssertionError("the interrupt was cleared"));
            }
        });
        runner.start();
        waitFor(() -> never.getNumberOfDependents() > 0);
        runner.interrupt();
        runner.join(5_000);
        assertInstanceOf(CancellationException.class, outcome.get());
        assertTrue(script.closedAtAYield);
    }

    @Test
    void callLaterFromAnotherThreadRunsOnTheLoopOnceTheDelayHasPassed() throws Exception {
        try (EventLoop loop = EventLoop.start()) {
            CompletableFuture<String> ran = new CompletableFuture<>();
            long start = System.nanoTime();
            loop.callLater(
                    Duration.ofMillis(50),
                    () -> ran.complete(Thread.currentThread().getName()));
            Timer cancelled = loop.callLater(Duration.ofMillis(10), () -> ran.complete("the cancelled timer"));
            cancelled.cancel();
            String thread = ran.get(5, TimeUnit.SECONDS);
            assertTrue(System.nanoTime() - start >= 50_000_000L);
            assertTrue(thread.startsWith("event-loop-"), thread);
            assertTrue(cancelled.isCancelled());
        }
    }

    @Test
    void manyCancelledTimersAreDroppedAndTheOthersStillRun() throws Exception {
        try (EventLoop loop = EventLoop.start()) {
            CompletableFuture<String> ran = new CompletableFuture<>();
            loop.execute(() -> {
                loop.callLater(Duration.ofMillis(30), () -> ran.complete("kept"));
                for (int i = 0; i < 1_000; i++) {
                    loop.callLater(Duration.ofMillis(i % 2 == 0 ? 10 : 60_000), () -> ran.complete("cancelled"))
                            .cancel();
                }
            });
            assertEquals("kept", ran.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void theLoopIsAnExecutorForStagesThatMustContinueOnIt() throws Exception {
        try (EventLoop loop = EventLoop.start()) {
            CompletableFuture<String> where = CompletableFuture.completedFuture("x")
                    .thenApplyAsync(x -> Thread.currentThread().getName(), loop);
            assertTrue(where.get(5, TimeUnit.SECONDS).startsWith("event-loop-"));
        }
    }

    @Test
    void aClosedLoopRejectsWork() {
        EventLoop loop = EventLoop.start();
        loop.close();
        assertTrue(loop.isClosed());
        assertThrows(RejectedExecutionException.class, () -> loop.execute(() -> {}));
        assertThrows(RejectedExecutionException.class, () -> loop.callLater(Duration.ZERO, () -> {}));
        assertThrows(RejectedExecutionException.class, () -> loop.run(new Scripted<Void>(null)));
    }

    @Test
    void aFinishedTaskIsNotCancelledAndKeepsItsResult() {
        try (EventLoop loop = EventLoop.start()) {
            Task<String> task = loop.run(new Scripted<>("kept"));
            assertEquals("kept", task.join());
            assertFalse(task.cancel(true));
            assertSame("kept", task.join());
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 500 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean(), "timed out waiting");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
