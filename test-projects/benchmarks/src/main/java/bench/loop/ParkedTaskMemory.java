package bench.loop;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.Async;
import dev.generators.loop.AsyncQueue;
import dev.generators.loop.EventLoop;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Heap per parked task: the heap in use after a full GC with {@code n} tasks parked, less the heap
 * before they were made, divided by {@code n}. Tasks on an event loop against virtual threads (on
 * JDK 21 and newer), each parked two ways: in an hour's sleep, and waiting on an empty queue.
 * Not a JMH benchmark: it measures a state, not a rate.
 *
 * <pre>
 * java -cp target/benchmarks.jar bench.loop.ParkedTaskMemory [n]
 * </pre>
 */
public final class ParkedTaskMemory {

    private ParkedTaskMemory() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        System.out.printf("java %s, %d tasks parked at once, heap after GC less the heap before, per task%n",
                System.getProperty("java.version"), n);
        for (String how : new String[] {"sleep", "queue"}) {
            report("event loop task", how, loop(n, how));
            if (VirtualThreads.available()) {
                report("virtual thread", how, virtualThreads(n, how));
            } else {
                System.out.printf("%-16s %-6s N/A (virtual threads need JDK 21+)%n", "virtual thread", how);
            }
        }
    }

    private static void report(String what, String how, double bytes) {
        System.out.printf(Locale.ROOT, "%-16s %-6s %7.0f bytes%n", what, how, bytes);
    }

    @Generator
    static Coroutine<?, ?, Void> sleeper() {
        Yield.value(Async.sleep(Duration.ofHours(1)));
        return Yield.done();
    }

    @Generator
    static Coroutine<?, ?, Void> getter(AsyncQueue<Integer> queue) {
        Yield.value(queue.get());
        return Yield.done();
    }

    @Generator
    static Coroutine<?, ?, Void> parkAll(int n, String how, CompletableFuture<Void> parked, CompletableFuture<Void> release) {
        AsyncQueue<Integer> queue = new AsyncQueue<>();
        for (int i = 0; i < n; i++) {
            Async.spawn(how.equals("sleep") ? sleeper() : getter(queue));
        }
        // Each new task runs to its first yield at the loop's next turn.
        Yield.value(null);
        parked.complete(null);
        Yield.value(release);
        return Yield.done();
    }

    private static double loop(int n, String how) throws Exception {
        try (EventLoop loop = EventLoop.start()) {
            long before = heapAfterGc();
            CompletableFuture<Void> parked = new CompletableFuture<>();
            CompletableFuture<Void> release = new CompletableFuture<>();
            loop.run(parkAll(n, how, parked, release));
            parked.get(60, TimeUnit.SECONDS);
            long after = heapAfterGc();
            release.complete(null);
            return (after - before) / (double) n;
        }
    }

    private static double virtualThreads(int n, String how) throws Exception {
        ExecutorService threads = VirtualThreads.executor();
        long before = heapAfterGc();
        CountDownLatch started = new CountDownLatch(n);
        LinkedBlockingQueue<Integer> queue = new LinkedBlockingQueue<>();
        for (int i = 0; i < n; i++) {
            // A Future per thread, as a Task is the future of a task's coroutine.
            threads.submit(() -> {
                started.countDown();
                if (how.equals("sleep")) {
                    Thread.sleep(Duration.ofHours(1).toMillis());
                } else {
                    queue.take();
                }
                return null;
            });
        }
        started.await();
        // Give the last ones time to get from the count-down to parking.
        Thread.sleep(1_000);
        long after = heapAfterGc();
        threads.shutdownNow();
        threads.awaitTermination(60, TimeUnit.SECONDS);
        return (after - before) / (double) n;
    }

    private static long heapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
