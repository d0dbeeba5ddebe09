package bench;

import dev.generators.Generator;
import dev.generators.Yield;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Each benchmark has its baseline beside it, measured in the same run: divide the generator's
 * score by the hand-written one's. Scores are per operation: one whole run (all elements).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2)
public class GeneratorBenchmarks {

    @State(Scope.Benchmark)
    public static class RangeSize {
        @Param({"1000", "1000000"})
        public int n;
    }

    @Benchmark
    public long rangeGenerator(RangeSize size) {
        long sum = 0;
        for (Iterator<Integer> it = Range.generator(size.n); it.hasNext(); ) {
            sum += it.next();
        }
        return sum;
    }

    /** The same through a for-each loop over a generator declared {@code Iterable}. */
    @Benchmark
    public long rangeGeneratorForEach(RangeSize size) {
        long sum = 0;
        for (int i : Range.iterable(size.n)) {
            sum += i;
        }
        return sum;
    }

    @Benchmark
    public long rangeHandWritten(RangeSize size) {
        long sum = 0;
        for (Iterator<Integer> it = Range.handWritten(size.n); it.hasNext(); ) {
            sum += it.next();
        }
        return sum;
    }

    /**
     * Every other kind of generator run first, often enough for C2 to compile the protocol code
     * they all share ({@code StateMachine}'s), as in a program with many generators: what the
     * benchmarks taking this measure, beside the same without it.
     */
    @State(Scope.Benchmark)
    public static class OtherKindsRun {
        @Setup(Level.Trial)
        public void runThem() {
            if (OtherKinds.warmUp() == 0) {
                throw new AssertionError("the other generators yielded nothing");
            }
        }
    }

    @Benchmark
    public long rangeGeneratorAmongOthers(RangeSize size, OtherKindsRun others) {
        return rangeGenerator(size);
    }

    /** {@link OtherKinds#sum}, the loop of a library method, run over iterators of many classes first. */
    @State(Scope.Benchmark)
    public static class SharedLoop {
        @Setup(Level.Trial)
        public void runOthersThroughIt() {
            if (OtherKinds.warmUpSum() == 0) {
                throw new AssertionError("the iterators yielded nothing");
            }
        }
    }

    /** Range through a loop that every kind of iterator goes through: nothing of the generator is inlined into it. */
    @Benchmark
    public long megamorphicGenerator(RangeSize size, SharedLoop loop) {
        return OtherKinds.sum(Range.generator(size.n));
    }

    @Benchmark
    public long megamorphicHandWritten(RangeSize size, SharedLoop loop) {
        return OtherKinds.sum(Range.handWritten(size.n));
    }

    /** A platform thread per generator, values handed over one at a time: what Java offers without generators. */
    @Benchmark
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 3, time = 1)
    public long rangeThread(RangeSize size) {
        long sum = 0;
        for (Iterator<Integer> it = Threads.platformRange(size.n); it.hasNext(); ) {
            sum += it.next();
        }
        return sum;
    }

    /** The same on a virtual thread: JDK 21 and later. */
    @Benchmark
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 3, time = 1)
    public long rangeVirtualThread(RangeSize size) {
        long sum = 0;
        for (Iterator<Integer> it = Threads.virtualRange(size.n); it.hasNext(); ) {
            sum += it.next();
        }
        return sum;
    }

    /** On the JDK's internal one-shot continuations: JDK 21 and later, with the export {@link Report} adds. */
    @Benchmark
    public long rangeContinuation(RangeSize size) {
        long sum = 0;
        for (Iterator<Integer> it = Continuations.range(size.n); it.hasNext(); ) {
            sum += it.next();
        }
        return sum;
    }

    @State(Scope.Benchmark)
    public static class Trees {
        @Param({"4", "10", "16"})
        public int depth;
        Tree tree;

        @Setup(Level.Trial)
        public void build() {
            tree = Tree.ofDepth(depth);
        }
    }

    @Benchmark
    public long treeGenerator(Trees trees) {
        long sum = 0;
        for (Iterator<Integer> it = trees.tree.inOrder(); it.hasNext(); ) {
            sum += it.next();
        }
        return sum;
    }

    @Benchmark
    public long treeHandWritten(Trees trees) {
        long sum = 0;
        for (Iterator<Integer> it = trees.tree.handWritten(); it.hasNext(); ) {
            sum += it.next();
        }
        return sum;
    }

    @Generator
    static Iterator<Integer> three(int base) {
        Yield.value(base);
        Yield.value(base + 1);
        Yield.value(base + 2);
        return Yield.done();
    }

    static Iterator<Integer> threeHandWritten(int base) {
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < 3;
            }

            @Override
            public Integer next() {
                if (i >= 3) {
                    throw new NoSuchElementException();
                }
                return base + i++;
            }
        };
    }

    @State(Scope.Thread)
    public static class Base {
        public int base = 7;
    }

    @Benchmark
    public int shortGenerator(Base b) {
        int sum = 0;
        for (Iterator<Integer> it = three(b.base); it.hasNext(); ) {
            sum += it.next();
        }
        return sum;
    }

    @Benchmark
    public int shortGeneratorAmongOthers(Base b, OtherKindsRun others) {
        return shortGenerator(b);
    }

    @Benchmark
    public int shortHandWritten(Base b) {
        int sum = 0;
        for (Iterator<Integer> it = threeHandWritten(b.base); it.hasNext(); ) {
            sum += it.next();
        }
        return sum;
    }
}
