package bench.loop;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.Async;
import dev.generators.loop.EventLoop;
import dev.generators.loop.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Tasks started, switched to once, and ended, per second: {@code TASKS} tasks on one event loop
 * thread against as many virtual threads on one carrier. A task that ends costs a
 * {@code NoSuchElementException} (how {@code send} says a coroutine has finished), about 1 µs of it.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Djdk.virtualThreadScheduler.parallelism=1", "-Djdk.virtualThreadScheduler.maxPoolSize=1"})
public class SpawnBenchmarks {
    static final int TASKS = 10_000;

    @Generator
    static Coroutine<?, ?, Integer> once(int value) {
        Yield.value(null);
        return Yield.done(value);
    }

    @Generator
    static Coroutine<?, ?, Long> spawnAll() {
        List<Task<Integer>> all = new ArrayList<>(TASKS);
        for (int i = 0; i < TASKS; i++) {
            all.add(Async.spawn(once(i)));
        }
        long total = 0;
        for (Task<Integer> task : all) {
            int value = Yield.value(task);
            total += value;
        }
        return Yield.done(total);
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public long loopSpawn() {
        return EventLoop.runUntilComplete(spawnAll());
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public long virtualThreadSpawn() throws Exception {
        ExecutorService threads = VirtualThreads.executor();
        List<Future<Integer>> all = new ArrayList<>(TASKS);
        for (int i = 0; i < TASKS; i++) {
            int value = i;
            all.add(threads.submit(() -> {
                Thread.yield();
                return value;
            }));
        }
        long total = 0;
        for (Future<Integer> thread : all) {
            total += thread.get();
        }
        threads.shutdown();
        return total;
    }
}
