package bench.shapes;

import bench.Tree;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * The benchmarks in the shape a user writes them: every generator an instance method behind the
 * {@link Sources} interface, every iterator drained by the one shared {@link #sum}, one fork per
 * case. No warm-up iterations: every 100 ms of the fork is measured, so that {@code bench.Report}
 * gives the mean over the first 3 s of a fresh JVM beside the steady state (the iterations after
 * the first 5 s).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 80, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1)
public class ShapeBenchmarks {

    /**
     * The generators, the iterators one writes by hand, and Kotlin's {@code sequence {}}, as a
     * program holds them: through the interface.
     */
    @State(Scope.Benchmark)
    public static class Implementations {
        Sources generators = new GeneratorSources();
        Sources handWritten = new HandWrittenSources();
        Sources kotlin = new KotlinSources();
    }

    @State(Scope.Benchmark)
    public static class RangeSize {
        @Param({"1000000"})
        public int n;
    }

    @State(Scope.Thread)
    public static class Base {
        public int base = 7;
    }

    /** The loop every benchmark drains through, as a program's one helper. */
    static long sum(Iterator<Integer> it) {
        long s = 0;
        while (it.hasNext()) {
            s += it.next();
        }
        return s;
    }

    /** The stream pipeline every stream benchmark runs. */
    static long evenSum(Stream<Integer> values) {
        return values.filter(i -> (i & 1) == 0).mapToLong(i -> i).sum();
    }

    @Benchmark
    public long rangeGenerator(Implementations sources, RangeSize size) {
        return sum(sources.generators.range(size.n));
    }

    @Benchmark
    public long rangeHandWritten(Implementations sources, RangeSize size) {
        return sum(sources.handWritten.range(size.n));
    }

    @Benchmark
    public long rangeKotlin(Implementations sources, RangeSize size) {
        return sum(sources.kotlin.range(size.n));
    }

    /** A 3-value generator, created, drained and dropped: per generator. */
    @Benchmark
    public long shortGenerator(Implementations sources, Base b) {
        return sum(sources.generators.three(b.base));
    }

    @Benchmark
    public long shortHandWritten(Implementations sources, Base b) {
        return sum(sources.handWritten.three(b.base));
    }

    @Benchmark
    public long shortKotlin(Implementations sources, Base b) {
        return sum(sources.kotlin.three(b.base));
    }

    /** {@code filter}, {@code mapToLong}, {@code sum} over a generator declared {@code Stream}, against a hand-written {@code Spliterator}. */
    @Benchmark
    public long streamGenerator(Implementations sources, RangeSize size) {
        return evenSum(sources.generators.rangeStream(size.n));
    }

    @Benchmark
    public long streamHandWritten(Implementations sources, RangeSize size) {
        return evenSum(sources.handWritten.rangeStream(size.n));
    }

    /** Kotlin's {@code sequence {}} through the standard library's {@code asStream()}. */
    @Benchmark
    public long streamKotlin(Implementations sources, RangeSize size) {
        return evenSum(sources.kotlin.rangeStream(size.n));
    }

    /**
     * {@link #sum} having drained iterators of many classes first, as in a program whose one
     * helper sees them all: nothing is inlined into its loop, generator or hand-written. Three
     * generator classes among them (one that delegates), as a program has: with two, the
     * runtime's shared code saw two receivers and C2 inlined both, which hid what a third cost
     * (docs/performance.md, "Each generator class its own hasNext() and next()").
     */
    @State(Scope.Benchmark)
    public static class Megamorphic {
        @Setup(Level.Trial)
        public void drainManyKinds(Implementations sources) {
            long total = 0;
            Tree tree = Tree.ofDepth(3);
            for (int round = 0; round < 20_000; round++) {
                total += sum(sources.generators.inOrder(tree));
                total += sum(sources.handWritten.inOrder(tree));
                total += sum(sources.kotlin.inOrder(tree));
                total += sum(sources.generators.rangeStream(5).iterator());
                total += sum(sources.generators.range(10));
                total += sum(sources.handWritten.range(10));
                total += sum(sources.generators.three(round));
                total += sum(sources.handWritten.three(round));
                total += sum(sources.kotlin.range(10));
                total += sum(sources.kotlin.three(round));
                total += sum(java.util.List.of(1, 2, 3).iterator());
                total += sum(new java.util.ArrayList<>(java.util.List.of(4, 5, 6)).iterator());
            }
            if (total == 0) {
                throw new AssertionError("nothing was drained");
            }
        }
    }

    @Benchmark
    public long megamorphicGenerator(Implementations sources, RangeSize size, Megamorphic shared) {
        return sum(sources.generators.range(size.n));
    }

    @Benchmark
    public long megamorphicHandWritten(Implementations sources, RangeSize size, Megamorphic shared) {
        return sum(sources.handWritten.range(size.n));
    }

    @Benchmark
    public long megamorphicKotlin(Implementations sources, RangeSize size, Megamorphic shared) {
        return sum(sources.kotlin.range(size.n));
    }

    /** The 3-value generator through the same shared {@link #sum}, which inlines none of them: per generator. */
    @Benchmark
    public long megamorphicShortGenerator(Implementations sources, Base b, Megamorphic shared) {
        return sum(sources.generators.three(b.base));
    }

    @Benchmark
    public long megamorphicShortHandWritten(Implementations sources, Base b, Megamorphic shared) {
        return sum(sources.handWritten.three(b.base));
    }

    @Benchmark
    public long megamorphicShortKotlin(Implementations sources, Base b, Megamorphic shared) {
        return sum(sources.kotlin.three(b.base));
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

    /** Recursive {@code Yield.all}, against the chain of iterators written by hand: per value. */
    @Benchmark
    public long treeGenerator(Implementations sources, Trees trees) {
        return sum(sources.generators.inOrder(trees.tree));
    }

    @Benchmark
    public long treeHandWritten(Implementations sources, Trees trees) {
        return sum(sources.handWritten.inOrder(trees.tree));
    }

    /** Kotlin's recursive {@code yieldAll}. */
    @Benchmark
    public long treeKotlin(Implementations sources, Trees trees) {
        return sum(sources.kotlin.inOrder(trees.tree));
    }
}
