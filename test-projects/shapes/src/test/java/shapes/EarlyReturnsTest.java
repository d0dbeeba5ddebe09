package shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static shapes.Collect.list;

import dev.generators.Coroutine;
import java.util.List;
import org.junit.jupiter.api.Test;

class EarlyReturnsTest {

    @Test
    void returnRightAfterAYieldInABranch() {
        assertEquals(List.of(1), list(EarlyReturns.yieldThenReturnInABranch(1)));
        assertEquals(List.of(5, 50), list(EarlyReturns.yieldThenReturnInABranch(5)));
    }

    @Test
    void returnBeforeTheFirstYield() {
        assertEquals(List.of(), list(EarlyReturns.returnBeforeAnyYield(true)));
        assertEquals(List.of(1), list(EarlyReturns.returnBeforeAnyYield(false)));
    }

    @Test
    void returnFromACatchThrowableThatCoversAYield() {
        assertEquals(List.of(1, 2, 3), list(EarlyReturns.returnFromCatchThrowable(false)));
        assertEquals(List.of(1, -1), list(EarlyReturns.returnFromCatchThrowable(true)));
    }

    @Test
    void returnFromACatchFollowedByMoreYields() {
        assertEquals(List.of("parsed 1", "after 1", "parsed 2", "after 2"),
                list(EarlyReturns.returnFromCatchThenMoreYields(List.of("1", "2"))));
        assertEquals(List.of("parsed 1", "after 1"),
                list(EarlyReturns.returnFromCatchThenMoreYields(List.of("1", "x", "3"))));
    }

    @Test
    void returnWithAResultFromInsideNestedLoops() {
        Coroutine<String, Object, String> found = EarlyReturns.findInGrid(new int[][] {{1, 2}, {3, 4}}, 3);
        assertEquals(List.of("0,0", "0,1", "1,0"), list(found));
        assertEquals("found at 1,0", found.result());
        Coroutine<String, Object, String> missing = EarlyReturns.findInGrid(new int[][] {{1}, {}}, 9);
        assertEquals(List.of("0,0"), list(missing));
        assertEquals("not found", missing.result());
    }

    @Test
    void returnWithAResultThroughAFinallyThatYields() {
        Coroutine<Integer, Object, String> c = EarlyReturns.returnThroughYieldingFinally();
        assertEquals(List.of(0, 1), list(c));
        assertEquals("r", c.result());
    }

    @Test
    void returnFromInsideASwitchCase() {
        assertEquals(List.of("one", "other", "zero, stop"), list(EarlyReturns.returnInsideSwitch(new int[] {1, 7, 0, 1})));
        assertEquals(List.of("one", "end"), list(EarlyReturns.returnInsideSwitch(new int[] {1})));
    }
}
