package validation;

import dev.generators.Generator;
import dev.generators.Yield;
import java.util.Iterator;
import java.util.function.Function;

/** Generators as interface default and static methods (Java 8 interfaces: no private methods). */
public interface Shape {

    int sides();

    String name();

    @Generator
    default Iterable<String> describe() {
        for (int i = 1; i <= sides(); i++) {
            Yield.value(name() + " side " + i);
        }
        Function<String, String> upper = s -> s.toUpperCase() + sides();
        Yield.value(upper.apply(name()));
        return Yield.done();
    }

    @Generator
    static Iterator<Shape> regular(int from, int to) {
        for (int n = from; n <= to; n++) {
            final int sides = n;
            Yield.value(new Shape() {
                @Override
                public int sides() {
                    return sides;
                }

                @Override
                public String name() {
                    return sides + "-gon";
                }
            });
        }
        return Yield.done();
    }

    /** A generic default method generator over a generic interface. */
    interface Seq<T> {
        T get(int i);

        int size();

        @Generator
        default Iterable<T> reversed() {
            for (int i = size() - 1; i >= 0; i--) {
                Yield.value(get(i));
            }
            return Yield.done();
        }

        @Generator
        default <U> Iterable<U> map(Function<? super T, ? extends U> f) {
            for (T t : reversed()) {
                Yield.value(f.apply(t));
            }
            return Yield.done();
        }
    }
}
