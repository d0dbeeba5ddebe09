package example.asyncio;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.Async;
import dev.generators.loop.EventLoop;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The first program of asyncio's documentation (https://docs.python.org/3/library/asyncio.html):
 *
 * <pre>
 * async def main():
 *     print('Hello ...')
 *     await asyncio.sleep(1)
 *     print('... World!')
 *
 * asyncio.run(main())
 * </pre>
 */
public final class HelloWorld {

    private HelloWorld() {
    }

    /** {@code second} is how long a second is, so that tests can run it faster. */
    @Generator
    static Coroutine<?, ?, Void> main(Consumer<String> print, Duration second) {
        print.accept("Hello ...");
        Yield.value(Async.sleep(second));
        print.accept("... World!");
        return Yield.done();
    }

    public static void main(String[] args) {
        EventLoop.runUntilComplete(main(System.out::println, Duration.ofSeconds(1)));
    }
}
