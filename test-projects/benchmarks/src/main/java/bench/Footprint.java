package bench;

import java.lang.management.ManagementFactory;
import java.util.Iterator;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Bytes of heap per suspended generator: holds 100,000 of each kind, each suspended after its
 * first value, and divides the growth of the heap used after a full GC by their number.
 *
 * <pre>java -cp target/benchmarks.jar bench.Footprint</pre>
 *
 * On JDK 21 and later, add {@code --add-exports=java.base/jdk.internal.vm=ALL-UNNAMED} to measure
 * {@code Continuation} too. A platform thread's stack is outside the heap and not counted here.
 */
public final class Footprint {

    private static final int HELD = 100_000;

    private Footprint() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("JDK " + Runtime.version() + ": heap bytes per suspended range generator, "
                + String.format(Locale.ROOT, "%,d", HELD) + " held");
        report("hand-written iterator", Range::handWritten);
        report("@Generator", Range::generator);
        report("@Generator, instance method", new bench.shapes.GeneratorSources()::range);
        report("Kotlin sequence {}, its iterator", new bench.shapes.KotlinSources()::range);
        if (Continuations.AVAILABLE) {
            report("jdk.internal.vm.Continuation", Continuations::range);
        }
        if (Threads.VIRTUAL != null) {
            report("virtual thread", Threads::virtualRange);
        }
    }

    private static void report(String kind, IntFunction<Iterator<Integer>> range) throws InterruptedException {
        // Once before measuring, so that classes and their statics are loaded and not counted.
        range.apply(10).next();
        Object[] held = new Object[HELD];
        long before = usedAfterGc();
        for (int i = 0; i < HELD; i++) {
            Iterator<Integer> generator = range.apply(1_000);
            generator.next();
            held[i] = generator;
        }
        long after = usedAfterGc();
        System.out.printf(Locale.ROOT, "| %s | %.0f |%n", kind, (after - before) / (double) HELD);
        if (held[HELD - 1] == null) {
            throw new AssertionError("kept alive until here");
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
