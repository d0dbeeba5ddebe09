package example.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.Async;
import dev.generators.loop.EventLoop;
import dev.generators.loop.Task;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Failures nobody sees, made visible: never-retrieved task failures, and the debug mode's slow steps. */
@Timeout(30)
class DiagnosticsTest {

    static final class Unseen extends RuntimeException {
        Unseen() {
            super("nobody looked");
        }
    }

    @Generator
    static Coroutine<?, ?, Void> failsUnseen() {
        Yield.value(null);
        throw new Unseen();
    }

    @Generator
    static Coroutine<?, ?, Void> spawnsAndForgets(List<String> contexts, List<Throwable> reported) {
        EventLoop.current().setExceptionHandler((context, thrown) -> {
            contexts.add(context);
            reported.add(thrown);
        });
        Async.spawn(failsUnseen());
        Yield.value(Async.sleep(1));
        return Yield.done();
    }

    @Test
    void theFailureOfATaskNobodyAwaitedGoesToTheExceptionHandlerWithItsName() throws Exception {
        List<String> contexts = new CopyOnWriteArrayList<>();
        List<Throwable> reported = new CopyOnWriteArrayList<>();
        try (EventLoop loop = EventLoop.start()) {
            loop.run(spawnsAndForgets(contexts, reported)).get(5, TimeUnit.SECONDS);
            for (int i = 0; i < 200 && reported.isEmpty(); i++) {
                System.gc();
                Thread.sleep(10);
            }
        }
        assertEquals(1, reported.size(), "the failure was not reported when the task was collected");
        assertTrue(reported.get(0) instanceof Unseen);
        assertEquals(
                "the exception of task of generator example.loop.DiagnosticsTest.failsUnseen was never retrieved",
                contexts.get(0));
    }

    @Generator
    static Coroutine<?, ?, Void> awaitsTheFailure(List<Throwable> reported) {
        EventLoop.current().setExceptionHandler((context, thrown) -> reported.add(thrown));
        try {
            Yield.value(Async.spawn(failsUnseen()));
        } catch (Unseen expected) {
            // retrieved
        }
        return Yield.done();
    }

    @Test
    void aFailureSomebodyAwaitedIsNotReported() throws Exception {
        List<Throwable> reported = new CopyOnWriteArrayList<>();
        try (EventLoop loop = EventLoop.start()) {
            loop.run(awaitsTheFailure(reported)).get(5, TimeUnit.SECONDS);
            for (int i = 0; i < 20; i++) {
                System.gc();
                Thread.sleep(10);
            }
        }
        assertEquals(List.of(), reported);
    }

    @Generator
    static Coroutine<?, ?, String> blocksTheLoop(CountDownLatch reportedLatch, int[] line) throws InterruptedException {
        Yield.value(null);
        line[0] = new Throwable().getStackTrace()[0].getLineNumber() + 1;
        reportedLatch.await(20, TimeUnit.SECONDS); // held up until the watch has reported it
        return Yield.done("went on");
    }

    @Generator
    static Coroutine<?, ?, String> debugMode(CompletableFuture<String> report, CountDownLatch reportedLatch, int[] line) throws InterruptedException {
        EventLoop.current().setExceptionHandler((context, thrown) -> {
            report.complete(context);
            reportedLatch.countDown();
        });
        EventLoop.current().setSlowStepThreshold(Duration.ofMillis(1));
        String result = Yield.all(blocksTheLoop(reportedLatch, line));
        return Yield.done(result);
    }

    @Test
    void theDebugModeReportsAStepThatHoldsTheLoopUpWithTheGeneratorsClassMethodAndLine() throws Exception {
        CompletableFuture<String> report = new CompletableFuture<>();
        CountDownLatch reportedLatch = new CountDownLatch(1);
        int[] line = new int[1];
        assertEquals("went on", EventLoop.runUntilComplete(debugMode(report, reportedLatch, line)));
        String context = report.getNow("no report");
        assertTrue(context.startsWith("a step of task of generator example.loop.DiagnosticsTest.debugMode has run for more than 1.0 ms, at "), context);
        assertTrue(context.endsWith("example.loop.DiagnosticsTest.blocksTheLoop(DiagnosticsTest.java:" + line[0] + ")"), context);
    }

    @Generator
    static Coroutine<?, ?, String> fetch(String url) {
        Yield.value(null);
        return Yield.done("page of " + url);
    }

    @Generator
    static Coroutine<?, ?, String> forgetsToAwait(List<String> contexts, List<java.lang.ref.WeakReference<Object>> made) {
        EventLoop.current().setExceptionHandler((context, thrown) -> contexts.add(context));
        made.add(new java.lang.ref.WeakReference<>(fetch("forgotten"))); // a mistake: neither awaited nor spawned
        Coroutine<?, ?, String> byHand = fetch("by hand");
        made.add(new java.lang.ref.WeakReference<>(byHand));
        byHand.next();
        Task<String> spawned = Async.spawn(fetch("spawned"));
        Coroutine<?, ?, String> closed = fetch("closed");
        made.add(new java.lang.ref.WeakReference<>(closed));
        closed.close();
        String awaited = Yield.all(fetch("awaited"));
        return Yield.done(awaited + ", " + Yield.value(spawned));
    }

    @Test
    void aCoroutineNeverAwaitedIsReportedWhenCollectedAndOnesAwaitedSpawnedOrDrivenByHandAreNot() throws Exception {
        List<String> contexts = new CopyOnWriteArrayList<>();
        List<java.lang.ref.WeakReference<Object>> made = new CopyOnWriteArrayList<>();
        try (EventLoop loop = EventLoop.start()) {
            assertEquals("page of awaited, page of spawned", loop.run(forgetsToAwait(contexts, made)).get(5, TimeUnit.SECONDS));
            // Bounded, asserting on the report and not on the time it takes.
            for (int i = 0; i < 500 && (contexts.isEmpty() || made.stream().anyMatch(m -> m.get() != null)); i++) {
                System.gc();
                Thread.sleep(10);
            }
            loop.run(fetch("a round trip through the loop, for a report handed to it meanwhile")).get(5, TimeUnit.SECONDS);
        }
        assertEquals(
                List.of("generator example.loop.DiagnosticsTest.fetch was never awaited: task of generator"
                        + " example.loop.DiagnosticsTest.forgetsToAwait created it, and it was neither yielded with"
                        + " Yield.all nor spawned"),
                contexts);
    }
}
