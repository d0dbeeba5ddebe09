package shapes;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import java.util.Iterator;

/** Overloaded generator methods, covariant overrides and generic bridges. */
public class Overloads {

    @Generator
    public static Iterable<Integer> range(int n) {
        for (int i = 0; i < n; i++) {
            Yield.value(i);
        }
        return Yield.done();
    }

    @Generator
    public static Iterable<Integer> range(int from, int to) {
        for (int i = from; i < to; i++) {
            Yield.value(i);
        }
        return Yield.done();
    }

    @Generator
    public static Iterable<Integer> range(int from, int to, int step) {
        for (int i = from; i < to; i += step) {
            Yield.value(i);
        }
        return Yield.done();
    }

    @Generator
    public static Iterable<Long> range(long n) {
        for (long i = 0; i < n; i++) {
            Yield.value(i * 1_000_000_000_000L);
        }
        return Yield.done();
    }

    /** Same name as a static one, but an instance method with a different parameter list. */
    @Generator
    public Iterable<String> range(String from, String to) {
        for (char c = from.charAt(0); c <= to.charAt(0); c++) {
            Yield.value(String.valueOf(c));
        }
        return Yield.done();
    }

    /** The base declares an Iterator; a subclass overrides it covariantly with a Coroutine. */
    public static class Base {
        @Generator
        public Iterator<String> items() {
            Yield.value("base");
            return Yield.done();
        }
    }

    public static class Derived extends Base {
        /** javac adds a bridge {@code Iterator items()} (and copies @Generator onto it). */
        @Generator
        @Override
        public Coroutine<String, Object, String> items() {
            Yield.value("derived 1");
            Yield.value("derived 2");
            return Yield.done("derived result");
        }
    }

    /** A generic interface whose implementation gets a bridge for the erased parameter. */
    public interface Renderer<T> {
        Iterable<String> render(T value);
    }

    public static class IntRenderer implements Renderer<Integer> {
        @Generator
        @Override
        public Iterable<String> render(Integer value) {
            for (int i = 0; i < value; i++) {
                Yield.value("#" + i);
            }
            return Yield.done();
        }
    }

    /** A generic superclass method overridden with a narrower return type and a bridge. */
    public abstract static class Source<T> {
        public abstract Iterable<? extends T> produce(T seed);
    }

    public static class Doubler extends Source<Integer> {
        @Generator
        @Override
        public Iterable<Integer> produce(Integer seed) {
            Yield.value(seed);
            Yield.value(seed * 2);
            return Yield.done();
        }
    }
}
