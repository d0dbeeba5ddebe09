package shapes;

import dev.generators.Generator;
import dev.generators.Yield;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Locals and parameters of every type, each read after a suspension. */
public final class Locals {

    private Locals() {
    }

    /** One local of each primitive type, each changed after a yield and yielded again. */
    @Generator
    public static Iterable<Object> everyPrimitive() {
        int i = 41;
        long l = Long.MAX_VALUE - 1;
        double d = 0.5;
        float f = 1.25f;
        char c = 'y';
        byte b = -128;
        short s = 32000;
        boolean z = false;
        Yield.value(i);
        i++;
        Yield.value(l);
        l++;
        Yield.value(d);
        d *= 3;
        Yield.value(f);
        f -= 2;
        Yield.value(c);
        c++;
        Yield.value(b);
        b--;
        Yield.value(s);
        s += 700;
        Yield.value(z);
        z = !z;
        Yield.value(i + " " + l + " " + d + " " + f + " " + c + " " + b + " " + s + " " + z);
        return Yield.done();
    }

    /** Edge values that a wrong slot width or a wrong conversion would spoil. */
    @Generator
    public static Iterable<Object> edgeValues() {
        long min = Long.MIN_VALUE;
        double nan = Double.NaN;
        double negativeZero = -0.0;
        float tiny = Float.MIN_VALUE;
        char last = '\uffff';
        long afterInt = 1L << 40;
        Yield.value(min);
        Yield.value(nan);
        Yield.value(negativeZero);
        Yield.value(tiny);
        Yield.value(last);
        Yield.value(afterInt + min);
        return Yield.done();
    }

    /** Parameters of each type, read both before and after suspensions, and changed in between. */
    @Generator
    public static Iterable<String> primitiveParameters(int i, long l, double d, float f, char c, byte b, short s,
            boolean z, String str) {
        Yield.value("i=" + i);
        Yield.value("l=" + l);
        l += i;
        Yield.value("d=" + d + " f=" + f);
        Yield.value("c=" + c + " b=" + b + " s=" + s + " z=" + z);
        str = str + "!";
        Yield.value(str);
        Yield.value("l=" + l + " i=" + i + " str=" + str);
        return Yield.done();
    }

    /** An int[] and a String[][] that the body changes between yields. */
    @Generator
    public static Iterable<String> arrays(int n) {
        int[] numbers = new int[n];
        String[][] grid = new String[2][];
        Yield.value(Arrays.toString(numbers));
        for (int k = 0; k < n; k++) {
            numbers[k] = k * k;
            Yield.value(Arrays.toString(numbers));
        }
        grid[0] = new String[] {"a", "b"};
        Yield.value(Arrays.deepToString(grid));
        grid[1] = new String[] {"c"};
        Yield.value(Arrays.deepToString(grid));
        long[] longs = {1L, 2L};
        double[][] doubles = {{0.5}, {1.5, 2.5}};
        Yield.value(Arrays.toString(longs) + Arrays.deepToString(doubles));
        return Yield.done();
    }

    /** Locals that hold null across a yield, of several reference types. */
    @Generator
    public static Iterable<String> nullLocals() {
        String s = null;
        Object o = null;
        Integer boxed = null;
        int[] array = null;
        List<String> list = null;
        Yield.value("s=" + s + " o=" + o + " boxed=" + boxed + " array=" + Arrays.toString(array) + " list=" + list);
        s = "now";
        boxed = 7;
        Yield.value("s=" + s + " boxed=" + boxed + " o=" + o);
        o = s;
        s = null;
        Yield.value("s=" + s + " o=" + o);
        return Yield.done();
    }

    /** Scopes that reuse the same local slot for different types, each holding a value across a yield. */
    @Generator
    public static Iterable<Object> slotReuse() {
        {
            int a = 10;
            Yield.value(a);
            Yield.value(a + 1);
        }
        {
            String b = "text";
            Yield.value(b);
            Yield.value(b.length());
        }
        {
            double c = 2.5;
            Yield.value(c);
            Yield.value(c * 2);
        }
        {
            Object d = new ArrayList<>(List.of("x"));
            Yield.value(d);
        }
        return Yield.done();
    }

    /** A local declared before a yield but assigned only after it (unset at the suspension). */
    @Generator
    public static Iterable<Integer> declaredBeforeAssignedAfter(boolean flag) {
        int x;
        long y;
        String s;
        Yield.value(0);
        if (flag) {
            x = 1;
            y = 2L;
            s = "3";
        } else {
            x = -1;
            y = -2L;
            s = "-3";
        }
        Yield.value(x);
        Yield.value((int) y);
        Yield.value(Integer.parseInt(s));
        return Yield.done();
    }

    /** Boxed values and wrapper arithmetic across yields. */
    @Generator
    public static Iterable<Object> boxedLocals() {
        Integer count = 0;
        Long total = 0L;
        Character letter = 'a';
        Boolean flag = Boolean.TRUE;
        for (int k = 0; k < 3; k++) {
            Yield.value(count + ":" + total + ":" + letter + ":" + flag);
            count++;
            total += count * 100L;
            letter++;
            flag = !flag;
        }
        return Yield.done();
    }
}
