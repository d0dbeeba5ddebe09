package shapes;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** One generator per declared return type, plus the laziness every one of them promises. */
public final class ReturnTypes {

    private ReturnTypes() {
    }

    /** Counts the parameter itself down: each run must start again from the argument given at the call. */
    @Generator
    public static Iterable<Integer> countdown(int n) {
        while (n > 0) {
            Yield.value(n);
            n--;
        }
        return Yield.done();
    }

    /** An Iterable whose body logs when it starts, to show that neither the call nor iterator() runs it. */
    @Generator
    public static Iterable<String> loggedIterable(List<String> log) {
        log.add("body started");
        Yield.value("first");
        log.add("after first");
        Yield.value("second");
        log.add("body finished");
        return Yield.done();
    }

    @Generator
    public static Iterator<Character> letters(String word) {
        for (int i = 0; i < word.length(); i++) {
            Yield.value(word.charAt(i));
        }
        return Yield.done();
    }

    /** Counts in {@code produced} every value it is about to yield. */
    @Generator
    public static Stream<Integer> squares(AtomicInteger produced) {
        for (int i = 1; i <= 1000; i++) {
            produced.incrementAndGet();
            Yield.value(i * i);
        }
        return Yield.done();
    }

    /** Logs "finally" when the run ends, by whatever means. */
    @Generator
    public static Stream<String> streamWithFinally(List<String> log) {
        try {
            Yield.value("a");
            Yield.value("b");
            Yield.value("c");
        } finally {
            log.add("finally");
        }
        return Yield.done();
    }

    /** Yields 1, 2, 3 and finishes with the result "three values". */
    @Generator
    public static Coroutine<Integer, Object, String> withResult(List<String> log) {
        log.add("body started");
        for (int i = 1; i <= 3; i++) {
            Yield.value(i);
        }
        log.add("body finished");
        return Yield.done("three values");
    }

    /** Python's averager coroutine: yields the running average of the numbers sent in; a null send ends it. */
    @Generator
    public static Coroutine<Double, Double, Integer> runningAverage() {
        double total = 0;
        int count = 0;
        Double average = null;
        while (true) {
            Double term = Yield.value(average);
            if (term == null) {
                break;
            }
            total += term;
            count++;
            average = total / count;
        }
        return Yield.done(count);
    }

    /** An Iterator that never yields. */
    @Generator
    public static Iterator<String> nothing(List<String> log) {
        log.add("ran");
        return Yield.done();
    }
}
