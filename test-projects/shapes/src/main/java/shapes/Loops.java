package shapes;

import dev.generators.Generator;
import dev.generators.Yield;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Yields inside every kind of loop, nested, and with labeled jumps. */
public final class Loops {

    private Loops() {
    }

    /** Python: {@code for i in range(n): for j in range(i): yield (i, j)}. */
    @Generator
    public static Iterable<String> pairsBelowDiagonal(int n) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                Yield.value(i + "," + j);
            }
        }
        return Yield.done();
    }

    /** The Collatz sequence of {@code n} with a while loop. */
    @Generator
    public static Iterable<Long> collatz(long n) {
        Yield.value(n);
        while (n != 1) {
            n = n % 2 == 0 ? n / 2 : 3 * n + 1;
            Yield.value(n);
        }
        return Yield.done();
    }

    /** A do-while runs its body once even when the condition is false at first. */
    @Generator
    public static Iterable<Integer> doWhile(int start, int limit) {
        int k = start;
        do {
            Yield.value(k);
            k += 2;
        } while (k < limit);
        return Yield.done();
    }

    /** A while inside a do-while inside a for: every loop shape in one nest. */
    @Generator
    public static Iterable<String> threeLoopKinds(int rows) {
        for (int r = 0; r < rows; r++) {
            int c = 0;
            do {
                int k = 0;
                while (k < c) {
                    Yield.value(r + "" + c + "" + k);
                    k++;
                }
                c++;
            } while (c < 3);
        }
        return Yield.done();
    }

    /** For-each over a list of lists. */
    @Generator
    public static Iterable<String> forEachList(List<List<String>> rows) {
        int r = 0;
        for (List<String> row : rows) {
            for (String cell : row) {
                Yield.value(r + ":" + cell);
            }
            r++;
        }
        return Yield.done();
    }

    /** For-each over an int[] and a String[] (the array and index live in hidden locals). */
    @Generator
    public static Iterable<Object> forEachArrays(int[] numbers, String[] words) {
        for (int number : numbers) {
            for (String word : words) {
                Yield.value(word + number);
            }
        }
        for (char ch : words[0].toCharArray()) {
            Yield.value(ch);
        }
        return Yield.done();
    }

    /** For-each over a map's entries. */
    @Generator
    public static Iterable<String> entries(Map<String, Integer> map) {
        for (Map.Entry<String, Integer> e : map.entrySet()) {
            Yield.value(e.getKey() + "=" + e.getValue());
        }
        return Yield.done();
    }

    /** Labeled continue and break across two loops. */
    @Generator
    public static Iterable<String> labeledJumps() {
        outer:
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                if (j == i) {
                    continue outer;
                }
                if (i * j > 6) {
                    break outer;
                }
                Yield.value(i + "" + j);
            }
        }
        Yield.value("end");
        return Yield.done();
    }

    /** A labeled block that is broken out of after a yield. */
    @Generator
    public static Iterable<String> labeledBlock(boolean leaveEarly) {
        block:
        {
            Yield.value("in");
            if (leaveEarly) {
                break block;
            }
            Yield.value("still in");
        }
        Yield.value("out");
        return Yield.done();
    }

    /** A yield in the loop condition: stops after the yielded value comes back non-null or n runs out. */
    @Generator
    public static Iterable<String> yieldInLoopCondition(int n) {
        int rounds = 0;
        while (Yield.value("tick " + rounds) == null && rounds < n) {
            rounds++;
        }
        Yield.value("rounds " + rounds);
        return Yield.done();
    }

    /** A yield in a for-loop update clause. */
    @Generator
    public static Iterable<String> yieldInForUpdate(int n) {
        for (int i = 0; i < n; i++, Yield.value("update")) {
            Yield.value("body " + i);
        }
        return Yield.done();
    }

    /** Python's {@code for x in it: if ...: break else: ...}, done with an explicit Iterator. */
    @Generator
    public static Iterable<String> searchWithIterator(List<Integer> numbers, int wanted) {
        Iterator<Integer> it = numbers.iterator();
        boolean found = false;
        while (it.hasNext()) {
            int n = it.next();
            Yield.value("saw " + n);
            if (n == wanted) {
                found = true;
                break;
            }
        }
        Yield.value(found ? "found" : "not found");
        return Yield.done();
    }

    /** An infinite generator written with {@code while (true)} and no return at all. */
    @Generator
    public static Iterator<Integer> forever(int start) {
        int i = start;
        while (true) {
            Yield.value(i);
            i++;
        }
    }
}
