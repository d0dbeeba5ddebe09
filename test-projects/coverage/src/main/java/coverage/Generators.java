package coverage;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Generators and what JaCoCo must report of each line after GeneratorsTest, in the comment beside
 * it, in JaCoCo's own validation-test style: assertFullyCovered(), assertPartlyCovered(missed
 * branches, covered branches), assertNotCovered(), with no arguments for a line without branches.
 * The status is that of the line's instructions (a line whose code all ran is fully covered even
 * with a branch missed). A line without such a comment must not appear in the report at all.
 */
final class Generators {

    /** Every line runs and every branch is taken. */
    @Generator
    static Iterable<Integer> evens(int n) {
        for (int i = 0; i < n; i++) {                   // assertFullyCovered(0, 2)
            if (i % 2 == 0) {                           // assertFullyCovered(0, 2)
                Yield.value(i);                         // assertFullyCovered()
            }
        }
        return Yield.done();                            // assertFullyCovered()
    }

    /** No test gives a negative value: that branch, and only it, is missed. */
    @Generator
    static Iterator<String> signs(int[] values) {
        for (int value : values) {                      // assertFullyCovered(0, 2)
            if (value < 0) {                            // assertFullyCovered(1, 1)
                throw new IllegalArgumentException("negative: " + value); // assertNotCovered()
            }
            Yield.value(value == 0 ? "zero" : "positive"); // assertFullyCovered(0, 2)
        }
        return Yield.done();                            // assertFullyCovered()
    }

    /** No test passes the limit: the yield in that branch never runs. */
    @Generator
    static Iterator<Integer> clipped(int[] values, int limit) {
        for (int value : values) {                      // assertFullyCovered(0, 2)
            if (value > limit) {                        // assertFullyCovered(1, 1)
                Yield.value(limit);                     // assertNotCovered()
            } else {
                Yield.value(value);                     // assertFullyCovered()
            }
        }
        return Yield.done();                            // assertFullyCovered()
    }

    /** Called by no test. */
    @Generator
    static Iterator<String> neverCalled(String word) {
        for (char c : word.toCharArray()) {             // assertNotCovered(2, 0)
            Yield.value(String.valueOf(c));             // assertNotCovered()
        }
        return Yield.done();                            // assertNotCovered()
    }

    /** Called by a test that never iterates it: a call runs none of the body. */
    @Generator
    static Iterator<String> neverIterated(String word) {
        for (char c : word.toCharArray()) {             // assertNotCovered(2, 0)
            Yield.value(String.valueOf(c));             // assertNotCovered()
        }
        return Yield.done();                            // assertNotCovered()
    }

    /** A while loop and a delegation inside try/finally, all run. */
    @Generator
    static Iterator<String> guarded(List<String> log, int n) {
        int i = 0;                                      // assertFullyCovered()
        try {
            while (i < n) {                             // assertFullyCovered(0, 2)
                Yield.value("step " + i);               // assertFullyCovered()
                i++;                                    // assertFullyCovered()
            }
            Yield.all(List.of("a", "b"));               // assertFullyCovered()
        } finally {
            log.add("closed after " + i);               // assertFullyCovered()
        }
        return Yield.done();                            // assertFullyCovered()
    }

    /**
     * Its last act is a delegation to another generator: the line after it runs when that one
     * returns, as written, though without an agent the runtime ends it there without running it.
     */
    @Generator
    static Iterator<Integer> framedEvens(int n) {
        Yield.value(-1);                                // assertFullyCovered()
        Yield.all(evens(n));                            // assertFullyCovered()
        return Yield.done();                            // assertFullyCovered()
    }

    /** A coroutine that sums what it is sent, with a switch, until it is sent null. */
    @Generator
    static Coroutine<Integer, Integer, List<String>> summing() {
        List<String> seen = new ArrayList<>();          // assertFullyCovered()
        int sum = 0;                                    // assertFullyCovered()
        Integer next = Yield.value(sum);                // assertFullyCovered()
        while (next != null) {                          // assertFullyCovered(0, 2)
            switch (next) {                             // assertFullyCovered(1, 2)
                case 0 -> seen.add("zero");             // assertFullyCovered()
                case 1 -> seen.add("one");              // assertNotCovered()
                default -> seen.add("many");            // assertFullyCovered()
            }
            sum += next;                                // assertFullyCovered()
            next = Yield.value(sum);                    // assertFullyCovered()
        }
        return Yield.done(seen);                        // assertFullyCovered()
    }

    private final String name;

    Generators(String name) {                           // assertFullyCovered()
        this.name = name;                               // assertFullyCovered()
    }                                                   // assertFullyCovered()

    /** An instance generator whose catch never runs. */
    @Generator
    Iterator<String> greetings(List<String> people) {
        for (String person : people) {                  // assertFullyCovered(0, 2)
            try {
                Yield.value(name + " greets " + person); // assertFullyCovered()
            } catch (IllegalStateException e) {         // assertNotCovered()
                Yield.value("failed: " + e.getMessage()); // assertNotCovered()
            }                                           // assertFullyCovered()
        }                                               // assertFullyCovered()
        return Yield.done();                            // assertFullyCovered()
    }

    /** Left suspended at its first yield: that line ran up to the yield, as a call that never returned. */
    @Generator
    static Iterator<Integer> leftAtTheFirstYield() {
        Yield.value(1);                                 // assertPartlyCovered()
        Yield.value(2);                                 // assertNotCovered()
        return Yield.done();                            // assertNotCovered()
    }
}
