package shapes;

import dev.generators.Generator;
import dev.generators.Yield;
import java.util.ArrayList;
import java.util.List;

/** Generators in a nested static class and in an inner class that uses its outer instance. */
public class Outer {

    private final String prefix;
    private int created;
    private static int secret = 42;

    public Outer(String prefix) {
        this.prefix = prefix;
    }

    private String decorate(String s) {
        return prefix + s;
    }

    public int created() {
        return created;
    }

    public Inner inner(int times) {
        return new Inner(times);
    }

    public static class Nested {
        private final List<String> seen = new ArrayList<>();

        /** Reads a private static field of the enclosing class. */
        @Generator
        public Iterable<String> withSecret(int n) {
            for (int i = 0; i < n; i++) {
                Yield.value("secret " + (secret + i));
                seen.add("s" + i);
            }
            Yield.value("seen " + seen);
            return Yield.done();
        }

        /** A static generator in a nested class. */
        @Generator
        public static Iterable<String> staticInNested(String s) {
            Yield.value(s);
            Yield.value(s + s);
            return Yield.done();
        }

        /** A class nested two levels deep. */
        public static final class Deeper {
            @Generator
            public static Iterable<Integer> depth() {
                Yield.value(1);
                Yield.value(2);
                Yield.value(3);
                return Yield.done();
            }
        }
    }

    public class Inner {
        private final int times;

        Inner(int times) {
            this.times = times;
        }

        /** Uses Outer.this: a private field, a private method, and writes to an outer field. */
        @Generator
        public Iterable<String> decorated(String word) {
            for (int i = 0; i < times; i++) {
                created++;
                Yield.value(decorate(word + i));
            }
            Yield.value(Outer.this.prefix + "created " + created);
            return Yield.done();
        }
    }
}
