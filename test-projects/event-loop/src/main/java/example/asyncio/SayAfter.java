package example.asyncio;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.Async;
import dev.generators.loop.EventLoop;
import dev.generators.loop.Task;
import dev.generators.loop.TaskGroup;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

/**
 * asyncio's "Coroutines and Tasks" (https://docs.python.org/3/library/asyncio-task.html): the same
 * two waits, one after the other (about 3 seconds), then as two tasks (about 2 seconds), then as
 * two tasks of a task group (about 2 seconds too).
 *
 * <pre>
 * async def say_after(delay, what):
 *     await asyncio.sleep(delay)
 *     print(what)
 *
 * async def main():                                  async def main():
 *     print(f"started at {time.strftime('%X')}")         task1 = asyncio.create_task(say_after(1, 'hello'))
 *     await say_after(1, 'hello')                        task2 = asyncio.create_task(say_after(2, 'world'))
 *     await say_after(2, 'world')                        print(f"started at {time.strftime('%X')}")
 *     print(f"finished at {time.strftime('%X')}")        await task1
 *                                                        await task2
 *                                                        print(f"finished at {time.strftime('%X')}")
 *
 * async def main():
 *     async with asyncio.TaskGroup() as tg:
 *         task1 = tg.create_task(say_after(1, 'hello'))
 *         task2 = tg.create_task(say_after(2, 'world'))
 *         print(f"started at {time.strftime('%X')}")
 *     # The await is implicit when the context manager exits.
 *     print(f"finished at {time.strftime('%X')}")
 * </pre>
 *
 * The implicit await is explicit here: the block's last statement yields the group's join().
 */
public final class SayAfter {

    private SayAfter() {
    }

    @Generator
    static Coroutine<?, ?, Void> sayAfter(Consumer<String> print, Duration delay, String what) {
        Yield.value(Async.sleep(delay));
        print.accept(what);
        return Yield.done();
    }

    @Generator
    static Coroutine<?, ?, Void> oneAfterTheOther(Consumer<String> print, Duration second) {
        print.accept("started at " + now());
        Yield.all(sayAfter(print, second, "hello"));
        Yield.all(sayAfter(print, second.multipliedBy(2), "world"));
        print.accept("finished at " + now());
        return Yield.done();
    }

    @Generator
    static Coroutine<?, ?, Void> asTasks(Consumer<String> print, Duration second) {
        Task<Void> task1 = Async.spawn(sayAfter(print, second, "hello"));
        Task<Void> task2 = Async.spawn(sayAfter(print, second.multipliedBy(2), "world"));
        print.accept("started at " + now());
        Yield.value(task1);
        Yield.value(task2);
        print.accept("finished at " + now());
        return Yield.done();
    }

    @Generator
    static Coroutine<?, ?, Void> inTaskGroup(Consumer<String> print, Duration second) {
        try (TaskGroup tg = new TaskGroup()) {
            Task<Void> task1 = tg.spawn(sayAfter(print, second, "hello"));
            Task<Void> task2 = tg.spawn(sayAfter(print, second.multipliedBy(2), "world"));
            print.accept("started at " + now());
            Yield.value(tg.join());
        }
        print.accept("finished at " + now());
        return Yield.done();
    }

    private static LocalTime now() {
        return LocalTime.now().truncatedTo(ChronoUnit.SECONDS);
    }

    public static void main(String[] args) {
        EventLoop.runUntilComplete(oneAfterTheOther(System.out::println, Duration.ofSeconds(1)));
        EventLoop.runUntilComplete(asTasks(System.out::println, Duration.ofSeconds(1)));
        EventLoop.runUntilComplete(inTaskGroup(System.out::println, Duration.ofSeconds(1)));
    }
}
