package bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Iterator;

/**
 * Nanoseconds of this thread's CPU time per element, the least of many runs: a cross-check of
 * JMH's wall-clock figures when the machine is too loaded for them (time spent descheduled is not
 * counted). {@code range} summed in a loop C2 inlines, and through {@link OtherKinds#sum}, which
 * inlines nothing; each beside its hand-written iterator, alternating.
 *
 * <pre>java -cp target/benchmarks.jar bench.CpuTime [runs]</pre>
 */
public final class CpuTime {

    private static final int N = 1_000_000;

    private CpuTime() {
    }

    static long rangeGenerator() {
        long sum = 0;
        for (Iterator<Integer> values = Range.generator(N); values.hasNext(); ) {
            sum += values.next();
        }
        return sum;
    }

    static long rangeHandWritten() {
        long sum = 0;
        for (Iterator<Integer> values = Range.handWritten(N); values.hasNext(); ) {
            sum += values.next();
        }
        return sum;
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        OtherKinds.warmUpSum();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String[] names = {"rangeGenerator", "rangeHandWritten", "megamorphicGenerator", "megamorphicHandWritten"};
        long[] least = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
        long check = 0;
        for (int run = 0; run < runs + 20; run++) {
            for (int kind = 0; kind < names.length; kind++) {
                long start = threads.getCurrentThreadCpuTime();
                check += switch (kind) {
                    case 0 -> rangeGenerator();
                    case 1 -> rangeHandWritten();
                    case 2 -> OtherKinds.sum(Range.generator(N));
                    default -> OtherKinds.sum(Range.handWritten(N));
                };
                long spent = threads.getCurrentThreadCpuTime() - start;
                if (run >= 20) { // the first 20 warm up
                    least[kind] = Math.min(least[kind], spent);
                }
            }
        }
        for (int kind = 0; kind < names.length; kind++) {
            System.out.printf("%-24s %8.3f ns per element%n", names[kind], least[kind] / (double) N);
        }
        System.out.printf("generator / hand-written: range %.2f, megamorphic %.2f   (check %d)%n",
                least[0] / (double) least[1], least[2] / (double) least[3], check);
    }
}
