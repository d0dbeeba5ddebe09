package shapes;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Yields nested inside expressions, so that values wait on the operand stack across the
 * suspension. Consumed with a plain next(), each {@code Yield.value} evaluates to null.
 */
public final class Expressions {

    private Expressions() {
    }

    public static String join(Object a, Object b, Object c) {
        return a + "|" + b + "|" + c;
    }

    public static String wide(long a, String s, Object o, double d) {
        return a + "/" + s + "/" + o + "/" + d;
    }

    static int orElse(Object value, int fallback) {
        return value == null ? fallback : (Integer) value;
    }

    public record Pair(Object left, Object right) {
    }

    public static final class Box {
        private final Object content;

        public Box(Object content) {
            this.content = content;
        }

        @Override
        public String toString() {
            return "Box(" + content + ")";
        }
    }

    /** {@code f(a, Yield.value(b), c)}: a is on the stack during the yield, c is evaluated after. */
    @Generator
    public static Iterable<String> callArguments(List<String> log) {
        Yield.value(join(note(log, "a"), Yield.value("b"), note(log, "c")));
        return Yield.done();
    }

    private static String note(List<String> log, String s) {
        log.add(s);
        return s;
    }

    /** A long, a String and a double around a yield in an argument list. */
    @Generator
    public static Iterable<String> wideArguments() {
        long big = 1L << 50;
        Yield.value(wide(big + 1, "s", Yield.value("middle"), 0.25));
        return Yield.done();
    }

    /** {@code s + Yield.value(x)}: string concatenation with the left part waiting. */
    @Generator
    public static Iterable<String> concatenation(String prefix) {
        String s = prefix + "-";
        Yield.value(s + Yield.value("x") + "-" + prefix.length());
        return Yield.done();
    }

    /** {@code list.add(Yield.value(x))}: the receiver waits on the stack. */
    @Generator
    public static Iterable<Object> listAdd() {
        List<Object> list = new ArrayList<>();
        list.add("first");
        list.add(Yield.value("x"));
        list.add(1, Yield.value("y"));
        Yield.value(list);
        return Yield.done();
    }

    /** {@code new Foo(a, Yield.value(b))}: an unconstructed object is pending at the yield. */
    @Generator
    public static Iterable<Object> constructorArguments() {
        String a = "left";
        Pair p = new Pair(a, Yield.value("b"));
        Yield.value(p);
        return Yield.done();
    }

    /** {@code new A(new B(Yield.value(x)))}: two unconstructed objects pending at once. */
    @Generator
    public static Iterable<Object> nestedConstructors() {
        Object o = new Pair("outer", new Box(Yield.value("inner")));
        Yield.value(o);
        Yield.value(new Box(new Box(new Pair(Yield.value("deep"), 7))));
        return Yield.done();
    }

    /** A long and a double under a yield: {@code long z = big + ...}. */
    @Generator
    public static Iterable<Object> wideValuesBelowYield() {
        long big = 1L << 40;
        long z = big + Objects.requireNonNullElse(Yield.<Long>value("need a long"), 5L);
        Yield.value(z);
        double half = 0.5;
        double w = half * Objects.requireNonNullElse(Yield.<Double>value("need a double"), 4.0) + 1;
        Yield.value(w);
        int i = 3;
        long mixed = i * (big - Objects.requireNonNullElse(Yield.<Long>value("again"), 1L));
        Yield.value(mixed);
        return Yield.done();
    }

    /** The same long arithmetic, with the value sent in. */
    @Generator
    public static Coroutine<String, Long, Long> sentLong(long big) {
        long z = big + Yield.<Long>value("need a long");
        double d = z / 2.0 + Yield.<Long>value("need another");
        return Yield.done((long) d);
    }

    /** Array stores: the array and the index wait on the stack while the value is yielded for. */
    @Generator
    public static Iterable<String> arrayStores(int n) {
        Object[] objects = new Object[n];
        int[] ints = new int[n];
        long[] longs = new long[n];
        for (int i = 0; i < n; i++) {
            objects[i] = Yield.value("o" + i);
            ints[i] = orElse(Yield.value("i" + i), i * 10);
            longs[i] = 1L + orElse(Yield.value("l" + i), i);
        }
        Yield.value(Arrays.toString(objects) + Arrays.toString(ints) + Arrays.toString(longs));
        return Yield.done();
    }

    /** A compound assignment to an array element: array, index and old value all wait. */
    @Generator
    public static Iterable<String> compoundArrayAssignment() {
        int[] counts = {10, 20, 30};
        for (int i = 0; i < counts.length; i++) {
            counts[i] += orElse(Yield.value("add to " + i), i + 1);
        }
        Yield.value(Arrays.toString(counts));
        return Yield.done();
    }

    /** An array initializer with a yield in the middle element. */
    @Generator
    public static Iterable<String> arrayInitializer() {
        int[] a = {1, orElse(Yield.value("middle"), 2), 3};
        String[] s = {"x", Yield.value("second"), "z"};
        Yield.value(Arrays.toString(a) + Arrays.toString(s));
        return Yield.done();
    }

    /** Yields in both operands and in nested calls. */
    @Generator
    public static Iterable<String> yieldsInSeveralOperands() {
        String r = join(Yield.value("1"), join(Yield.value("2"), "k", Yield.value("3")), Yield.value("4"));
        Yield.value(r);
        int m = Math.max(5, orElse(Yield.value("max"), 9)) + Math.min(orElse(Yield.value("min"), -1), 0);
        Yield.value("m=" + m);
        return Yield.done();
    }

    /** A StringBuilder receiver chained across yields. */
    @Generator
    public static Iterable<String> builderChain() {
        StringBuilder sb = new StringBuilder("<");
        sb.append((Object) Yield.value("p")).append('-').append((Object) Yield.value("q")).append('>');
        Yield.value(sb.toString());
        return Yield.done();
    }

    /** {@code instanceof} pattern on a sent value. */
    @Generator
    public static Coroutine<String, Object, String> classify() {
        List<String> seen = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            if (Yield.value("what is " + k + "?") instanceof Integer n && n > 3) {
                seen.add("big int " + n);
            } else {
                seen.add("other");
            }
        }
        return Yield.done(String.join(",", seen));
    }

    /**
     * Python's {@code d[(yield "a")] = d[(yield "b")] = 27}. Java evaluates the left index before the
     * right-hand side, and stores right to left: both stores happen after the second send.
     */
    @Generator
    public static Coroutine<String, Integer, Object> chainedIndexAssignment(int[] d) {
        d[Yield.<Integer>value("a")] = d[Yield.<Integer>value("b")] = 27;
        return Yield.done();
    }

    /** A yield as a cast operand, then unboxed: the value is sent in. */
    @Generator
    public static Coroutine<String, Object, Integer> castAndUnbox(int base) {
        int total = base;
        total += (Integer) Yield.value("first");
        total *= (Integer) Yield.value("second");
        return Yield.done(total);
    }
}
