package shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static shapes.Collect.firstn;
import static shapes.Collect.list;

import dev.generators.Coroutine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import shapes.PythonPorts.DisjointSet;
import shapes.PythonPorts.LazyList;

/** The values the doctests in CPython's Lib/test/test_generators.py show. */
class PythonPortsTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    // tutorial_tests

    @Test
    void simpleGeneratorThenFallingOffTheEndStops() {
        Iterator<Integer> g = PythonPorts.oneTwo();
        assertEquals(1, g.next());
        assertEquals(2, g.next());
        assertThrows(NoSuchElementException.class, g::next);
    }

    @Test
    void returnStopsTheGeneratorAndItCannotBeResumed() {
        Iterator<Integer> g = PythonPorts.returnStops(true);
        assertEquals(1, g.next());
        assertThrows(NoSuchElementException.class, g::next);
        assertThrows(NoSuchElementException.class, g::next);
        assertEquals(List.of(1, 2), list(PythonPorts.returnStops(false)));
    }

    @Test
    void returnInsideTryIsNotCaughtButAnExceptionIs() {
        assertEquals(List.of(), list(PythonPorts.g1()));
        assertEquals(List.of(42), list(PythonPorts.g2()));
    }

    @Test
    void finallyYieldsAfterAReturnInTheTry() {
        assertEquals(List.of(1), list(PythonPorts.g3()));
    }

    @Test
    void yrangeAndGeneratorsReturnToTheMostRecentCaller() {
        assertEquals(List.of(0, 1, 2, 3, 4), list(PythonPorts.yrange(5)));
        assertEquals(List.of("creator 0", "caller 1", "caller 2", "caller 3", "caller 4"), PythonPorts.caller());
        assertEquals(List.of(0, 1, 2, 3, 4), list(PythonPorts.zrange(5)));
    }

    // pep_tests

    @Test
    void exceptionPropagatesAndTheGeneratorCannotBeResumed() {
        Iterator<Integer> k = PythonPorts.propagates();
        assertThrows(ArithmeticException.class, k::next);
        assertThrows(NoSuchElementException.class, k::next);
    }

    @Test
    void specificationTryExceptFinally() {
        assertEquals(List.of(1, 2, 4, 5, 8, 9, 10, 11), list(PythonPorts.tryExceptFinally()));
    }

    @Test
    void guidosBinaryTreeRecursiveInorder() {
        PythonPorts.Tree t = PythonPorts.tree(ALPHABET);
        assertEquals(ALPHABET, String.join("", list(PythonPorts.inorder(t))));
    }

    @Test
    void guidosBinaryTreeNonRecursiveInorder() {
        PythonPorts.Tree t = PythonPorts.tree(ALPHABET);
        assertEquals(ALPHABET, String.join("", list(PythonPorts.inorderNonRecursive(t))));
        assertEquals("A", String.join("", list(PythonPorts.inorderNonRecursive(PythonPorts.tree("A")))));
    }

    @Test
    void yieldingNoneIsDifferentFromReturning() {
        assertEquals(Arrays.asList(null, null, null, null), list(PythonPorts.yieldsNone()));
    }

    @Test
    void explicitStopIterationInTryActsLikeAnyOtherException() {
        assertEquals(List.of(1, 2, 3), list(PythonPorts.stopIterationCaught()));
    }

    @Test
    void gcombGeneratesAllCombinations() {
        List<Integer> seq = List.of(1, 2, 3, 4);
        List<String> lines = new ArrayList<>();
        for (int k = 0; k < seq.size() + 2; k++) {
            lines.add(k + "-combs of " + seq + ":");
            for (List<Integer> c : PythonPorts.gcomb(seq, k)) {
                lines.add("    " + c);
            }
        }
        assertEquals(List.of(
                "0-combs of [1, 2, 3, 4]:", "    []",
                "1-combs of [1, 2, 3, 4]:", "    [1]", "    [2]", "    [3]", "    [4]",
                "2-combs of [1, 2, 3, 4]:", "    [1, 2]", "    [1, 3]", "    [1, 4]", "    [2, 3]", "    [2, 4]",
                "    [3, 4]",
                "3-combs of [1, 2, 3, 4]:", "    [1, 2, 3]", "    [1, 2, 4]", "    [1, 3, 4]", "    [2, 3, 4]",
                "4-combs of [1, 2, 3, 4]:", "    [1, 2, 3, 4]",
                "5-combs of [1, 2, 3, 4]:"), lines);
    }

    @Test
    void eppsteinsUnionFindWithLongLivedGenerators() {
        // The doctest merges at random; these merges are fixed, and the finds are what CPython prints for them.
        String names = "ABCDEFGH";
        List<DisjointSet> sets = new ArrayList<>();
        for (char c : names.toCharArray()) {
            sets.add(new DisjointSet(String.valueOf(c)));
        }
        String[][] merges = {{"B", "A"}, {"D", "C"}, {"A", "C"}, {"F", "E"}, {"H", "G"}, {"E", "G"}, {"C", "G"}};
        List<String> out = new ArrayList<>();
        out.add(sets.stream().map(s -> s.find().toString()).collect(Collectors.joining()));
        for (String[] m : merges) {
            sets.get(names.indexOf(m[0])).union(sets.get(names.indexOf(m[1])));
            out.add(sets.stream().map(s -> s.find().toString()).collect(Collectors.joining()));
        }
        assertEquals(List.of("ABCDEFGH", "AACDEFGH", "AACCEFGH", "CCCCEFGH", "CCCCEEGH", "CCCCEEGG", "CCCCGGGG",
                "GGGGGGGG"), out);
    }

    // fun_tests

    @Test
    void intsfromAndExcludeMultiples() {
        assertEquals(List.of(5L, 6L, 7L, 8L, 9L, 10L, 11L), firstn(PythonPorts.intsfrom(5), 7));
        assertEquals(List.of(1L, 2L, 4L, 5L, 7L, 8L),
                firstn(PythonPorts.excludeMultiples(3, PythonPorts.intsfrom(1)), 6));
    }

    @Test
    void recursiveSieveOfEratosthenes() {
        assertEquals(List.of(2L, 3L, 5L, 7L, 11L, 13L, 17L, 19L, 23L, 29L, 31L, 37L, 41L, 43L, 47L, 53L, 59L, 61L, 67L,
                71L), firstn(PythonPorts.sieve(PythonPorts.intsfrom(2)), 20));
    }

    @Test
    void timesAndMergeOfSortedGenerators() {
        assertEquals(List.of(10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, 100L),
                firstn(PythonPorts.times(10, PythonPorts.intsfrom(1)), 10));
        assertEquals(List.of(2L, 3L, 4L, 6L, 8L, 9L, 10L, 12L, 14L, 15L, 16L, 18L, 20L, 21L, 22L, 24L, 26L, 27L, 28L,
                30L), firstn(PythonPorts.merge(PythonPorts.times(2, PythonPorts.intsfrom(1)),
                        PythonPorts.times(3, PythonPorts.intsfrom(1))), 20));
    }

    private static final List<List<Long>> HAMMING = List.of(
            List.of(1L, 2L, 3L, 4L, 5L, 6L, 8L, 9L, 10L, 12L, 15L, 16L, 18L, 20L, 24L),
            List.of(25L, 27L, 30L, 32L, 36L, 40L, 45L, 48L, 50L, 54L, 60L, 64L, 72L, 75L, 80L),
            List.of(81L, 90L, 96L, 100L, 108L, 120L, 125L, 128L, 135L, 144L, 150L, 160L, 162L, 180L, 192L),
            List.of(200L, 216L, 225L, 240L, 243L, 250L, 256L, 270L, 288L, 300L, 320L, 324L, 360L, 375L, 384L),
            List.of(400L, 405L, 432L, 450L, 480L, 486L, 500L, 512L, 540L, 576L, 600L, 625L, 640L, 648L, 675L));

    @Test
    void naiveRecursiveHammingNumbers() {
        Iterator<Long> result = PythonPorts.m235();
        for (int i = 0; i < 3; i++) {
            assertEquals(HAMMING.get(i), firstn(result, 15));
        }
    }

    @Test
    void lazyListHammingNumbers() {
        LazyList<Long> m235 = new LazyList<>();
        m235.source(PythonPorts.m235Lazy(m235));
        for (int i = 0; i < 5; i++) {
            List<Long> row = new ArrayList<>();
            for (int j = 15 * i; j < 15 * (i + 1); j++) {
                row.add(m235.get(j));
            }
            assertEquals(HAMMING.get(i), row);
        }
    }

    @Test
    void lazyListFibonacci() {
        LazyList<Long> fib = new LazyList<>();
        fib.source(PythonPorts.fibgen(1, 2, fib));
        assertEquals(List.of(1L, 2L, 3L, 5L, 8L, 13L, 21L, 34L, 55L, 89L, 144L, 233L, 377L, 610L, 987L, 1597L, 2584L),
                firstn(fib.iterator(), 17));
    }

    // syntax_tests

    @Test
    void nestedTryWithYieldInExceptAndFinally() {
        assertEquals(List.of(12, 666), list(PythonPorts.nestedTrySyntax()));
    }

    @Test
    void generatorWhoseOnlyYieldIsDeadCodeYieldsNothing() {
        Iterator<Integer> it = PythonPorts.deadYield().iterator();
        assertTrue(it instanceof Coroutine);
        assertFalse(it.hasNext());
    }

    @Test
    void continueInsideTryWhoseFinallyYields() {
        assertEquals(List.of(0, 1, 2), list(PythonPorts.continueInTryFinallyYields()));
    }

    // conjoin_tests

    private static List<Supplier<? extends Iterable<?>>> bits(int n) {
        return Collections.nCopies(n, () -> List.of(0, 1));
    }

    @Test
    void conjoinGeneratesTheThreeBitBinaryNumbersInOrder() {
        List<String> lines = new ArrayList<>();
        for (Object[] c : PythonPorts.conjoin(bits(3))) {
            lines.add(Arrays.toString(c));
        }
        assertEquals(List.of("[0, 0, 0]", "[0, 0, 1]", "[0, 1, 0]", "[0, 1, 1]", "[1, 0, 0]", "[1, 0, 1]", "[1, 1, 0]",
                "[1, 1, 1]"), lines);
    }

    @Test
    void conjoinYieldsTheSameArrayEachTime() {
        Iterator<Object[]> it = PythonPorts.conjoin(bits(2)).iterator();
        assertSame(it.next(), it.next());
    }

    @Test
    void gencopyOfConjoinForZeroToNineNests() {
        List<String> lines = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            List<List<Object>> all = list(PythonPorts.gencopy(PythonPorts.conjoin(bits(n))));
            lines.add(n + " " + all.size() + " " + all.get(0).equals(Collections.nCopies(n, 0)) + " "
                    + all.get(all.size() - 1).equals(Collections.nCopies(n, 1)));
        }
        assertEquals(List.of("0 1 true true", "1 2 true true", "2 4 true true", "3 8 true true", "4 16 true true",
                "5 32 true true", "6 64 true true", "7 128 true true", "8 256 true true", "9 512 true true"), lines);
    }

    @Test
    void eightQueensHas92SolutionsAndTheFirstTwoMatchPython() {
        List<List<Object>> solutions = new ArrayList<>();
        for (Object[] row2col : new PythonPorts.Queens(8).solve()) {
            solutions.add(Arrays.asList(row2col.clone()));
        }
        assertEquals(92, solutions.size());
        assertEquals(List.of(0, 4, 7, 5, 2, 6, 1, 3), solutions.get(0));
        assertEquals(List.of(0, 5, 7, 2, 6, 3, 1, 4), solutions.get(1));
    }

    // coroutine_tests

    @Test
    void sendingAValueIntoAStartedGenerator() {
        List<String> out = new ArrayList<>();
        Coroutine<Integer, Object, Object> g = PythonPorts.printsSent(out);
        assertEquals(1, g.next());
        assertEquals(2, g.send(42));
        assertEquals(List.of("42"), out);
    }

    @Test
    void yieldExpressionWithAugmentedAssignment() {
        List<Integer> seq = new ArrayList<>();
        Coroutine<Object, Integer, Object> c = PythonPorts.augmented(seq);
        assertNull(c.next());
        assertEquals(List.of(), seq);
        assertNull(c.send(10));
        assertEquals(List.of(10), seq);
        assertNull(c.send(10));
        assertEquals(List.of(10, 20), seq);
        assertNull(c.send(10));
        assertEquals(List.of(10, 20, 30), seq);
    }

    @Test
    void throwConditions() {
        List<String> out = new ArrayList<>();
        Coroutine<Object, Object, Object> g = PythonPorts.catchesValueError(out);
        assertNull(g.next());
        assertNull(g.raise(new IllegalArgumentException("xyz")));
        assertEquals(List.of("caught ValueError (xyz)"), out);
        assertNull(g.send(1));
        assertEquals(List.of("caught ValueError (xyz)", "1"), out);
        UnsupportedOperationException typeError = new UnsupportedOperationException();
        assertSame(typeError, assertThrows(UnsupportedOperationException.class, () -> g.raise(typeError)));
        assertThrows(NoSuchElementException.class, () -> g.send(2));
        IllegalArgumentException six = new IllegalArgumentException("6");
        assertSame(six, assertThrows(IllegalArgumentException.class, () -> g.raise(six)));

        List<String> fresh = new ArrayList<>();
        IllegalArgumentException seven = new IllegalArgumentException("7");
        assertSame(seven, assertThrows(IllegalArgumentException.class,
                () -> PythonPorts.catchesValueError(fresh).raise(seven)));
        assertEquals(List.of(), fresh);
    }

    @Test
    void closingAGeneratorThatCatchesGeneratorExit() {
        List<String> out = new ArrayList<>();
        Coroutine<Object, Object, Object> g = PythonPorts.printsExiting(out);
        g.next();
        g.close();
        assertEquals(List.of("exiting"), out);
        g.close();
        assertEquals(List.of("exiting"), out);
        List<String> unopened = new ArrayList<>();
        PythonPorts.printsExiting(unopened).close();
        assertEquals(List.of(), unopened);
    }

    @Test
    void errorsThrownDuringClosingPropagate() {
        Coroutine<Object, Object, Object> g = PythonPorts.raisesWhileClosing();
        g.next();
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, g::close);
        assertEquals("fie!", e.getMessage());
    }
}
