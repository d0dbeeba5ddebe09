package bench.shapes;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import java.util.function.LongUnaryOperator;

/**
 * Two cases of {@link ShapeBenchmarks} compared in one JVM, on a machine whose speed changes
 * under them: each case runs in a class loader of its own (its own copy of the benchmark classes,
 * of the shared {@code sum} helper and of the generators' runtime, so that the JIT compiles and
 * profiles each as in a JVM of its own), and the two take turns, 100 ms of this thread's CPU time
 * each. Two neighbouring windows see the same machine, so the ratio of each pair holds where the
 * machine's speed moves by a factor of two from second to second, which the figures of JVMs run
 * one after the other do not (docs/performance.md, "Two speeds: the machine, not the code").
 *
 * <pre>java -cp target/benchmarks.jar bench.shapes.Paired 20 4 treeHandWritten treeGenerator
 * java -cp target/benchmarks.jar bench.shapes.Paired 20 4 /tmp/before.jar=treeGenerator /tmp/after.jar=treeGenerator</pre>
 *
 * Arguments: CPU seconds per case, tree depth, then the two cases, each a method name of
 * {@link ShapeBenchmarks} (from this jar), or {@code jar=name} to take it from another build of the
 * benchmarks (for comparing two builds of the runtime). Prints, from the pairs after each case's
 * first 5 s: each case's median per element, the median of the pairs' ratios (second / first)
 * with the 99% confidence interval of that median, and how many of the pairs each case spent at
 * over 1.3 times its own fastest quarter (the machine's slow spells, which both should share).
 *
 * <p>The two loaders share the JDK's classes, and so the JIT's profile of the JDK's code: not a
 * tool for {@code stream}, whose hot loop is the JDK's pipeline, compiled here for both sides'
 * spliterators at once.
 */
public final class Paired {

    private static final long WINDOW = 100_000_000L;
    private static final double STEADY_AFTER = 5e9;

    private Paired() {}

    public static void main(String[] args) throws ReflectiveOperationException {
        double seconds = Double.parseDouble(args[0]);
        int depth = Integer.parseInt(args[1]);
        URL here = Paired.class.getProtectionDomain().getCodeSource().getLocation();
        Side first = Side.of(args[2], here, depth);
        Side second = Side.of(args[3], here, depth);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int windows = (int) (seconds * 1e9 / WINDOW);
        double[] a = new double[windows];
        double[] b = new double[windows];
        long sink = 0;
        for (int w = 0; w < windows; w++) {
            sink += first.window(threads, a, w);
            sink += second.window(threads, b, w);
        }
        int from = (int) (STEADY_AFTER / WINDOW);
        if (from >= windows) {
            throw new IllegalArgumentException("give each case more than 5 s");
        }
        double[] steadyA = Arrays.copyOfRange(a, from, windows);
        double[] steadyB = Arrays.copyOfRange(b, from, windows);
        double[] ratios = new double[steadyA.length];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = steadyB[i] / steadyA[i];
        }
        Arrays.sort(ratios);
        // The 99% interval of a median from order statistics: n/2 -+ 1.29 sqrt(n).
        int n = ratios.length;
        int spread = (int) Math.ceil(1.29 * Math.sqrt(n));
        System.out.printf(
                Locale.ROOT,
                "%s: median %.3g ns per element, %d of %d windows slow%n"
                        + "%s: median %.3g ns per element, %d of %d windows slow%n"
                        + "ratio %s / %s: median %.3f (99%%: %.3f to %.3f) over %d pairs (%d)%n",
                first.label,
                median(steadyA),
                slow(steadyA),
                n,
                second.label,
                median(steadyB),
                slow(steadyB),
                n,
                second.label,
                first.label,
                ratios[n / 2],
                ratios[Math.max(0, n / 2 - spread)],
                ratios[Math.min(n - 1, n / 2 + spread)],
                n,
                sink & 1);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long slow(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double fastQuarter = sorted[sorted.length / 4];
        return Arrays.stream(values).filter(v -> v > 1.3 * fastQuarter).count();
    }

    /** One case, in its own class loader, with the batch size that makes a call last 1 ms or more. */
    private static final class Side {
        final String label;
        final LongUnaryOperator runner;
        final double elements;
        long batch = 1;

        private Side(String label, LongUnaryOperator runner, double elements) {
            this.label = label;
            this.runner = runner;
            this.elements = elements;
        }

        static Side of(String spec, URL here, int depth) throws ReflectiveOperationException {
            int split = spec.lastIndexOf('=');
            String name = split < 0 ? spec : spec.substring(split + 1);
            URL jar;
            try {
                jar = split < 0 ? here : Path.of(spec.substring(0, split)).toUri().toURL();
            } catch (java.net.MalformedURLException e) {
                throw new IllegalArgumentException(spec, e);
            }
            // The platform loader as parent: nothing of the benchmarks or the runtime is shared.
            ClassLoader loader = new URLClassLoader(new URL[] {jar}, ClassLoader.getPlatformClassLoader());
            Object runner = Class.forName(Runner.class.getName(), true, loader)
                    .getConstructor(String.class, int.class)
                    .newInstance(name, depth);
            String label = split < 0 ? name : Path.of(spec.substring(0, split)).getFileName() + "=" + name;
            return new Side(label, (LongUnaryOperator) runner, ((DoubleSupplier) runner).getAsDouble());
        }

        /** Runs this case for one window of CPU time; stores its nanoseconds per element. */
        long window(ThreadMXBean threads, double[] into, int index) {
            long start = threads.getCurrentThreadCpuTime();
            long now = start;
            long ops = 0;
            long sink = 0;
            while (now - start < WINDOW) {
                long before = now;
                sink += runner.applyAsLong(batch);
                ops += batch;
                now = threads.getCurrentThreadCpuTime();
                // Reading the clock costs about a microsecond: a call lasts a millisecond or more.
                if (now - before < 1_000_000L) {
                    batch *= 2;
                }
            }
            into[index] = (now - start) / (ops * elements);
            return sink;
        }
    }

    /**
     * Loaded once per side, from that side's jar: runs its case {@code batch} times in a loop of
     * its own, so that each side's loop is compiled for its case alone.
     */
    public static final class Runner implements LongUnaryOperator, DoubleSupplier {
        private static volatile boolean stopped;

        private final CpuTime.Case chosen;

        public Runner(String name, int depth) {
            chosen = CpuTime.Case.of(name, depth);
        }

        @Override
        public long applyAsLong(long batch) {
            long sink = 0;
            // A volatile read per call, as JMH's loop reads its control flag: no load of the
            // case's state can be hoisted above it, so each call computes its case afresh (without
            // it, C2 computed `short`, whose result never changes, once: 0.02 ns per generator).
            for (long k = 0; k < batch && !stopped; k++) {
                sink += chosen.op().getAsLong();
            }
            return sink;
        }

        @Override
        public double getAsDouble() {
            return chosen.elements();
        }
    }
}
