package validation;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import java.util.Arrays;
import java.util.List;

/**
 * Yields inside constructor arguments: the uninitialized object is on the operand stack at the
 * yield. javac emits NEW, DUP, args, INVOKESPECIAL, POP for a statement {@code new Foo(...);};
 * ECJ emits NEW, args, INVOKESPECIAL with no DUP at all. An inner class adds the outer instance
 * and its null check ({@code getClass()} on 8, {@code Objects.requireNonNull} on 9+).
 */
public final class Constructors {

    /** Logs its construction, so that a discarded {@code new Foo(...)} is not dead code. */
    public static final class Foo {
        final Object value;

        public Foo(List<String> log, Object value) {
            this.value = value;
            log.add("Foo(" + value + ")");
        }
    }

    public static final class Pair {
        final Object first;
        final Object second;

        public Pair(Object first, Object second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public String toString() {
            return "(" + first + ", " + second + ")";
        }
    }

    /** An inner class: creating one needs an outer instance. */
    public final class Inner {
        final Object value;

        public Inner(Object value) {
            this.value = value;
        }

        @Override
        public String toString() {
            return prefix + value;
        }
    }

    /** Anonymous subclasses of this one are created inside a generator. */
    public abstract static class Base {
        final Object value;

        protected Base(Object value) {
            this.value = value;
        }

        abstract String show();
    }

    private final String prefix;

    public Constructors(String prefix) {
        this.prefix = prefix;
    }

    /** Statement expressions whose object is discarded: ECJ's NEW without DUP. */
    @Generator
    public static Coroutine<String, Object, Void> discarded(List<String> log, String a, String b) {
        new Foo(log, Yield.value(a));
        log.add("between");
        new Foo(log, Yield.value(b));
        new Foo(log, "no yield");
        return Yield.done();
    }

    /** The same, run as a plain Iterable: every yield evaluates to null. */
    @Generator
    public static Iterable<String> discardedIterable(List<String> log, int n) {
        for (int i = 0; i < n; i++) {
            new Foo(log, Yield.value("v" + i) + "/" + i);
        }
        return Yield.done();
    }

    /** Two uninitialized objects on the stack at once, and several yields in one expression. */
    @Generator
    public static Coroutine<String, Object, String> nested() {
        Pair p = new Pair(Yield.value("first"), new Pair(Yield.value("second"), Yield.value("third")));
        Yield.value(p.toString());
        return Yield.done(new Pair(p, new Pair(Yield.value("last"), null)).toString());
    }

    /** other.new Inner(...): the outer instance is null-checked before the yield. */
    @Generator
    public Coroutine<String, Object, Void> inners(Constructors other, int n) {
        for (int i = 0; i < n; i++) {
            Inner x = other.new Inner(Yield.value("inner " + i));
            Inner y = new Inner(x);
            Yield.value(y.toString());
        }
        return Yield.done();
    }

    /** An anonymous class whose constructor argument is a yield; its body does not yield. */
    @Generator
    public static Coroutine<String, Object, Void> anonymous(final String suffix) {
        Base b = new Base(Yield.value("anon")) {
            @Override
            String show() {
                return "anon:" + value + suffix;
            }
        };
        Yield.value(b.show());
        return Yield.done();
    }

    /** Array creation with yields for elements, and a yield for the length. */
    @Generator
    public static Coroutine<String, Object, Void> arrays() {
        Object[] objects = new Object[] {"a", Yield.value("x"), "c", Yield.value("y")};
        Yield.value(Arrays.toString(objects));
        int[] ints = new int[Yield.<Integer>value("length")];
        ints[ints.length - 1] = Yield.<Integer>value("last");
        Yield.value(Arrays.toString(ints));
        long[][] grid = new long[2][Yield.<Integer>value("columns")];
        Yield.value(grid.length + "x" + grid[1].length);
        return Yield.done();
    }

    /** A chain on a fresh object, with a yield in every call. */
    @Generator
    public static Coroutine<String, Object, Void> builder() {
        String s = new StringBuilder(String.valueOf(Yield.<Object>value("start")))
                .append(Yield.<String>value("a"))
                .append('-')
                .append(Yield.<Object>value("b"))
                .reverse()
                .toString();
        Yield.value(s);
        return Yield.done();
    }
}
