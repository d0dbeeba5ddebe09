package bench;

import dev.generators.Generator;
import dev.generators.Yield;
import java.util.Iterator;

/**
 * Generators of other kinds, run before a benchmark so that the code every generator shares
 * ({@code StateMachine}'s {@code hasNext}, {@code next} and its call of {@code resume}) has seen
 * many subclasses, as it has in a real program, rather than one.
 */
final class OtherKinds {

    private OtherKinds() {
    }

    @Generator
    static Iterator<Long> squares(int n) {
        for (long i = 0; i < n; i++) {
            Yield.value(i * i);
        }
        return Yield.done();
    }

    @Generator
    static Iterator<String> words(String... words) {
        for (String word : words) {
            if (!word.isEmpty()) {
                Yield.value(word);
            }
        }
        return Yield.done();
    }

    @Generator
    static Iterator<Integer> countdown(int from) {
        while (from > 0) {
            Yield.value(from--);
        }
        return Yield.done();
    }

    @Generator
    static Iterator<Object> concatenated(Iterator<?> first, Iterator<?> second) {
        Yield.all(first);
        Yield.all(second);
        return Yield.done();
    }

    /** Drains each kind, and {@code Range}'s, through one shared loop, often enough for C2 to compile it. */
    static long warmUp() {
        long count = 0;
        for (int round = 0; round < 20_000; round++) {
            count += drain(squares(10));
            count += drain(words("a", "", "b", "c"));
            count += drain(countdown(10));
            count += drain(concatenated(countdown(3), words("d", "e")));
            count += drain(GeneratorBenchmarks.three(round));
            count += drain(Range.generator(10));
        }
        return count;
    }

    /**
     * Sums what any iterator yields: one loop for all, as in a library method that takes an
     * {@code Iterator}. After {@link #warmUpSum()}, its calls of {@code hasNext} and {@code next}
     * have seen many classes, so C2 inlines none of them, for a generator or a hand-written iterator.
     */
    static long sum(Iterator<? extends Number> values) {
        long sum = 0;
        while (values.hasNext()) {
            sum += values.next().longValue();
        }
        return sum;
    }

    /** Runs {@link #sum} over generators and hand-written iterators of several classes. */
    static long warmUpSum() {
        long total = 0;
        for (int round = 0; round < 20_000; round++) {
            total += sum(squares(10));
            total += sum(countdown(10));
            total += sum(Range.generator(10));
            total += sum(Range.handWritten(10));
            total += sum(java.util.List.of(1, 2, 3).iterator());
            total += sum(java.util.Arrays.asList(4L, 5L, 6L).iterator());
        }
        return total;
    }

    private static int drain(Iterator<?> values) {
        int count = 0;
        while (values.hasNext()) {
            values.next();
            count++;
        }
        return count;
    }
}
