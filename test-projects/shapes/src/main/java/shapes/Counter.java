package shapes;

import dev.generators.Generator;
import dev.generators.Yield;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/** Instance generators that read and write fields of {@code this} and call private members. */
public class Counter {

    private int count;
    private final String name;
    private final List<String> history = new ArrayList<>();
    public Object last;
    private long total;

    public Counter(String name, int start) {
        this.name = name;
        this.count = start;
    }

    public int count() {
        return count;
    }

    public long total() {
        return total;
    }

    public List<String> history() {
        return history;
    }

    private String label() {
        return name + "#" + count;
    }

    private void bump(int by) {
        count += by;
        total += by;
    }

    private static String shout(String s) {
        return s.toUpperCase();
    }

    /** Yields labels, bumping the private counter after each one. */
    @Generator
    public Iterable<String> ticks(int n) {
        for (int i = 0; i < n; i++) {
            Yield.value(label());
            bump(i + 1);
            history.add("tick " + i);
        }
        Yield.value(shout(name) + " total " + total);
        return Yield.done();
    }

    /** {@code this.last = Yield.value(x)}: the receiver waits on the stack during the yield. */
    @Generator
    public Iterable<String> storeIntoField() {
        last = "unchanged";
        Yield.value("before");
        this.last = Yield.value("storing");
        Yield.value("last=" + last);
        count += 100;
        Yield.value("count=" + count);
        return Yield.done();
    }

    /** A private generator, called from a public method. */
    @Generator
    private java.util.Iterator<Integer> privateMultiples(int k) {
        for (int i = 1; i <= 3; i++) {
            Yield.value(k * i + count);
        }
        return Yield.done();
    }

    public java.util.Iterator<Integer> multiples(int k) {
        return privateMultiples(k);
    }

    /** A lambda (with no yield in it) created before a yield and used after it. */
    @Generator
    public Iterable<Integer> withLambda(int factor) {
        IntUnaryOperator times = x -> x * factor + count;
        Yield.value(times.applyAsInt(1));
        count = 1000;
        Yield.value(times.applyAsInt(2));
        Runnable r = () -> history.add("ran lambda");
        r.run();
        Yield.value(history.size());
        return Yield.done();
    }

    /** A method reference to a private method, used across a yield. */
    @Generator
    public Iterable<String> withMethodReference(List<String> words) {
        List<String> out = new ArrayList<>();
        words.forEach(out::add);
        Yield.value(String.join(",", out));
        java.util.function.Function<String, String> f = Counter::shout;
        for (String w : words) {
            Yield.value(f.apply(w));
        }
        return Yield.done();
    }
}
