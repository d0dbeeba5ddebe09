package example;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Generators the type checks must accept: each value can be of the declared type, if not always provably. */
public final class Edges {

    private Edges() {
    }

    public sealed interface Shape permits Circle, Square {
    }

    public record Circle(double radius) implements Shape {
    }

    public record Square(double side) implements Shape {
    }

    public enum Color {
        RED { @Override public String toString() { return "red"; } },
        GREEN
    }

    /** A class that inherits its element type. */
    public static final class Names extends ArrayList<String> {
    }

    /** A generic class whose generator yields its own type variable. */
    public static final class Box<T> {
        final List<T> items = new ArrayList<>();

        @Generator
        public Iterator<T> twice() {
            for (T item : items) {
                Yield.value(item);
            }
            Yield.all(items);
            return Yield.done();
        }
    }

    /** A default method that delegates to what the implementation returns. */
    public interface Source<T> {
        List<T> items();

        @Generator
        default Iterator<T> each() {
            Yield.all(items());
            return Yield.done();
        }
    }

    @Generator
    public static Iterable<Number> subtypes() {
        Yield.value(1);
        Yield.value(2L);
        Yield.value(3.5);
        Yield.value(new BigDecimal("4"));
        Yield.value(null);
        return Yield.done();
    }

    @Generator
    public static Iterable<Long> declaredWider() {
        Number n = 7L;
        Object o = 8L;
        Yield.value(n);
        Yield.value(o);
        return Yield.done();
    }

    @Generator
    public static Iterable<AbstractList<String>> interfaceIntoAClass() {
        List<String> list = new ArrayList<>(List.of("a"));
        Yield.value(list);
        return Yield.done();
    }

    @Generator
    public static Iterable<CharSequence> classesIntoAnInterface() {
        Yield.value("text");
        Yield.value(new StringBuilder("builder"));
        Yield.all(Collections.nCopies(2, "copy"));
        return Yield.done();
    }

    @Generator
    public static Iterable<Comparable<?>> comparables() {
        Yield.value(1);
        Yield.value("one");
        Yield.value(TimeUnit.SECONDS);
        return Yield.done();
    }

    @Generator
    public static Iterable<? extends Number> upperWildcard() {
        Yield.value(1);
        return Yield.done();
    }

    @Generator
    public static Iterable<? super Integer> lowerWildcard() {
        Yield.value(2);
        Yield.value("an Object all the same");
        return Yield.done();
    }

    @Generator
    public static Iterable<?> anything() {
        Yield.value(new Object());
        Yield.value(3);
        return Yield.done();
    }

    @Generator
    public static <T extends Number & Comparable<T>> Iterable<T> largestFirst(List<T> xs) {
        List<T> sorted = new ArrayList<>(xs);
        sorted.sort(Collections.reverseOrder());
        Yield.value(sorted.get(0));
        Yield.all(sorted.subList(1, sorted.size()));
        return Yield.done();
    }

    @Generator
    public static <T> Stream<T> repeat(T x, int n) {
        for (int i = 0; i < n; i++) {
            Yield.value(x);
        }
        return Yield.done();
    }

    @Generator
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static Iterable raw(List xs) {
        Yield.all(xs);
        Yield.value(1);
        return Yield.done();
    }

    @Generator
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static Iterable<String> fromRaw(List xs) {
        Yield.all(xs);
        return Yield.done();
    }

    @Generator
    public static Iterable<String> fromObject(Object o) {
        Yield.value(o);
        return Yield.done();
    }

    @Generator
    public static Iterable<Object[]> arrays() {
        Yield.value(new String[] {"s"});
        Yield.value(new Integer[][] {{1}});
        return Yield.done();
    }

    @Generator
    public static Iterable<Number[]> covariantArrays() {
        Yield.value(new Integer[] {1, 2});
        return Yield.done();
    }

    @Generator
    public static Iterable<int[]> primitiveArrays() {
        Yield.value(new int[] {1, 2});
        return Yield.done();
    }

    @Generator
    public static Iterable<Serializable> arraysAreSerializable() {
        Yield.value(new int[] {3});
        Yield.value("and so are Strings");
        return Yield.done();
    }

    @Generator
    public static Iterable<Shape> shapes() {
        Yield.value(new Circle(1));
        Yield.value(new Square(2));
        return Yield.done();
    }

    /** Sends Shapes, takes them as the records that implement Shape. */
    @Generator
    public static Coroutine<String, Shape, Shape> describe() {
        Circle circle = Yield.value("circle?");
        Shape next = Yield.value("radius " + circle.radius());
        return Yield.done(next);
    }

    @Generator
    public static Iterable<Enum<?>> enums() {
        Yield.value(Color.RED);
        Yield.value(TimeUnit.DAYS);
        return Yield.done();
    }

    @Generator
    public static Coroutine<String, Number, Number> sends() {
        Integer got = Yield.value("an Integer, please");
        Comparable<?> also = Yield.value("a Comparable Number");
        return Yield.done(got + 1);
    }

    @Generator
    public static Coroutine<Integer, Void, Integer> counter(int n) {
        for (int i = 0; i < n; i++) {
            Yield.value(i);
        }
        return Yield.done(n);
    }

    @Generator
    public static Iterable<Number> delegations(Names names) {
        Number total = Yield.all(counter(2));
        Comparable<Integer> same = Yield.all(counter(1));
        Yield.value(total.intValue() + same.compareTo(0));
        Yield.all(List.of(1, 2L));
        Yield.all(Collections.emptyList());
        Yield.all(subtypes());
        return Yield.done();
    }

    @Generator
    public static Iterable<CharSequence> inherited(Names names, Map<String, Integer> counts) {
        Yield.all(names);
        Yield.all(counts.keySet().iterator());
        return Yield.done();
    }

    @Generator
    public static Iterable<Comparable<?>> varargs(String[] words) {
        Yield.all(Arrays.asList(1, "mixed"));
        Yield.all(Arrays.asList(words));
        Yield.all(List.of(1, 2, 3).stream().iterator());
        return Yield.done();
    }

    @Generator
    public static Iterable<Integer> nulls() {
        String none = null;
        Yield.value(none);
        Yield.value(null);
        return Yield.done(null);
    }

    @Generator
    public static <K extends Comparable<K>, V> Iterator<K> keys(Map<K, V> map) {
        Yield.all(map.keySet());
        for (Map.Entry<K, V> entry : map.entrySet()) {
            Yield.value(entry.getKey());
        }
        return Yield.done();
    }

    @Generator
    public static Iterable<Entry<String, Integer>> entries(Map<String, Integer> counts) {
        Yield.all(counts.entrySet());
        return Yield.done();
    }
}
