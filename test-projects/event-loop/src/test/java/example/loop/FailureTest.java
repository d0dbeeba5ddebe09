package example.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.Async;
import dev.generators.loop.EventLoop;
import dev.generators.loop.Task;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FailureTest {

    @Generator
    static Coroutine<?, ?, Integer> failsDeepDown(IOException failure, int depth) throws IOException {
        Yield.value(Async.sleep(1));
        if (depth == 0) {
            throw failure;
        }
        int below = Yield.all(failsDeepDown(failure, depth - 1));
        return Yield.done(below + 1);
    }

    @Test
    void anExceptionThrownUnderNestedYieldAllsComesOutOfRunUntilCompleteUnchanged() {
        IOException failure = new IOException("disk on fire");
        IOException thrown = assertThrows(IOException.class, () -> EventLoop.runUntilCompleteInVirtualTime(failsDeepDown(failure, 3)));
        assertSame(failure, thrown);
    }

    @Generator
    static Coroutine<?, ?, String> catchesAFailedStage(CompletableFuture<String> failing) {
        try {
            Yield.value(failing.thenApply(String::trim));
            return Yield.done("not raised");
        } catch (IllegalArgumentException e) {
            return Yield.done("caught " + e.getMessage());
        }
    }

    @Test
    void aFailedStageIsRaisedAtTheYieldAsItsProducerThrewIt() {
        CompletableFuture<String> failing = new CompletableFuture<>();
        failing.completeExceptionally(new IllegalArgumentException("bad input"));
        // thenApply wraps the failure in a CompletionException; the task sees what was thrown.
        assertEquals("caught bad input", EventLoop.runUntilCompleteInVirtualTime(catchesAFailedStage(failing)));
    }

    @Generator
    static Coroutine<?, ?, Void> failsAfter(long millis, RuntimeException failure) {
        Yield.value(Async.sleep(millis));
        throw failure;
    }

    @Generator
    static Coroutine<?, ?, String> finishesAfter(long millis, List<String> log) {
        try {
            Yield.value(Async.sleep(millis));
            log.add("finished");
            return Yield.done("done");
        } finally {
            log.add("finally");
        }
    }

    @Generator
    static Coroutine<?, ?, String> awaitsTheFailedOne(List<String> log, RuntimeException failure) {
        Task<Void> failing = Async.spawn(failsAfter(10, failure));
        Task<String> sibling = Async.spawn(finishesAfter(50, log));
        try {
            Yield.value(failing);
        } catch (IllegalStateException e) {
            log.add("saw " + e.getMessage());
        }
        String result = Yield.value(sibling);
        return Yield.done(result);
    }

    @Test
    void aTaskThatThrowsFailsAloneAndTheLoopGoesOn() {
        List<String> log = new ArrayList<>();
        String result = EventLoop.runUntilCompleteInVirtualTime(awaitsTheFailedOne(log, new IllegalStateException("boom")));
        assertEquals("done", result);
        assertEquals(List.of("saw boom", "finished", "finally"), log);
    }

    @Generator
    static Coroutine<?, ?, Void> gatherWithAFailure(List<String> log, RuntimeException failure) {
        try {
            Yield.value(Async.gather(finishesAfter(5_000, log), failsAfter(20, failure), finishesAfter(5_000, log)));
        } catch (UnsupportedOperationException e) {
            log.add("gather failed: " + e.getMessage() + " at " + EventLoop.current().time() / 1_000_000 + " ms");
        }
        return Yield.done();
    }

    @Test
    void gatherFailsFastOnceTheOthersAreCancelled() {
        List<String> log = new ArrayList<>();
        // In virtual time: at the failure's 20 ms exactly, not after the others' 5 s.
        EventLoop.runUntilCompleteInVirtualTime(gatherWithAFailure(log, new UnsupportedOperationException("no")));
        assertEquals(List.of("finally", "finally", "gather failed: no at 20 ms"), log);
    }

    @Generator
    static Coroutine<?, ?, Void> callbackThrows(List<Object> seen) {
        EventLoop loop = EventLoop.current();
        loop.setExceptionHandler((context, exception) -> seen.add(exception));
        loop.execute(() -> {
            throw new IllegalStateException("callback broke");
        });
        loop.execute(() -> seen.add("next callback"));
        Yield.value(Async.sleep(10));
        seen.add("task went on");
        return Yield.done();
    }

    @Test
    void anExceptionFromACallbackGoesToTheHandlerAndTheLoopGoesOn() {
        List<Object> seen = new ArrayList<>();
        EventLoop.runUntilCompleteInVirtualTime(callbackThrows(seen));
        assertEquals(3, seen.size(), seen.toString());
        assertEquals("callback broke", ((IllegalStateException) seen.get(0)).getMessage());
        assertEquals(List.of("next callback", "task went on"), seen.subList(1, 3));
    }

    @Generator
    static Coroutine<?, ?, String> yieldsAnInteger() {
        try {
            Yield.value(42);
            return Yield.done("not raised");
        } catch (IllegalStateException e) {
            return Yield.done(e.getMessage());
        }
    }

    @Test
    void yieldingSomethingTheLoopCantWaitOnRaisesAClearErrorIntoTheCoroutine() {
        String message = EventLoop.runUntilCompleteInVirtualTime(yieldsAnInteger());
        assertTrue(message.contains("task of generator example.loop.FailureTest.yieldsAnInteger yielded 42 (java.lang.Integer),"
                + " which the event loop can't wait on"), message);
        assertTrue(message.contains("yield a CompletionStage"), message);
    }

    @Generator
    static Coroutine<?, ?, Void> yieldsACoroutineWithValue() {
        Yield.value(finishesAfter(1, new ArrayList<>()));
        return Yield.done();
    }

    @Test
    void yieldingACoroutineInsteadOfYieldAllFailsTheTaskSayingWhatToDo() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> EventLoop.runUntilCompleteInVirtualTime(yieldsACoroutineWithValue()));
        assertTrue(thrown.getMessage().contains("yielded the coroutine generator example.loop.FailureTest.finishesAfter"), thrown.getMessage());
        assertTrue(thrown.getMessage().contains("Yield.all(coroutine)"), thrown.getMessage());
    }

    @Generator
    static Coroutine<?, ?, Void> nestsRunUntilComplete() {
        EventLoop.runUntilCompleteInVirtualTime(finishesAfter(1, new ArrayList<>()));
        return Yield.done();
    }

    @Test
    void runUntilCompleteRefusesToBlockARunningLoop() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> EventLoop.runUntilCompleteInVirtualTime(nestsRunUntilComplete()));
        assertTrue(thrown.getMessage().contains("can't be called from a running event loop"), thrown.getMessage());
    }

    @Test
    void asyncCallsOutsideALoopSayThereIsNone() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Async.sleep(1));
        assertTrue(thrown.getMessage().startsWith("no event loop is running on thread "), thrown.getMessage());
    }
}
