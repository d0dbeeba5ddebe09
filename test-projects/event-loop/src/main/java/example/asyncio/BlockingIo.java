package example.asyncio;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.Async;
import dev.generators.loop.EventLoop;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

/**
 * asyncio's example of {@code to_thread} (https://docs.python.org/3/library/asyncio-task.html#running-in-threads):
 * a blocking sleep of a second on a thread, alongside an asynchronous one; the two take a second,
 * not two.
 *
 * <pre>
 * def blocking_io():
 *     print(f"start blocking_io at {time.strftime('%X')}")
 *     # Note that time.sleep() can be replaced with any blocking
 *     # IO-bound operation, such as file operations.
 *     time.sleep(1)
 *     print(f"blocking_io complete at {time.strftime('%X')}")
 *
 * async def main():
 *     print(f"started main at {time.strftime('%X')}")
 *
 *     await asyncio.gather(
 *         asyncio.to_thread(blocking_io),
 *         asyncio.sleep(1))
 *
 *     print(f"finished main at {time.strftime('%X')}")
 * </pre>
 */
public final class BlockingIo {

    private BlockingIo() {
    }

    static void blockingIo(Consumer<String> print, Duration second) throws InterruptedException {
        print.accept("start blocking_io at " + now());
        // Note that Thread.sleep() can be replaced with any blocking
        // IO-bound operation, such as file operations.
        Thread.sleep(second.toMillis());
        print.accept("blocking_io complete at " + now());
    }

    @Generator
    static Coroutine<?, ?, Void> main(Consumer<String> print, Duration second) {
        print.accept("started main at " + now());

        Yield.value(Async.gather(
                Async.toThread(() -> blockingIo(print, second)),
                Async.sleep(second)));

        print.accept("finished main at " + now());
        return Yield.done();
    }

    private static LocalTime now() {
        return LocalTime.now().truncatedTo(ChronoUnit.SECONDS);
    }

    public static void main(String[] args) {
        EventLoop.runUntilComplete(main(System.out::println, Duration.ofSeconds(1)));
    }
}
