package example.asyncio;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.Async;
import dev.generators.loop.AsyncLock;
import dev.generators.loop.EventLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@code Lock} (https://docs.python.org/3/library/asyncio-sync.html#asyncio.Lock) around a read,
 * a wait and a write of shared state, the use the documentation sketches as
 * {@code async with lock: # access shared state}. Each task reads what the one before it wrote;
 * without the lock all five would read 0, and the counter end at 1. Python's global is a field.
 *
 * <pre>
 * counter = 0
 *
 * async def increment(lock, name):
 *     global counter
 *     async with lock:
 *         print(f'{name} reads {counter}')
 *         value = counter
 *         await asyncio.sleep(0.1)
 *         counter = value + 1
 *
 * async def main():
 *     lock = asyncio.Lock()
 *     await asyncio.gather(*(increment(lock, f'task-{i}') for i in range(5)))
 *     print(f'counter = {counter}')
 * </pre>
 */
public final class LockedCounter {
    private final Consumer<String> print;
    private final Duration second;
    private int counter;

    LockedCounter(Consumer<String> print, Duration second) {
        this.print = print;
        this.second = second;
    }

    @Generator
    Coroutine<?, ?, Void> increment(AsyncLock lock, String name) {
        Yield.value(lock.acquire());
        try {
            print.accept(name + " reads " + counter);
            int value = counter;
            Yield.value(Async.sleep(second.dividedBy(10)));
            counter = value + 1;
        } finally {
            lock.release();
        }
        return Yield.done();
    }

    @Generator
    Coroutine<?, ?, Integer> main() {
        AsyncLock lock = new AsyncLock();
        List<Coroutine<?, ?, Void>> increments = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            increments.add(increment(lock, "task-" + i));
        }
        Yield.value(Async.gather(increments));
        print.accept("counter = " + counter);
        return Yield.done(counter);
    }

    public static void main(String[] args) {
        EventLoop.runUntilComplete(new LockedCounter(System.out::println, Duration.ofSeconds(1)).main());
    }
}
