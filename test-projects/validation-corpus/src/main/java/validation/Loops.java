package validation;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import java.util.Iterator;
import java.util.List;

/** Nested and labeled loops, every primitive kind live across a yield, local slots reused. */
public final class Loops {

    private Loops() {
    }

    @Generator
    public static Iterable<String> labeled(int n) {
        outer:
        for (int i = 0; i < n; i++) {
            inner:
            for (int j = 0; j < n; j++) {
                if (j > i) {
                    continue outer;
                }
                if (i + j == 5) {
                    break outer;
                }
                if ((i + j) % 2 == 1) {
                    continue inner;
                }
                Yield.value(i + "," + j);
            }
        }
        Yield.value("done");
        return Yield.done();
    }

    /** A labeled block, a while with a labeled continue, a do-while. */
    @Generator
    public static Iterable<Integer> blocksAndWhiles(int limit) {
        block:
        {
            if (limit < 0) {
                break block;
            }
            Yield.value(-1);
        }
        int i = 0;
        scan:
        while (i < limit) {
            i++;
            int k = 0;
            do {
                k++;
                if (k == 2) {
                    continue scan;
                }
                Yield.value(i * 10 + k);
            } while (k < 3);
        }
        return Yield.done();
    }

    /** The loop's condition is a yield: it runs until "stop" is sent. */
    @Generator
    public static Coroutine<Integer, String, Integer> countUntilStop() {
        int count = 0;
        while (!"stop".equals(Yield.value(count))) {
            count++;
        }
        return Yield.done(count);
    }

    @Generator
    public static Iterable<Object> primitives(int seed) {
        boolean z = seed > 0;
        byte b = (byte) seed;
        short s = (short) (seed * 1000);
        char c = (char) ('A' + seed);
        int i = seed * 100000;
        long l = seed * 10000000000L;
        float f = seed / 4f;
        double d = seed / 8d;
        Object o = null;
        Yield.value("start");
        for (int round = 0; round < 2; round++) {
            Yield.value(z + " " + b + " " + s + " " + c + " " + i + " " + l + " " + f + " " + d + " " + o);
            z = !z;
            b++;
            s *= 2;
            c++;
            i -= 1;
            l <<= 1;
            f *= 2;
            d *= 2;
            o = round;
        }
        return Yield.done();
    }

    /** Blocks that reuse each other's local slots with different types. */
    @Generator
    public static Iterable<Object> slotReuse() {
        {
            int a = 1;
            Yield.value(a);
            a++;
            Yield.value(a);
        }
        {
            String s = "s";
            Yield.value(s);
            s += "t";
            Yield.value(s);
        }
        {
            double d = 1.5;
            Yield.value(d);
            d *= 2;
            Yield.value(d);
        }
        {
            long l = 1L << 40;
            Yield.value(l);
        }
        return Yield.done();
    }

    /** A local definitely assigned only after a yield. */
    @Generator
    public static Iterable<Object> assignedLater(boolean flag) {
        int x;
        String y;
        Yield.value("a");
        if (flag) {
            x = 1;
            y = "one";
        } else {
            x = 2;
            y = "two";
        }
        Yield.value(x);
        Yield.value(y);
        return Yield.done();
    }

    /** for-each over an array (compilers copy the array and its length to hidden locals) and a list. */
    @Generator
    public static Iterable<String> forEach(int[][] grid, List<String> names) {
        for (int[] row : grid) {
            for (int cell : row) {
                Yield.value("cell " + cell);
            }
            Yield.value("row");
        }
        for (String name : names) {
            for (char ch : name.toCharArray()) {
                Yield.value(String.valueOf(ch));
            }
        }
        return Yield.done();
    }

    /** An explicit iterator, removing as it goes. */
    @Generator
    public static Iterator<Integer> removing(List<Integer> numbers) {
        for (Iterator<Integer> it = numbers.iterator(); it.hasNext(); ) {
            Integer n = it.next();
            if (n % 2 == 0) {
                it.remove();
                continue;
            }
            Yield.value(n);
        }
        return Yield.done();
    }

    /** Steps too large for IINC's byte (WIDE IINC), counting down through a negative one. */
    @Generator
    public static Iterable<Integer> wideIncrement(int limit) {
        for (int i = 0; i < limit; i += 300) {
            Yield.value(i);
        }
        for (int j = limit; j > 0; j -= 1000) {
            Yield.value(-j);
        }
        return Yield.done();
    }
}
