package example.asyncio;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.Async;
import dev.generators.loop.DoneAndPending;
import dev.generators.loop.EventLoop;
import dev.generators.loop.ReturnWhen;
import dev.generators.loop.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Three tasks sleeping 3, 1 and 2 seconds, taken in the order they finish with
 * {@code as_completed} (https://docs.python.org/3/library/asyncio-task.html#asyncio.as_completed),
 * then waited on with {@code wait} (https://docs.python.org/3/library/asyncio-task.html#asyncio.wait):
 * the first to finish, then what finishes within another second and a half, the rest cancelled.
 *
 * <pre>
 * async def sleep_and_return(delay, value):
 *     await asyncio.sleep(delay)
 *     return value
 *
 * def start():
 *     return [asyncio.create_task(sleep_and_return(d, f'slept {d}s')) for d in (3, 1, 2)]
 *
 * async def as_completed():
 *     for coro in asyncio.as_completed(start()):
 *         earliest = await coro
 *         print(earliest)
 *
 * async def wait_first():
 *     done, pending = await asyncio.wait(start(), return_when=asyncio.FIRST_COMPLETED)
 *     for task in done:
 *         print(f'{task.result()}, {len(pending)} pending')
 *     done, pending = await asyncio.wait(pending, timeout=1.5)
 *     for task in done:
 *         print(f'{task.result()}, {len(pending)} pending')
 *     for task in pending:
 *         task.cancel()
 * </pre>
 */
public final class SleepAndReturn {

    private SleepAndReturn() {
    }

    @Generator
    static Coroutine<?, ?, String> sleepAndReturn(Duration delay, String value) {
        Yield.value(Async.sleep(delay));
        return Yield.done(value);
    }

    static List<Task<String>> start(Duration second) {
        List<Task<String>> tasks = new ArrayList<>();
        for (int d : new int[] {3, 1, 2}) {
            tasks.add(Async.spawn(sleepAndReturn(second.multipliedBy(d), "slept " + d + "s")));
        }
        return tasks;
    }

    @Generator
    static Coroutine<?, ?, Void> asCompleted(Consumer<String> print, Duration second) {
        for (CompletableFuture<String> next : Async.asCompleted(start(second))) {
            String earliest = Yield.value(next);
            print.accept(earliest);
        }
        return Yield.done();
    }

    @Generator
    static Coroutine<?, ?, List<Task<String>>> waitFirst(Consumer<String> print, Duration second) {
        List<Task<String>> tasks = start(second);
        DoneAndPending<Task<String>> first = Yield.value(Async.wait(tasks, ReturnWhen.FIRST_COMPLETED));
        for (Task<String> task : first.done()) {
            print.accept(task.join() + ", " + first.pending().size() + " pending");
        }
        DoneAndPending<Task<String>> then = Yield.value(
                Async.wait(first.pending(), ReturnWhen.ALL_COMPLETED, second.multipliedBy(3).dividedBy(2)));
        for (Task<String> task : then.done()) {
            print.accept(task.join() + ", " + then.pending().size() + " pending");
        }
        for (Task<String> task : then.pending()) {
            task.cancel(false);
        }
        return Yield.done(tasks);
    }

    public static void main(String[] args) {
        EventLoop.runUntilComplete(asCompleted(System.out::println, Duration.ofSeconds(1)));
        EventLoop.runUntilComplete(waitFirst(System.out::println, Duration.ofSeconds(1)));
    }
}
