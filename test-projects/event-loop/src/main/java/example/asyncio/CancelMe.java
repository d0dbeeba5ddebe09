package example.asyncio;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.Async;
import dev.generators.loop.CancelledError;
import dev.generators.loop.EventLoop;
import dev.generators.loop.Task;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * asyncio's example of {@code Task.cancel} (https://docs.python.org/3/library/asyncio-task.html#asyncio.Task.cancel).
 * A cancel throws {@link CancelledError} at the pending yield, as asyncio does.
 *
 * <pre>
 * async def cancel_me():
 *     print('cancel_me(): before sleep')
 *     try:
 *         # Wait for 1 hour
 *         await asyncio.sleep(3600)
 *     except asyncio.CancelledError:
 *         print('cancel_me(): cancel sleep')
 *         raise
 *     finally:
 *         print('cancel_me(): after sleep')
 *
 * async def main():
 *     # Create a "cancel_me" Task
 *     task = asyncio.create_task(cancel_me())
 *     # Wait for 1 second
 *     await asyncio.sleep(1)
 *     task.cancel()
 *     try:
 *         await task
 *     except asyncio.CancelledError:
 *         print("main(): cancel_me is cancelled now")
 * </pre>
 */
public final class CancelMe {

    private CancelMe() {
    }

    @Generator
    static Coroutine<?, ?, Void> cancelMe(Consumer<String> print) {
        print.accept("cancel_me(): before sleep");
        try {
            Yield.value(Async.sleep(Duration.ofHours(1)));
        } catch (CancelledError e) {
            print.accept("cancel_me(): cancel sleep");
            throw e;
        } finally {
            print.accept("cancel_me(): after sleep");
        }
        return Yield.done();
    }

    @Generator
    static Coroutine<?, ?, Void> main(Consumer<String> print, Duration second) {
        Task<Void> task = Async.spawn(cancelMe(print));
        Yield.value(Async.sleep(second));
        task.cancel(false);
        try {
            Yield.value(task);
        } catch (CancellationException e) {
            print.accept("main(): cancel_me is cancelled now");
        }
        return Yield.done();
    }

    public static void main(String[] args) {
        EventLoop.runUntilComplete(main(System.out::println, Duration.ofSeconds(1)));
    }
}
