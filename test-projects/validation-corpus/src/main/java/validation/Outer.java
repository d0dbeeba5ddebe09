package validation;

import dev.generators.Generator;
import dev.generators.Yield;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Generators in nested classes: an inner class reading its outer instance's private field
 * (javac 8 through a synthetic accessor, 11+ as a nestmate), a static nested class, a private
 * nested class.
 */
public final class Outer {

    private final String name;
    private static int created;

    public Outer(String name) {
        this.name = name;
        created++;
    }

    private String secret() {
        return "secret of " + name;
    }

    public Inner inner(int times) {
        return new Inner(times);
    }

    public static int created() {
        return created;
    }

    /** A non-static member class. */
    public final class Inner {
        private final int times;

        Inner(int times) {
            this.times = times;
        }

        @Generator
        public Iterable<Object> greetings() {
            for (int i = 0; i < times; i++) {
                Yield.value("hello " + name + " " + i);
            }
            Yield.value(secret());
            Yield.value(Outer.this.name.length());
            return Yield.done();
        }

        /** Deeper: an inner class of the inner class. */
        public final class Deeper {
            @Generator
            public Iterator<String> path() {
                Yield.value(name);
                Yield.value(String.valueOf(times));
                Yield.value(secret());
                return Yield.done();
            }
        }
    }

    /** A static nested class whose generator creates instances of the outer class. */
    public static final class Nested {
        @Generator
        public static Stream<String> names(String... names) {
            for (String n : names) {
                Outer o = new Outer(n);
                Yield.value(o.name);
            }
            return Yield.done();
        }
    }

    private static final class Hidden {
        private final int base;

        private Hidden(int base) {
            this.base = base;
        }

        @Generator
        private Iterable<Integer> values() {
            Yield.value(base);
            Yield.value(base + 1);
            return Yield.done();
        }
    }

    public static Iterable<Integer> hidden(int base) {
        return new Hidden(base).values();
    }
}
