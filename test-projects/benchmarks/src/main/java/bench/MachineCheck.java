package bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * Whether this machine runs the same compiled code at one speed: not a benchmark of generators,
 * a check to make before reading any. Two loops with no generator, no iterator and nothing for the
 * JIT to change once compiled, each timed in this thread's CPU time per 100 ms of it:
 *
 * <ul>
 *   <li>{@code registers}: arithmetic on one local, no memory at all;
 *   <li>{@code allocation}: a box of 16 bytes per step, made in a method the JIT may not inline,
 *       so that each one is written to the heap, as every iterator of the tree walk and every
 *       boxed value of the shared megamorphic loop is.
 * </ul>
 *
 * <pre>java -XX:CompileCommand=quiet -XX:CompileCommand=dontinline,bench.MachineCheck::box \
 *     -cp target/benchmarks.jar bench.MachineCheck 20</pre>
 *
 * Prints, for each loop, nanoseconds per step in the fastest quarter of the windows after the
 * first 2 s, the median, the slowest, and how many windows took more than 1.3 times the fastest
 * quarter. On the shared virtual machine these benchmarks were measured on, the register loop
 * stayed within 7%, and the allocation loop spent whole seconds at twice its best
 * (docs/performance.md, "Two speeds: the machine, not the code"): a benchmark of code that
 * writes memory, run during such a spell, measures the machine.
 */
public final class MachineCheck {

    private static final long WINDOW = 100_000_000L;

    private MachineCheck() {}

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 20;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        report("registers", windows(threads, seconds, MachineCheck::registers));
        report("allocation", windows(threads, seconds, MachineCheck::allocation));
    }

    private interface Loop {
        long run(long steps, long seed);
    }

    /** Nanoseconds per step in each window of CPU time. */
    private static double[] windows(ThreadMXBean threads, double seconds, Loop loop) {
        long steps = 1_000_000;
        int count = (int) (seconds * 1e9 / WINDOW);
        double[] perStep = new double[count];
        long sink = 0;
        for (int w = 0; w < count; w++) {
            long start = threads.getCurrentThreadCpuTime();
            long done = 0;
            long now = start;
            while (now - start < WINDOW) {
                sink += loop.run(steps, sink);
                done += steps;
                now = threads.getCurrentThreadCpuTime();
            }
            perStep[w] = (double) (now - start) / done;
        }
        if (sink == 42) {
            System.out.println();
        }
        return perStep;
    }

    private static long registers(long steps, long seed) {
        long x = seed | 1;
        for (long i = 0; i < steps; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            x ^= x >>> 29;
        }
        return x;
    }

    private static long allocation(long steps, long seed) {
        long sum = seed;
        for (long i = 0; i < steps; i++) {
            sum += box((int) i + 1000).intValue();
        }
        return sum;
    }

    /** Not inlined (see the command above): the box is made, not optimized away. */
    private static Integer box(int value) {
        return Integer.valueOf(value);
    }

    private static void report(String loop, double[] windows) {
        // The first 2 s are the JIT's.
        double[] steady = Arrays.copyOfRange(windows, Math.min(20, windows.length / 2), windows.length);
        Arrays.sort(steady);
        double best = steady[steady.length / 4];
        long slow = Arrays.stream(steady).filter(w -> w > 1.3 * best).count();
        System.out.printf(
                Locale.ROOT,
                "%-10s ns per step: fastest quarter %.3f, median %.3f, slowest %.3f; %d of %d windows over 1.3x the fastest quarter%n",
                loop,
                best,
                steady[steady.length / 2],
                steady[steady.length - 1],
                slow,
                steady.length);
    }
}
