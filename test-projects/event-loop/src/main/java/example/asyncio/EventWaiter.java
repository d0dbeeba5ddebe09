package example.asyncio;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.Async;
import dev.generators.loop.AsyncEvent;
import dev.generators.loop.EventLoop;
import dev.generators.loop.Task;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * asyncio's example of {@code Event} (https://docs.python.org/3/library/asyncio-sync.html#asyncio.Event):
 *
 * <pre>
 * async def waiter(event):
 *     print('waiting for it ...')
 *     await event.wait()
 *     print('... got it!')
 *
 * async def main():
 *     # Create an Event object.
 *     event = asyncio.Event()
 *
 *     # Spawn a Task to wait until 'event' is set.
 *     waiter_task = asyncio.create_task(waiter(event))
 *
 *     # Sleep for 1 second and set the event.
 *     await asyncio.sleep(1)
 *     event.set()
 *
 *     # Wait until the waiter task is finished.
 *     await waiter_task
 * </pre>
 */
public final class EventWaiter {

    private EventWaiter() {
    }

    @Generator
    static Coroutine<?, ?, Void> waiter(Consumer<String> print, AsyncEvent event) {
        print.accept("waiting for it ...");
        Yield.value(event.waitFor());
        print.accept("... got it!");
        return Yield.done();
    }

    @Generator
    static Coroutine<?, ?, Void> main(Consumer<String> print, Duration second) {
        AsyncEvent event = new AsyncEvent();
        Task<Void> waiterTask = Async.spawn(waiter(print, event));
        Yield.value(Async.sleep(second));
        event.set();
        Yield.value(waiterTask);
        return Yield.done();
    }

    public static void main(String[] args) {
        EventLoop.runUntilComplete(main(System.out::println, Duration.ofSeconds(1)));
    }
}
