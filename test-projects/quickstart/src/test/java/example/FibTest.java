package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class FibTest {

    @Test
    void yieldsTheFirstTenFibonacciNumbers() {
        List<Long> numbers = new ArrayList<>();
        Fib.fibonacci(10).forEach(numbers::add);
        assertEquals(List.of(0L, 1L, 1L, 2L, 3L, 5L, 8L, 13L, 21L, 34L), numbers);
    }

    @Test
    void eachIterationStartsAfresh() {
        Iterable<Long> numbers = Fib.fibonacci(3);
        Iterator<Long> first = numbers.iterator();
        first.next();
        Iterator<Long> second = numbers.iterator();
        assertEquals(0L, second.next());
        assertEquals(1L, first.next());
    }

    @Test
    void anEmptyRunYieldsNothing() {
        assertFalse(Fib.fibonacci(0).iterator().hasNext());
    }
}
