package example.asyncio;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.Async;
import dev.generators.loop.AsyncBarrier;
import dev.generators.loop.EventLoop;
import dev.generators.loop.Task;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * asyncio's example of {@code Barrier} (https://docs.python.org/3/library/asyncio-sync.html#asyncio.Barrier),
 * which prints the barrier filling, draining while the two tasks it let go have yet to run, and
 * filling again:
 *
 * <pre>
 * async def example_barrier():
 *    # barrier with 3 parties
 *    b = asyncio.Barrier(3)
 *
 *    # create 2 new waiting tasks
 *    asyncio.create_task(b.wait())
 *    asyncio.create_task(b.wait())
 *
 *    await asyncio.sleep(0)
 *    print(b)
 *
 *    # The third .wait() call passes the barrier
 *    await b.wait()
 *    print(b)
 *    print("barrier passed")
 *
 *    await asyncio.sleep(0)
 *    print(b)
 * </pre>
 *
 * and three workers that arrive a second apart and pass together, the last to arrive first:
 *
 * <pre>
 * async def worker(b, name, delay):
 *     await asyncio.sleep(delay)
 *     print(f'{name} arrives')
 *     index = await b.wait()
 *     print(f'{name} passes as {index}')
 *
 * async def main():
 *     b = asyncio.Barrier(3)
 *     await asyncio.gather(worker(b, 'a', 1), worker(b, 'b', 2), worker(b, 'c', 3))
 * </pre>
 */
public final class Barriers {

    private Barriers() {
    }

    /** {@code b.wait()} as a coroutine, for {@code create_task}: {@code Async.spawn} takes coroutines. */
    @Generator
    static Coroutine<?, ?, Integer> waitAt(AsyncBarrier b) {
        int index = Yield.value(b.waitFor());
        return Yield.done(index);
    }

    /** Returns the indices the two tasks and main passed with. */
    @Generator
    static Coroutine<?, ?, List<Integer>> exampleBarrier(Consumer<String> print) {
        // barrier with 3 parties
        AsyncBarrier b = new AsyncBarrier(3);

        // create 2 new waiting tasks
        Task<Integer> first = Async.spawn(waitAt(b));
        Task<Integer> second = Async.spawn(waitAt(b));

        Yield.value(null);
        print.accept(b.toString());

        // The third .waitFor() call passes the barrier
        int index = Yield.value(b.waitFor());
        print.accept(b.toString());
        print.accept("barrier passed");

        Yield.value(null);
        print.accept(b.toString());

        int firstIndex = Yield.value(first);
        int secondIndex = Yield.value(second);
        return Yield.done(List.of(firstIndex, secondIndex, index));
    }

    @Generator
    static Coroutine<?, ?, Void> worker(Consumer<String> print, AsyncBarrier b, String name, Duration delay) {
        Yield.value(Async.sleep(delay));
        print.accept(name + " arrives");
        int index = Yield.value(b.waitFor());
        print.accept(name + " passes as " + index);
        return Yield.done();
    }

    @Generator
    static Coroutine<?, ?, Void> workers(Consumer<String> print, Duration second) {
        AsyncBarrier b = new AsyncBarrier(3);
        Yield.value(Async.gather(worker(print, b, "a", second), worker(print, b, "b", second.multipliedBy(2)),
                worker(print, b, "c", second.multipliedBy(3))));
        return Yield.done();
    }

    public static void main(String[] args) {
        EventLoop.runUntilComplete(exampleBarrier(System.out::println));
        EventLoop.runUntilComplete(workers(System.out::println, Duration.ofSeconds(1)));
    }
}
