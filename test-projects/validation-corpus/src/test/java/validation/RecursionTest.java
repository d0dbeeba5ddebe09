package validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static validation.Collect.list;
import static validation.Collect.of;

import dev.generators.Coroutine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecursionTest {

    @Test
    void inorderTraversal() {
        assertEquals(of(1, 2, 3, 4, 5, 6, 7), list(Recursion.inorder(Recursion.Tree.of(1, 2, 3, 4, 5, 6, 7))));
        assertEquals(Collections.emptyList(), list(Recursion.inorder(null)));
    }

    @Test
    void resultsOfSubgenerators() {
        Coroutine<Integer, Object, Integer> c = Recursion.sizes(Recursion.Tree.of(1, 2, 3, 4, 5));
        assertEquals(of(1, 2, 3, 4, 5), list(c));
        assertEquals(5, (int) c.result());
    }

    @Test
    void permutations() {
        List<List<Integer>> expected = new ArrayList<List<Integer>>();
        expected.add(of(1, 2, 3));
        expected.add(of(1, 3, 2));
        expected.add(of(2, 1, 3));
        expected.add(of(2, 3, 1));
        expected.add(of(3, 1, 2));
        expected.add(of(3, 2, 1));
        assertEquals(expected, list(Recursion.permutations(of(1, 2, 3))));
    }

    @Test
    void hanoi() {
        assertEquals(of("1:AB", "2:AC", "1:BC"), list(Recursion.hanoi(2, 'A', 'C', 'B')));
        assertEquals(of("1:AC", "2:AB", "1:CB", "3:AC", "1:BA", "2:BC", "1:AC"), list(Recursion.hanoi(3, 'A', 'C', 'B')));
    }

    @Test
    void flatten() {
        List<Object> nested = new ArrayList<Object>();
        nested.add(1);
        nested.add(of(2, of(3, 4)));
        nested.add(Collections.emptyList());
        nested.add(5);
        assertEquals(of(1, 2, 3, 4, 5), list(Recursion.flatten(nested)));
    }
}
