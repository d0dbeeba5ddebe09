package example.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.Async;
import dev.generators.loop.AsyncGenerator;
import dev.generators.loop.EventLoop;
import dev.generators.loop.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** AsyncGenerator: a producer that awaits and hands out items to a consumer, asyncio's async for. */
@Timeout(10)
class AsyncGeneratorTest {

    @Generator
    static Coroutine<?, ?, Void> ticks(int count, List<String> log) {
        try {
            for (int i = 0; i < count; i++) {
                Yield.value(Async.sleep(1));
                log.add("hands out " + i);
                Yield.value(AsyncGenerator.item(i));
            }
            log.add("ran out");
        } finally {
            Yield.value(Async.sleep(1)); // cleanup that awaits
            log.add("producer's finally");
        }
        return Yield.done();
    }

    @Generator
    static Coroutine<?, ?, List<String>> takesAll(List<String> log) {
        AsyncGenerator<Integer> ticks = AsyncGenerator.of(ticks(3, log));
        for (Integer tick; (tick = Yield.value(ticks.next())) != null; ) {
            log.add("took " + tick);
        }
        return Yield.done(log);
    }

    @Test
    void theConsumerTakesTheItemsOneByOneAsTheProducerAwaitsAndHandsThemOut() {
        assertEquals(
                List.of("hands out 0", "took 0", "hands out 1", "took 1", "hands out 2", "took 2", "ran out", "producer's finally"),
                EventLoop.runUntilCompleteInVirtualTime(takesAll(new ArrayList<>())));
    }

    @Generator
    static Coroutine<?, ?, List<String>> breaksEarly(List<String> log) {
        AsyncGenerator<Integer> ticks = AsyncGenerator.of(ticks(100, log));
        for (Integer tick; (tick = Yield.value(ticks.next())) != null; ) {
            log.add("took " + tick);
            if (tick == 1) {
                break;
            }
        }
        Yield.value(ticks.aclose());
        log.add("closed");
        return Yield.done(log);
    }

    @Test
    void closingItEarlyRunsTheProducersFinallyWhichMayAwait() {
        assertEquals(
                List.of("hands out 0", "took 0", "hands out 1", "took 1", "producer's finally", "closed"),
                EventLoop.runUntilCompleteInVirtualTime(breaksEarly(new ArrayList<>())));
    }

    @Generator
    static Coroutine<?, ?, String> sleepsFor(int millis) {
        Yield.value(Async.sleep(millis));
        return Yield.done(millis + " ms");
    }

    @Generator
    static Coroutine<?, ?, List<String>> inCompletionOrder() {
        List<Task<String>> tasks = List.of(Async.spawn(sleepsFor(30)), Async.spawn(sleepsFor(1)), Async.spawn(sleepsFor(15)));
        List<String> results = new ArrayList<>();
        try (AsyncGenerator<Task<String>> done = Async.inCompletionOrder(tasks)) {
            for (Task<String> task; (task = Yield.value(done.next())) != null; ) {
                String result = Yield.value(task);
                results.add(result);
            }
        }
        return Yield.done(results);
    }

    @Test
    void asCompletedHandsOutTheTasksAsTheyComplete() {
        assertEquals(List.of("1 ms", "15 ms", "30 ms"), EventLoop.runUntilCompleteInVirtualTime(inCompletionOrder()));
    }
}
