package example.asyncio;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.Async;
import dev.generators.loop.EventLoop;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * asyncio's example of {@code gather} (https://docs.python.org/3/library/asyncio-task.html#asyncio.gather):
 *
 * <pre>
 * async def factorial(name, number):
 *     f = 1
 *     for i in range(2, number + 1):
 *         print(f"Task {name}: Compute factorial({number}), currently i={i}...")
 *         await asyncio.sleep(1)
 *         f *= i
 *     print(f"Task {name}: factorial({number}) = {f}")
 *     return f
 *
 * async def main():
 *     # Schedule three calls *concurrently*:
 *     L = await asyncio.gather(
 *         factorial("A", 2),
 *         factorial("B", 3),
 *         factorial("C", 4),
 *     )
 *     print(L)
 * </pre>
 */
public final class Factorials {

    private Factorials() {
    }

    @Generator
    static Coroutine<?, ?, Long> factorial(Consumer<String> print, Duration second, String name, int number) {
        long f = 1;
        for (int i = 2; i <= number; i++) {
            print.accept("Task " + name + ": Compute factorial(" + number + "), currently i=" + i + "...");
            Yield.value(Async.sleep(second));
            f *= i;
        }
        print.accept("Task " + name + ": factorial(" + number + ") = " + f);
        return Yield.done(f);
    }

    @Generator
    static Coroutine<?, ?, List<Long>> main(Consumer<String> print, Duration second) {
        List<Long> results = Yield.value(Async.gather(
                factorial(print, second, "A", 2),
                factorial(print, second, "B", 3),
                factorial(print, second, "C", 4)));
        print.accept(results.toString());
        return Yield.done(results);
    }

    public static void main(String[] args) {
        EventLoop.runUntilComplete(main(System.out::println, Duration.ofSeconds(1)));
    }
}
