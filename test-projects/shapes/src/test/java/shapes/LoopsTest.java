package shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static shapes.Collect.firstn;
import static shapes.Collect.list;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoopsTest {

    @Test
    void nestedForLoopsYieldEveryPairBelowTheDiagonal() {
        assertEquals(List.of("1,0", "2,0", "2,1", "3,0", "3,1", "3,2"), list(Loops.pairsBelowDiagonal(4)));
    }

    @Test
    void whileLoopOverALongParameter() {
        assertEquals(List.of(6L, 3L, 10L, 5L, 16L, 8L, 4L, 2L, 1L), list(Loops.collatz(6)));
        assertEquals(List.of(1L), list(Loops.collatz(1)));
    }

    @Test
    void doWhileRunsItsBodyOnceEvenWhenTheConditionIsFalse() {
        assertEquals(List.of(10), list(Loops.doWhile(10, 5)));
        assertEquals(List.of(0, 2, 4), list(Loops.doWhile(0, 5)));
    }

    @Test
    void whileInsideDoWhileInsideFor() {
        assertEquals(List.of("010", "020", "021", "110", "120", "121"), list(Loops.threeLoopKinds(2)));
    }

    @Test
    void forEachOverNestedLists() {
        assertEquals(List.of("0:a", "0:b", "2:c"),
                list(Loops.forEachList(List.of(List.of("a", "b"), List.of(), List.of("c")))));
    }

    @Test
    void forEachOverIntAndStringAndCharArrays() {
        assertEquals(List.of("x1", "yz1", "x2", "yz2", 'x'),
                list(Loops.forEachArrays(new int[] {1, 2}, new String[] {"x", "yz"})));
    }

    @Test
    void forEachOverMapEntries() {
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put("a", 1);
        map.put("b", 2);
        assertEquals(List.of("a=1", "b=2"), list(Loops.entries(map)));
    }

    @Test
    void labeledContinueAndBreakLeaveTheRightLoops() {
        assertEquals(List.of("10", "20", "21", "30", "31", "32", "40", "41", "end"), list(Loops.labeledJumps()));
    }

    @Test
    void breakOutOfALabeledBlockAfterAYield() {
        assertEquals(List.of("in", "out"), list(Loops.labeledBlock(true)));
        assertEquals(List.of("in", "still in", "out"), list(Loops.labeledBlock(false)));
    }

    @Test
    void yieldInsideALoopConditionRunsOncePerTest() {
        assertEquals(List.of("tick 0", "tick 1", "tick 2", "rounds 2"), list(Loops.yieldInLoopCondition(2)));
    }

    @Test
    void yieldInsideAForUpdateClause() {
        assertEquals(List.of("body 0", "update", "body 1", "update"), list(Loops.yieldInForUpdate(2)));
    }

    @Test
    void breakOutOfAnIteratorLoopAfterAYield() {
        assertEquals(List.of("saw 5", "saw 7", "found"), list(Loops.searchWithIterator(List.of(5, 7, 9), 7)));
        assertEquals(List.of("saw 5", "saw 7", "saw 9", "not found"),
                list(Loops.searchWithIterator(List.of(5, 7, 9), 4)));
    }

    @Test
    void infiniteGeneratorWithoutAReturnStatement() {
        assertEquals(List.of(5, 6, 7, 8), firstn(Loops.forever(5), 4));
    }
}
