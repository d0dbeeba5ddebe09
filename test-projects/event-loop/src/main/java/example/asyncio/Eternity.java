package example.asyncio;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.Async;
import dev.generators.loop.AsyncTimeoutException;
import dev.generators.loop.EventLoop;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * asyncio's example of {@code wait_for} (https://docs.python.org/3/library/asyncio-task.html#asyncio.wait_for):
 *
 * <pre>
 * async def eternity():
 *     # Sleep for one hour
 *     await asyncio.sleep(3600)
 *     print('yay!')
 *
 * async def main():
 *     # Wait for at most 1 second
 *     try:
 *         await asyncio.wait_for(eternity(), timeout=1.0)
 *     except TimeoutError:
 *         print('timeout!')
 * </pre>
 */
public final class Eternity {

    private Eternity() {
    }

    @Generator
    static Coroutine<?, ?, Void> eternity(Consumer<String> print) {
        Yield.value(Async.sleep(Duration.ofHours(1)));
        print.accept("yay!");
        return Yield.done();
    }

    @Generator
    static Coroutine<?, ?, Void> main(Consumer<String> print, Duration second) {
        try {
            Yield.value(Async.waitFor(eternity(print), second));
        } catch (AsyncTimeoutException e) {
            print.accept("timeout!");
        }
        return Yield.done();
    }

    public static void main(String[] args) {
        EventLoop.runUntilComplete(main(System.out::println, Duration.ofSeconds(1)));
    }
}
