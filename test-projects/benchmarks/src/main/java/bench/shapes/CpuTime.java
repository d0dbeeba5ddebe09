package bench.shapes;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.openjdk.jmh.util.ListStatistics;

/**
 * A rough check for a loaded machine, not a benchmark: runs one case of {@link ShapeBenchmarks}
 * in a loop as JMH's stub would, and prints nanoseconds per element measured in this thread's
 * CPU time (which time spent waiting for a core does not inflate), per 100 ms of it.
 *
 * <pre>java -cp target/benchmarks.jar bench.shapes.CpuTime rangeGenerator 8</pre>
 *
 * The cases are {@link ShapeBenchmarks}' methods: {@code range}, {@code short}, {@code stream},
 * {@code megamorphic} and {@code tree} (a third argument gives its depth), each followed by
 * {@code HandWritten}, {@code Generator} or {@code Kotlin}.
 */
public final class CpuTime {

    private CpuTime() {}

    public static void main(String[] args) {
        String name = args[0];
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 8;
        Case chosen = Case.of(name, args.length > 2 ? Integer.parseInt(args[2]) : 4);
        LongSupplier op = chosen.op();
        double elements = chosen.elements();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long window = 100_000_000L;
        long start = threads.getCurrentThreadCpuTime();
        long windowStart = start;
        long ops = 0;
        long sink = 0;
        java.util.List<Double> first = new java.util.ArrayList<>();
        java.util.List<Double> steady = new java.util.ArrayList<>();
        int windows = 0;
        StringBuilder line = new StringBuilder(name).append(':');
        // Reading the clock costs about a microsecond: read it once per batch of a millisecond or more.
        long batch = 1;
        while (windowStart - start < seconds * 1e9) {
            long before = threads.getCurrentThreadCpuTime();
            for (long k = 0; k < batch; k++) {
                sink += op.getAsLong();
            }
            ops += batch;
            long now = threads.getCurrentThreadCpuTime();
            if (now - before < 1_000_000L) {
                batch *= 2;
            }
            if (now - windowStart >= window) {
                double perElement = (now - windowStart) / (ops * elements);
                line.append(String.format(Locale.ROOT, " %.3g", perElement));
                if (windows < 30) {
                    first.add(perElement);
                }
                if (windows >= 50) {
                    steady.add(perElement);
                }
                windows++;
                ops = 0;
                windowStart = now;
            }
        }
        System.out.println(line);
        // The same statistics as bench.Report: the mean of the first 3 s, the median after 5 s, each
        // with the 99.9% error of the mean of its windows.
        ListStatistics firstStats = statistics(first);
        ListStatistics steadyStats = statistics(steady);
        System.out.printf(
                Locale.ROOT,
                "%s: first 3 s (CPU) mean %.3g ± %.2g ns per element; after 5 s, median %.3g ± %.2g (%d)%n",
                name,
                firstStats.getMean(),
                firstStats.getMeanErrorAt(0.999),
                steadyStats.getPercentile(50),
                steadyStats.getMeanErrorAt(0.999),
                sink & 1);
    }

    /**
     * One case of {@link ShapeBenchmarks}, by its method's name, and what one call of it counts:
     * elements for {@code range}, {@code stream} and {@code megamorphic}, values for {@code tree},
     * one generator for {@code short}.
     */
    public record Case(LongSupplier op, double elements) {

        public static Case of(String name, int depth) {
            ShapeBenchmarks benchmarks = new ShapeBenchmarks();
            ShapeBenchmarks.Implementations sources = new ShapeBenchmarks.Implementations();
            ShapeBenchmarks.RangeSize size = new ShapeBenchmarks.RangeSize();
            size.n = 1_000_000;
            ShapeBenchmarks.Base base = new ShapeBenchmarks.Base();
            ShapeBenchmarks.Trees trees = new ShapeBenchmarks.Trees();
            trees.depth = depth;
            trees.build();
            double elements = name.startsWith("short") ? 1 : name.startsWith("tree") ? (1 << trees.depth) - 1 : size.n;
            ShapeBenchmarks.Megamorphic shared = new ShapeBenchmarks.Megamorphic();
            if (name.startsWith("megamorphic")) {
                shared.drainManyKinds(sources);
            }
            LongSupplier op = switch (name) {
                case "rangeGenerator" -> () -> benchmarks.rangeGenerator(sources, size);
                case "rangeHandWritten" -> () -> benchmarks.rangeHandWritten(sources, size);
                case "shortGenerator" -> () -> benchmarks.shortGenerator(sources, base);
                case "shortHandWritten" -> () -> benchmarks.shortHandWritten(sources, base);
                case "streamGenerator" -> () -> benchmarks.streamGenerator(sources, size);
                case "streamHandWritten" -> () -> benchmarks.streamHandWritten(sources, size);
                case "megamorphicGenerator" -> () -> benchmarks.megamorphicGenerator(sources, size, shared);
                case "megamorphicHandWritten" -> () -> benchmarks.megamorphicHandWritten(sources, size, shared);
                case "treeGenerator" -> () -> benchmarks.treeGenerator(sources, trees);
                case "treeHandWritten" -> () -> benchmarks.treeHandWritten(sources, trees);
                case "rangeKotlin" -> () -> benchmarks.rangeKotlin(sources, size);
                case "shortKotlin" -> () -> benchmarks.shortKotlin(sources, base);
                case "streamKotlin" -> () -> benchmarks.streamKotlin(sources, size);
                case "megamorphicKotlin" -> () -> benchmarks.megamorphicKotlin(sources, size, shared);
                case "treeKotlin" -> () -> benchmarks.treeKotlin(sources, trees);
                default -> throw new IllegalArgumentException(name);
            };
            return new Case(op, elements);
        }
    }

    private static ListStatistics statistics(java.util.List<Double> windows) {
        return new ListStatistics(windows.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
