package example.asyncio;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.Async;
import dev.generators.loop.AsyncQueue;
import dev.generators.loop.EventLoop;
import dev.generators.loop.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

/**
 * asyncio's example of {@code Queue} (https://docs.python.org/3/library/asyncio-queue.html#examples):
 * three workers share twenty sleeps.
 *
 * <pre>
 * async def worker(name, queue):
 *     while True:
 *         sleep_for = await queue.get()
 *         await asyncio.sleep(sleep_for)
 *         queue.task_done()
 *         print(f'{name} has slept for {sleep_for:.2f} seconds')
 *
 * async def main():
 *     queue = asyncio.Queue()
 *     total_sleep_time = 0
 *     for _ in range(20):
 *         sleep_for = random.uniform(0.05, 1.0)
 *         total_sleep_time += sleep_for
 *         queue.put_nowait(sleep_for)
 *
 *     tasks = []
 *     for i in range(3):
 *         task = asyncio.create_task(worker(f'worker-{i}', queue))
 *         tasks.append(task)
 *
 *     started_at = time.monotonic()
 *     await queue.join()
 *     total_slept_for = time.monotonic() - started_at
 *
 *     for task in tasks:
 *         task.cancel()
 *     await asyncio.gather(*tasks, return_exceptions=True)
 *
 *     print('====')
 *     print(f'3 workers slept in parallel for {total_slept_for:.2f} seconds')
 *     print(f'total expected sleep time: {total_sleep_time:.2f} seconds')
 * </pre>
 */
public final class Workers {

    private Workers() {
    }

    /** What {@link #main} measured. */
    record Report(double sleptInParallel, double expectedSleep, List<Object> workerOutcomes) {
    }

    @Generator
    static Coroutine<?, ?, Void> worker(Consumer<String> print, Duration second, String name, AsyncQueue<Double> queue) {
        while (true) {
            double sleepFor = Yield.value(queue.get());
            Yield.value(Async.sleep(seconds(second, sleepFor)));
            queue.taskDone();
            print.accept(String.format(Locale.ROOT, "%s has slept for %.2f seconds", name, sleepFor));
        }
    }

    @Generator
    static Coroutine<?, ?, Report> main(Consumer<String> print, Duration second, Random random) {
        AsyncQueue<Double> queue = new AsyncQueue<>();
        double totalSleepTime = 0;
        for (int i = 0; i < 20; i++) {
            double sleepFor = 0.05 + random.nextDouble() * 0.95;
            totalSleepTime += sleepFor;
            queue.offer(sleepFor);
        }

        List<Task<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tasks.add(Async.spawn(worker(print, second, "worker-" + i, queue)));
        }

        long startedAt = EventLoop.current().time();
        Yield.value(queue.join());
        double totalSleptFor = (EventLoop.current().time() - startedAt) / (double) second.toNanos();

        for (Task<Void> task : tasks) {
            task.cancel(false);
        }
        List<Object> outcomes = Yield.value(Async.gatherReturningExceptions(tasks));

        print.accept("====");
        print.accept(String.format(Locale.ROOT, "3 workers slept in parallel for %.2f seconds", totalSleptFor));
        print.accept(String.format(Locale.ROOT, "total expected sleep time: %.2f seconds", totalSleepTime));
        return Yield.done(new Report(totalSleptFor, totalSleepTime, outcomes));
    }

    private static Duration seconds(Duration second, double count) {
        return Duration.ofNanos(Math.round(second.toNanos() * count));
    }

    public static void main(String[] args) {
        EventLoop.runUntilComplete(main(System.out::println, Duration.ofSeconds(1), new Random()));
    }
}
