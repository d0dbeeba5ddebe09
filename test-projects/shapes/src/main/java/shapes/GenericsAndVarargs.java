package shapes;

import dev.generators.Generator;
import dev.generators.Yield;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Generic and varargs generator methods. */
public final class GenericsAndVarargs {

    private GenericsAndVarargs() {
    }

    @Generator
    public static <T> Iterable<T> repeat(T x, int n) {
        for (int i = 0; i < n; i++) {
            Yield.value(x);
        }
        return Yield.done();
    }

    /** Python's itertools.accumulate-like map over a generic source, with a bounded type variable. */
    @Generator
    public static <T extends Comparable<? super T>> Iterable<T> runningMax(Iterable<T> source) {
        T best = null;
        for (T t : source) {
            if (best == null || t.compareTo(best) > 0) {
                best = t;
            }
            Yield.value(best);
        }
        return Yield.done();
    }

    @Generator
    public static <A, B> Iterable<B> map(Iterable<A> source, Function<? super A, ? extends B> f) {
        for (A a : source) {
            Yield.value(f.apply(a));
        }
        return Yield.done();
    }

    /** Python's zip over two generic iterators, stopping at the shorter. */
    @Generator
    public static <A, B> Iterator<Map.Entry<A, B>> zip(Iterator<A> a, Iterator<B> b) {
        while (a.hasNext() && b.hasNext()) {
            Yield.value(Map.entry(a.next(), b.next()));
        }
        return Yield.done();
    }

    @Generator
    public static Iterable<String> each(String... items) {
        Yield.value("count " + items.length);
        for (String item : items) {
            Yield.value(item);
        }
        return Yield.done();
    }

    /** Varargs after a fixed parameter, with primitive elements. */
    @Generator
    public static Iterable<Integer> scaled(int factor, int... values) {
        for (int v : values) {
            Yield.value(v * factor);
        }
        return Yield.done();
    }

    /** Generic varargs, each element delegated to with Yield.all. */
    @SafeVarargs
    @Generator
    public static <T> Iterable<T> chain(Iterable<? extends T>... sources) {
        for (Iterable<? extends T> source : sources) {
            Yield.all(source);
        }
        return Yield.done();
    }

    /** A generic class whose instance generator uses the class's type variable. */
    public static final class Bag<T> {
        private final List<T> items;

        public Bag(List<T> items) {
            this.items = items;
        }

        @Generator
        public Iterable<T> backwards() {
            for (int i = items.size() - 1; i >= 0; i--) {
                Yield.value(items.get(i));
            }
            return Yield.done();
        }

        /** A generic method in a generic class: both type variables in play. */
        @Generator
        public <U> Iterable<Map.Entry<T, U>> pairWith(U other) {
            for (T t : items) {
                Yield.value(Map.entry(t, other));
            }
            return Yield.done();
        }
    }
}
