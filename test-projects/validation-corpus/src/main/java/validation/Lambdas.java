package validation;

import dev.generators.Generator;
import dev.generators.Yield;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Lambdas, method references, anonymous and local classes inside generators; none of them
 * yields. Their bodies are private synthetic methods of this class ({@code lambda$mapped$0} from
 * javac, {@code lambda$0} from ECJ) that the rewritten body must still be able to link to.
 */
public final class Lambdas {

    private final int factor;

    public Lambdas(int factor) {
        this.factor = factor;
    }

    private static String shout(String s) {
        return s.toUpperCase() + "!";
    }

    private int times(int x) {
        return x * factor;
    }

    @Generator
    public static Iterable<String> mapped(List<String> words, String suffix) {
        Function<String, String> f = w -> w.toUpperCase() + suffix;
        for (String w : words) {
            Yield.value(f.apply(w));
        }
        Supplier<Integer> count = words::size;
        Yield.value("count " + count.get());
        List<String> sorted = new ArrayList<String>(words);
        sorted.sort(Comparator.comparing(String::length).thenComparing(Comparator.<String>reverseOrder()));
        Yield.value(sorted.toString());
        Function<String, String> privateRef = Lambdas::shout;
        Yield.value(privateRef.apply(words.get(0)));
        return Yield.done();
    }

    /** Lambdas capturing this, a private instance method reference, a stream pipeline. */
    @Generator
    public Iterable<Integer> scaled(List<Integer> xs) {
        IntUnaryOperator op = x -> x * factor;
        IntUnaryOperator ref = this::times;
        for (int x : xs) {
            Yield.value(op.applyAsInt(x));
            Yield.value(ref.applyAsInt(x) + 1);
        }
        int threshold = 2;
        Yield.value(xs.stream().filter(x -> x > threshold).mapToInt(x -> x * factor).sum());
        return Yield.done();
    }

    /** A lambda that mutates a captured array between yields. */
    @Generator
    public static Iterable<Integer> counter(int rounds) {
        final int[] count = {0};
        Runnable inc = () -> count[0]++;
        for (int i = 0; i < rounds; i++) {
            inc.run();
            Yield.value(count[0]);
            inc.run();
        }
        return Yield.done();
    }

    /** An anonymous iterator and a local class, both capturing the generator's parameters. */
    @Generator
    public static Iterable<String> innerClasses(final int start, final int end) {
        Iterator<Integer> it = new Iterator<Integer>() {
            private int i = start;

            @Override
            public boolean hasNext() {
                return i < end;
            }

            @Override
            public Integer next() {
                return i++;
            }
        };
        while (it.hasNext()) {
            Yield.value("anon " + it.next());
        }
        class Label {
            String of(int k) {
                return "local " + k + "/" + end;
            }
        }
        Label label = new Label();
        for (int k = start; k < end; k++) {
            Yield.value(label.of(k));
        }
        return Yield.done();
    }

    /** A yielded value goes into a lambda's capture, and a lambda is built from sent values. */
    @Generator
    public static Iterable<String> joined(List<String> words, String separator) {
        String sep = Yield.value("sep?");
        final String s = sep == null ? separator : sep;
        Yield.value(words.stream().map(w -> w + s).collect(Collectors.joining()));
        return Yield.done();
    }
}
