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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Task switches per second: the same program as tasks on one event loop thread and as virtual
 * threads, which are given one carrier thread too (the fork's
 * {@code jdk.virtualThreadScheduler.parallelism=1}). {@code tasks} tasks each give way
 * {@code SWITCHES / tasks} times, round robin: a bare {@code Yield.value(null)} (asyncio's
 * {@code await asyncio.sleep(0)}) against {@code Thread.yield()}. Scores are switches per second;
 * each operation starts the loop, or the threads, afresh, and ends when all are done, so the cost
 * of starting and ending a task (see {@link SpawnBenchmarks}) is in them too: nearly half the
 * time at 10,000 tasks.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Djdk.virtualThreadScheduler.parallelism=1", "-Djdk.virtualThreadScheduler.maxPoolSize=1"})
@State(Scope.Benchmark)
public class SwitchBenchmarks {
    static final int SWITCHES = 1_000_000;

    @Param({"10", "1000", "10000"})
    public int tasks;

    @Generator
    static Coroutine<?, ?, Integer> giveWay(int times) {
        for (int i = 0; i < times; i++) {
            Yield.value(null);
        }
        return Yield.done(times);
    }

    @Generator
    static Coroutine<?, ?, Long> roundRobin(int tasks, int times) {
        List<Task<Integer>> all = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            all.add(Async.spawn(giveWay(times)));
        }
        long total = 0;
        for (Task<Integer> task : all) {
            int done = Yield.value(task);
            total += done;
        }
        return Yield.done(total);
    }

    @Benchmark
    @OperationsPerInvocation(SWITCHES)
    public long loopYield() {
        return EventLoop.runUntilComplete(roundRobin(tasks, SWITCHES / tasks));
    }

    @Benchmark
    @OperationsPerInvocation(SWITCHES)
    public long virtualThreadYield() throws Exception {
        int times = SWITCHES / tasks;
        ExecutorService threads = VirtualThreads.executor();
        List<Future<Integer>> all = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            all.add(threads.submit(() -> {
                for (int j = 0; j < times; j++) {
                    Thread.yield();
                }
                return times;
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
