package validation;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.GeneratorExit;
import dev.generators.Yield;
import java.util.List;

/** send, raise and close on a Coroutine, and their forwarding through Yield.all. */
public final class Protocol {

    private Protocol() {
    }

    @Generator
    public static Coroutine<Double, Double, Integer> averager() {
        double total = 0;
        int count = 0;
        Double average = null;
        while (true) {
            Double x = Yield.value(average);
            if (x == null) {
                return Yield.done(count);
            }
            total += x;
            count++;
            average = total / count;
        }
    }

    /** Delegates to averager(), which receives the sends; then reports its result. */
    @Generator
    public static Coroutine<Object, Double, String> delegator(List<String> log) {
        log.add("start");
        Integer count = Yield.all(averager());
        log.add("count " + count);
        Yield.value("after " + count);
        return Yield.done("done " + count);
    }

    @Generator
    public static Coroutine<Integer, Object, Void> counting(List<String> log) {
        try {
            for (int i = 0; ; i++) {
                Yield.value(i);
            }
        } finally {
            log.add("finally");
        }
    }

    /** Turns a close into a return with a result. */
    @Generator
    public static Coroutine<Integer, Object, String> closeToResult() {
        int i = 0;
        try {
            while (true) {
                Yield.value(i++);
            }
        } catch (GeneratorExit e) {
            return Yield.done("closed after " + i);
        }
    }

    /** Exceptions raised at the yield are caught by the body's handler, inside the loop. */
    @Generator
    public static Coroutine<String, String, String> raiser() {
        String last = "none";
        while (true) {
            try {
                String got = Yield.value("last " + last);
                if (got == null) {
                    break;
                }
                last = got;
            } catch (IllegalArgumentException e) {
                last = "raised " + e.getMessage();
            }
        }
        return Yield.done(last);
    }

    /** raise and close forwarded through Yield.all to the inner coroutine. */
    @Generator
    public static Coroutine<String, String, String> outerOfRaiser(List<String> log) {
        try {
            String r = Yield.all(raiser());
            Yield.value("inner returned " + r);
            return Yield.done("outer " + r);
        } finally {
            log.add("outer finally");
        }
    }
}
