package bench.loop;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.Async;
import dev.generators.loop.AsyncQueue;
import dev.generators.loop.EventLoop;
import dev.generators.loop.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
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
 * Items per second through a bounded queue: 4 producers hand {@code ITEMS} numbers to 4
 * consumers through a queue of 16, as tasks on one event loop thread ({@link AsyncQueue}) and as
 * virtual threads on one carrier ({@link ArrayBlockingQueue}). A put into a queue with room, or a
 * get from one with elements, goes on without a switch in both.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Djdk.virtualThreadScheduler.parallelism=1", "-Djdk.virtualThreadScheduler.maxPoolSize=1"})
public class PipelineBenchmarks {
    static final int ITEMS = 100_000;
    static final int PRODUCERS = 4;
    static final int CONSUMERS = 4;
    static final int CAPACITY = 16;

    @Generator
    static Coroutine<?, ?, Void> produce(AsyncQueue<Integer> queue, int count) {
        for (int i = 1; i <= count; i++) {
            Yield.value(queue.put(i));
        }
        return Yield.done();
    }

    @Generator
    static Coroutine<?, ?, Long> consume(AsyncQueue<Integer> queue) {
        long sum = 0;
        for (int item; (item = Yield.<Integer>value(queue.get())) > 0; ) {
            sum += item;
        }
        return Yield.done(sum);
    }

    @Generator
    static Coroutine<?, ?, Long> pipeline() {
        AsyncQueue<Integer> queue = new AsyncQueue<>(CAPACITY);
        List<Task<Void>> producers = new ArrayList<>();
        for (int i = 0; i < PRODUCERS; i++) {
            producers.add(Async.spawn(produce(queue, ITEMS / PRODUCERS)));
        }
        List<Task<Long>> consumers = new ArrayList<>();
        for (int i = 0; i < CONSUMERS; i++) {
            consumers.add(Async.spawn(consume(queue)));
        }
        Yield.value(Async.gather(producers));
        for (int i = 0; i < CONSUMERS; i++) {
            Yield.value(queue.put(-1));
        }
        List<Long> sums = Yield.value(Async.gather(consumers));
        long total = 0;
        for (long sum : sums) {
            total += sum;
        }
        return Yield.done(total);
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public long loopPipeline() {
        return EventLoop.runUntilComplete(pipeline());
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public long virtualThreadPipeline() throws Exception {
        ExecutorService threads = VirtualThreads.executor();
        BlockingQueue<Integer> queue = new ArrayBlockingQueue<>(CAPACITY);
        List<Future<?>> producers = new ArrayList<>();
        for (int i = 0; i < PRODUCERS; i++) {
            producers.add(threads.submit(() -> {
                for (int j = 1; j <= ITEMS / PRODUCERS; j++) {
                    queue.put(j);
                }
                return null;
            }));
        }
        List<Future<Long>> consumers = new ArrayList<>();
        for (int i = 0; i < CONSUMERS; i++) {
            consumers.add(threads.submit(() -> {
                long sum = 0;
                for (int item; (item = queue.take()) > 0; ) {
                    sum += item;
                }
                return sum;
            }));
        }
        for (Future<?> producer : producers) {
            producer.get();
        }
        for (int i = 0; i < CONSUMERS; i++) {
            queue.put(-1);
        }
        long total = 0;
        for (Future<Long> consumer : consumers) {
            total += consumer.get();
        }
        threads.shutdown();
        return total;
    }
}
