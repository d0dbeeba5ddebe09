package coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.generators.Coroutine;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Runs the generators of Generators exactly as far as the comments beside their lines say. */
class GeneratorsTest {

    private static <T> List<T> all(Iterator<T> iterator) {
        List<T> values = new ArrayList<>();
        iterator.forEachRemaining(values::add);
        return values;
    }

    @Test
    void evensRunsEveryLine() {
        List<Integer> values = new ArrayList<>();
        for (int even : Generators.evens(5)) {
            values.add(even);
        }
        assertEquals(List.of(0, 2, 4), values);
    }

    @Test
    void signsNeverMeetsANegativeValue() {
        assertEquals(List.of("zero", "positive"), all(Generators.signs(new int[] {0, 7})));
    }

    @Test
    void clippedNeverMeetsAValueOverItsLimit() {
        assertEquals(List.of(1, 2), all(Generators.clipped(new int[] {1, 2}, 10)));
    }

    @Test
    void neverIteratedIsOnlyCalled() {
        Generators.neverIterated("abc");
    }

    @Test
    void framedEvensEndsWithTheEvens() {
        assertEquals(List.of(-1, 0, 2), all(Generators.framedEvens(3)));
    }

    @Test
    void guardedRunsItsFinallyBlock() {
        List<String> log = new ArrayList<>();
        assertEquals(List.of("step 0", "step 1", "a", "b"), all(Generators.guarded(log, 2)));
        assertEquals(List.of("closed after 2"), log);
    }

    @Test
    void summingTakesWhatItIsSent() {
        Coroutine<Integer, Integer, List<String>> sums = Generators.summing();
        assertEquals(0, sums.next());
        assertEquals(0, sums.send(0));
        assertEquals(5, sums.send(5));
        assertThrows(NoSuchElementException.class, () -> sums.send(null));
        assertEquals(List.of("zero", "many"), sums.result());
    }

    @Test
    void greetingsNeverFail() {
        assertEquals(List.of("Ann greets Bob"), all(new Generators("Ann").greetings(List.of("Bob"))));
    }

    @Test
    void leftAtTheFirstYieldIsNeverResumed() {
        assertEquals(1, Generators.leftAtTheFirstYield().next());
    }
}
