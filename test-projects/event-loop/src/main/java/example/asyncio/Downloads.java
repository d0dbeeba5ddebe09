package example.asyncio;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.Async;
import dev.generators.loop.AsyncSemaphore;
import dev.generators.loop.EventLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@code Semaphore} (https://docs.python.org/3/library/asyncio-sync.html#asyncio.Semaphore)
 * limiting how many of seven "downloads" of a second each run at once to three: the use the
 * documentation sketches as {@code async with sem: # work with shared resource}. It takes three
 * seconds.
 *
 * <pre>
 * async def download(sem, i):
 *     async with sem:
 *         print(f'downloading {i}')
 *         await asyncio.sleep(1)
 *         print(f'downloaded {i}')
 *     return i
 *
 * async def main():
 *     sem = asyncio.Semaphore(3)
 *     print(await asyncio.gather(*(download(sem, i) for i in range(7))))
 * </pre>
 */
public final class Downloads {

    private Downloads() {
    }

    @Generator
    static Coroutine<?, ?, Integer> download(Consumer<String> print, Duration second, AsyncSemaphore sem, int i) {
        Yield.value(sem.acquire());
        try {
            print.accept("downloading " + i);
            Yield.value(Async.sleep(second));
            print.accept("downloaded " + i);
        } finally {
            sem.release();
        }
        return Yield.done(i);
    }

    @Generator
    static Coroutine<?, ?, List<Integer>> main(Consumer<String> print, Duration second) {
        AsyncSemaphore sem = new AsyncSemaphore(3);
        List<Coroutine<?, ?, Integer>> downloads = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            downloads.add(download(print, second, sem, i));
        }
        List<Integer> results = Yield.value(Async.gather(downloads));
        print.accept(results.toString());
        return Yield.done(results);
    }

    public static void main(String[] args) {
        EventLoop.runUntilComplete(main(System.out::println, Duration.ofSeconds(1)));
    }
}
