package shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static shapes.Collect.list;

import dev.generators.Coroutine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import shapes.Delegation.Node;

class DelegationTest {

    private static final Node<String> TREE =
            new Node<>("b", Node.leaf("a"), new Node<>("d", Node.leaf("c"), Node.leaf("e")));

    @Test
    void inorderTraversalRecursingThroughYieldAllOfAnIterable() {
        assertEquals(List.of("a", "b", "c", "d", "e"), list(Delegation.inorder(TREE)));
        assertEquals(List.of(), list(Delegation.inorder(null)));
    }

    @Test
    void preorderTraversalRecursingThroughYieldAllOfAnIterator() {
        assertEquals(List.of("b", "a", "d", "c", "e"), list(Delegation.preorder(TREE)));
    }

    @Test
    void permutationsInPythonsItertoolsOrder() {
        assertEquals(List.of(List.of(1, 2, 3), List.of(1, 3, 2), List.of(2, 1, 3), List.of(2, 3, 1), List.of(3, 1, 2),
                List.of(3, 2, 1)), list(Delegation.permutations(List.of(1, 2, 3))));
        List<List<Integer>> four = list(Delegation.permutations(List.of(1, 2, 3, 4)));
        assertEquals(24, four.size());
        assertEquals(24, new HashSet<>(four).size());
        assertEquals(List.of(List.of()), list(Delegation.permutations(List.of())));
    }

    @Test
    void flatteningNestedListsRecursively() {
        List<Object> nested = List.of(1, List.of(2, List.of(3, List.of()), 4), List.of(List.of(5)), "six");
        assertEquals(List.of(1, 2, 3, 4, 5, "six"), list(Delegation.flatten(nested)));
    }

    @Test
    void yieldAllOfAListAnIteratorAndOtherGenerators() {
        assertEquals(List.of("start", 1, 2, 3, "list gave null", "p", "q", 2, 1, 'a', 'b', "end"),
                list(Delegation.mixedSources(List.of("p", "q").iterator())));
    }

    @Test
    void yieldAllOfACoroutineEvaluatesToItsResult() {
        Coroutine<Integer, Object, String> c = Delegation.sumsOfRanges();
        assertEquals(List.of(0, 1, 2, 10, 11, 24), list(c));
        assertEquals("a=3 b=21", c.result());
    }

    @Test
    void yieldAllForwardsSentValuesToTheInnerCoroutine() {
        Coroutine<String, String, String> c = Delegation.delegatingEcho();
        assertEquals("outer first", c.send(null));
        assertEquals("ready", c.next());
        assertEquals("echo hi", c.send("hi"));
        assertEquals("echo yo", c.send("yo"));
        assertThrows(NoSuchElementException.class, () -> c.send(null));
        assertEquals("inner saw 2", c.result());
    }

    @Test
    void deepChainOfDelegatingGenerators() {
        List<Integer> expected = IntStream.iterate(200, i -> i >= 0, i -> i - 1).boxed().collect(Collectors.toList());
        assertEquals(expected, list(Delegation.deep(200)));
        assertEquals(new ArrayList<>(expected), list(Delegation.deep(200)));
    }
}
