package validation;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Yields in the middle of expressions: operands of every width are on the stack at the yield. */
public final class Expressions {

    private int total;

    private static String combine(long a, Object b, double c, int d) {
        return a + "|" + b + "|" + c + "|" + d;
    }

    public int total() {
        return total;
    }

    @Generator
    public static Coroutine<Object, Object, String> arguments() {
        String s = combine(1L << 40, Yield.value("b"), 2.5, Yield.<Integer>value("d"));
        return Yield.done(s);
    }

    /** Yields in both branches of a ?:, and in && and || operands. */
    @Generator
    public static Coroutine<Object, Object, String> conditionals(boolean left) {
        Object chosen = left ? Yield.value("left?") : Yield.value("right?");
        boolean both = Yield.value("a?") != null && Yield.value("b?") != null;
        boolean either = Yield.value("c?") != null || Yield.value("d?") != null;
        return Yield.done(chosen + " " + both + " " + either);
    }

    /** Array element and field compound assignments: array, index and old value wait on the stack. */
    @Generator
    public Coroutine<String, Integer, String> compound(int[] array) {
        for (int i = 0; i < array.length; i++) {
            array[i] += Yield.<Integer>value("add to " + i);
        }
        total += Yield.<Integer>value("add to total");
        this.total *= Yield.<Integer>value("multiply total");
        long[] longs = {10L};
        longs[0] -= Yield.<Integer>value("subtract");
        return Yield.done(total + " " + longs[0]);
    }

    /** Pre- and post-increments of locals and fields around yields, and casts of yielded values. */
    @Generator
    public Coroutine<Object, Object, String> increments() {
        int i = 5;
        long l = 7;
        Yield.value(i++ + Yield.<Integer>value("one"));
        Yield.value(++l * Yield.<Integer>value("two"));
        Yield.value(total++);
        Object o = Yield.value("three");
        String kind = o instanceof String ? "string " + ((String) o).length() : "other " + o;
        return Yield.done(i + " " + l + " " + total + " " + kind);
    }

    /** Boxing into a list, Math.max over two yields, an assert (surefire runs with -ea). */
    @Generator
    public static Coroutine<Object, Integer, List<Integer>> boxing(int n) {
        assert n >= 0 : "negative " + n;
        List<Integer> list = new ArrayList<Integer>();
        for (int i = 0; i < n; i++) {
            list.add(Yield.<Integer>value(i));
        }
        list.add(Math.max(Yield.<Integer>value("x"), Yield.<Integer>value("y")));
        return Yield.done(list);
    }

    /** A checked exception thrown after a resume propagates unchanged. */
    @Generator
    public static Iterable<String> checked(String path) throws IOException {
        Yield.value("opening " + path);
        if (path.isEmpty()) {
            throw new IOException("empty path");
        }
        Yield.value("opened " + path);
        return Yield.done();
    }

    /** Wide values (long, double) under a conditional whose branches yield and merge again. */
    @Generator
    public static Coroutine<Object, Object, String> wideUnderConditionals(boolean flag, String prefix) {
        long big = 1L << 35;
        long v = big + (flag ? Yield.<Long>value("long?") : 5L);
        double d = 0.25 * (flag ? 2.0 : Yield.<Double>value("double?"));
        String s = prefix + (flag ? Yield.value("a?") : "b") + big + (!flag ? Yield.value("c?") : "d") + d;
        return Yield.done(combine(v, flag ? Yield.value("arg?") : s, d, (int) v));
    }

    /** Exceptions caught and handled in a loop: continue from a catch, a yield in a nested catch. */
    @Generator
    public static Iterable<String> catchesInALoop(String... numbers) {
        int sum = 0;
        for (String n : numbers) {
            try {
                sum += Integer.parseInt(n);
                Yield.value("sum " + sum);
            } catch (NumberFormatException e) {
                try {
                    sum += Integer.parseInt(n.trim());
                    Yield.value("trimmed " + sum);
                } catch (NumberFormatException again) {
                    Yield.value("skipped " + n.trim());
                    continue;
                } finally {
                    Yield.value("inner finally");
                }
                Yield.value("recovered");
            }
        }
        return Yield.done();
    }
}
