package validation;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;

/**
 * String concatenation with yields inside. On release 8 the operands go through a StringBuilder
 * that is on the stack at the yield; on 9+ javac pushes every operand and ends with one
 * invokedynamic makeConcatWithConstants, so the earlier operands are on the stack at the yield.
 */
public final class Concat {

    private Concat() {
    }

    @Generator
    public static Coroutine<Object, Object, String> concat(String name, int n) {
        String s = "<" + name + ":" + Yield.value("first") + "|" + n + ">";
        Yield.value(s);
        long big = 1L << 33;
        char c = 'c';
        double d = 0.5;
        Object nothing = null;
        String t = c + "" + big + Yield.value(s.length()) + d + nothing + true + 'x' + 2.5f;
        Yield.value(t);
        return Yield.done(Yield.value("last") + "!" + Yield.value("really last"));
    }

    /** Compound assignment: s = s + yield; char + int before the first string is arithmetic. */
    @Generator
    public static Coroutine<String, Object, String> accumulate(int rounds) {
        String s = "";
        for (int i = 0; i < rounds; i++) {
            s += Yield.value(s) + ",";
        }
        String t = 'a' + 1 + "|" + 'a' + 1;
        return Yield.done(s + t);
    }

    /** A yield as the first operand, and a long concatenation with a yield in the middle. */
    @Generator
    public static Iterable<String> manyOperands(int a, long b, String c) {
        Yield.value(Yield.value("head") + "-" + a + "-" + b + "-" + c);
        String all = a + "" + a + b + b + c + c + a + b + c + a + b + c + a + b + c + a + b + c
                + Yield.value("mid") + a + b + c + a + b + c + a + b + c;
        Yield.value(all);
        return Yield.done();
    }
}
