package example;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

public class Mistyped {

    private final List<String> names = new ArrayList<>();

    // A yield: an int, boxed as Integer, into Longs.
    @Generator
    static Iterable<Long> upTo(int n) {
        for (int i = 0; i < n; i++) {
            Yield.value(i);
        }
        return Yield.done();
    }

    // A yield: a String into Integers.
    @Generator
    static Iterator<Integer> words() {
        Yield.value("one");
        return Yield.done();
    }

    // A yield into a type variable, which stands for its bound.
    @Generator
    static <T extends Number> Stream<T> numbers() {
        Yield.value("seven");
        return Yield.done();
    }

    // A send: the consumer sends Integers, the body takes a String.
    @Generator
    static Coroutine<String, Integer, Void> echo() {
        String got = Yield.value("ready");
        return Yield.done();
    }

    // A result: R is String, the body returns an Integer.
    @Generator
    static Coroutine<Integer, Void, String> count() {
        Yield.value(1);
        return Yield.done(42);
    }

    @Generator
    static Iterable<String> letters() {
        Yield.value("a");
        return Yield.done();
    }

    // A delegation to a generator of Strings from one of Integers.
    @Generator
    static Iterable<Integer> delegates() {
        Yield.all(letters());
        return Yield.done();
    }

    // A delegation to a list whose element type javac inferred from the arguments.
    @Generator
    static Iterable<Integer> fromAList() {
        Yield.all(List.of("a", "b"));
        return Yield.done();
    }

    // A delegation to a field's iterator.
    @Generator
    Iterator<Integer> fromAField() {
        Yield.all(names.iterator());
        return Yield.done();
    }

    @Generator
    static Coroutine<Integer, Void, Integer> counter() {
        Yield.value(1);
        return Yield.done(1);
    }

    // A delegation whose result, an Integer, is taken as a String.
    @Generator
    static Iterable<Integer> takesTheResult() {
        String total = (String) (Object) Yield.all(counter());
        return Yield.done();
    }

    @Generator
    static Iterable<Integer> fine() {
        Yield.value(1);
        return Yield.done();
    }
}
