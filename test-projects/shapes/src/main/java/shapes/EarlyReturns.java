package shapes;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import java.util.List;

/** {@code return Yield.done()} before the end of the body: in branches, loops, catch and finally blocks. */
public final class EarlyReturns {

    private EarlyReturns() {
    }

    /** A yield, then a return, inside a branch, with more yields after the branch. */
    @Generator
    public static Iterable<Integer> yieldThenReturnInABranch(int n) {
        if (n <= 1) {
            Yield.value(n);
            return Yield.done();
        }
        Yield.value(n);
        Yield.value(n * 10);
        return Yield.done();
    }

    /** A return before the first yield. */
    @Generator
    public static Iterable<Integer> returnBeforeAnyYield(boolean leave) {
        if (leave) {
            return Yield.done();
        }
        Yield.value(1);
        return Yield.done();
    }

    /** A return from a catch (Throwable) that covers a yield. */
    @Generator
    public static Iterable<Integer> returnFromCatchThrowable(boolean fail) {
        try {
            Yield.value(1);
            if (fail) {
                throw new IllegalStateException();
            }
            Yield.value(2);
        } catch (Throwable e) {
            Yield.value(-1);
            return Yield.done();
        }
        Yield.value(3);
        return Yield.done();
    }

    /** A return from a catch (RuntimeException), followed by more yields. */
    @Generator
    public static Iterable<String> returnFromCatchThenMoreYields(List<String> numbers) {
        for (String s : numbers) {
            try {
                Yield.value("parsed " + Integer.parseInt(s));
            } catch (NumberFormatException e) {
                return Yield.done();
            }
            Yield.value("after " + s);
        }
        return Yield.done();
    }

    /** A return from deep inside nested loops, with a result. */
    @Generator
    public static Coroutine<String, Object, String> findInGrid(int[][] grid, int wanted) {
        for (int r = 0; r < grid.length; r++) {
            for (int c = 0; c < grid[r].length; c++) {
                Yield.value(r + "," + c);
                if (grid[r][c] == wanted) {
                    return Yield.done("found at " + r + "," + c);
                }
            }
        }
        return Yield.done("not found");
    }

    /** A return with a result inside a try whose finally yields: the finally's value comes first. */
    @Generator
    public static Coroutine<Integer, Object, String> returnThroughYieldingFinally() {
        try {
            Yield.value(0);
            return Yield.done("r");
        } finally {
            Yield.value(1);
        }
    }

    /** A return inside a switch case. */
    @Generator
    public static Iterable<String> returnInsideSwitch(int[] keys) {
        for (int k : keys) {
            switch (k) {
                case 0:
                    Yield.value("zero, stop");
                    return Yield.done();
                case 1:
                    Yield.value("one");
                    break;
                default:
                    Yield.value("other");
            }
        }
        Yield.value("end");
        return Yield.done();
    }
}
