package protocol;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.GeneratorExit;
import dev.generators.Yield;
import java.util.ArrayList;
import java.util.List;

/**
 * Coroutines ported from PEP 342, PEP 380 and the Python documentation, rewritten by the plugin's
 * {@code rewrite} goal (the tests' own generators go through {@code rewrite-tests}).
 */
public final class PepExamples {

    private PepExamples() {
    }

    /** PEP 342's {@code @consumer} decorator: advance a coroutine to its first yield so that it can be sent to. */
    public static <C extends Coroutine<?, ?, ?>> C primed(C coroutine) {
        coroutine.next();
        return coroutine;
    }

    /**
     * The running average:
     * <pre>
     * def averager():
     *     total = 0.0; count = 0; average = None
     *     while True:
     *         term = yield average
     *         total += term; count += 1; average = total / count
     * </pre>
     */
    @Generator
    public static Coroutine<Double, Double, Void> averager() {
        double total = 0;
        int count = 0;
        Double average = null;
        while (true) {
            double term = Yield.value(average);
            total += term;
            count++;
            average = total / count;
        }
    }

    /**
     * A running total that yields the tally after every number sent and returns it when sent
     * {@code null} (PEP 342 style: {@code tally = yield tally}).
     */
    @Generator
    public static Coroutine<Integer, Integer, Integer> runningTotal() {
        int tally = 0;
        while (true) {
            Integer next = Yield.value(tally);
            if (next == null) {
                return Yield.done(tally);
            }
            tally += next;
        }
    }

    /**
     * The echo coroutine of the Python reference ("Generator-iterator methods"):
     * <pre>
     * def echo(value=None):
     *     print("Execution starts when 'next()' is called for the first time.")
     *     try:
     *         while True:
     *             try:
     *                 value = (yield value)
     *             except Exception as e:
     *                 value = e
     *     finally:
     *         print("Don't forget to clean up when 'close()' is called.")
     * </pre>
     */
    @Generator
    public static Coroutine<Object, Object, Void> echo(Object value, List<String> printed) {
        printed.add("Execution starts when 'next()' is called for the first time.");
        try {
            while (true) {
                try {
                    value = Yield.value(value);
                } catch (Exception e) {
                    value = e;
                }
            }
        } finally {
            printed.add("Don't forget to clean up when 'close()' is called.");
        }
    }

    /**
     * PEP 342, example 2, {@code thumbnail_pager}: gathers the items sent in into pages, sends
     * each full page downstream, and on close flushes the partial page and closes downstream.
     */
    @Generator
    public static Coroutine<Void, String, Void> pager(int pageSize, Coroutine<?, List<String>, ?> destination) {
        while (true) {
            List<String> page = new ArrayList<>();
            boolean pending = false;
            try {
                for (int i = 0; i < pageSize; i++) {
                    String item = Yield.value(null);
                    page.add(item.toUpperCase());
                    pending = true;
                }
            } catch (GeneratorExit exit) {
                // close() was called, so flush any pending output
                if (pending) {
                    destination.send(page);
                }
                // then close the downstream consumer, and exit
                destination.close();
                return Yield.done();
            }
            // we finished a page full of thumbnails, so send it downstream and keep on looping
            destination.send(page);
        }
    }

    /** PEP 342, example 2, {@code jpeg_writer}: writes each page sent in under the next file number. */
    @Generator
    public static Coroutine<Void, List<String>, Void> pageWriter(List<String> written) {
        int fileno = 1;
        while (true) {
            List<String> page = Yield.value(null);
            written.add(String.format("page%04d: %s", fileno, page));
            fileno++;
        }
    }

    /**
     * PEP 380's example of returning values:
     * <pre>
     * def accumulate():
     *     tally = 0
     *     while 1:
     *         next = yield
     *         if next is None:
     *             return tally
     *         tally += next
     * </pre>
     */
    @Generator
    public static Coroutine<Void, Integer, Integer> accumulate() {
        int tally = 0;
        while (true) {
            Integer next = Yield.value(null);
            if (next == null) {
                return Yield.done(tally);
            }
            tally += next;
        }
    }

    /**
     * <pre>
     * def gather_tallies(tallies):
     *     while 1:
     *         tally = yield from accumulate()
     *         tallies.append(tally)
     * </pre>
     */
    @Generator
    public static Coroutine<Void, Integer, Void> gatherTallies(List<Integer> tallies) {
        while (true) {
            int tally = Yield.all(accumulate());
            tallies.add(tally);
        }
    }
}
