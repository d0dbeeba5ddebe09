package shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static shapes.Collect.list;

import java.util.List;
import org.junit.jupiter.api.Test;
import shapes.Branches.Color;

class BranchesTest {

    @Test
    void oldStyleIntSwitchFallsThroughFromOneCaseIntoTheNext() {
        assertEquals(List.of("one", "one or two", "one or two", "three", "other 4"),
                list(Branches.intSwitchWithFallThrough(new int[] {1, 2, 3, 4})));
    }

    @Test
    void sparseLookupSwitchWithSeveralYieldsPerCase() {
        assertEquals(List.of("seven", "still seven", "minus thousand", "million"),
                list(Branches.sparseSwitch(new int[] {7, -1000, 5, 1_000_000})));
    }

    @Test
    void stringSwitchIncludingCollidingHashCodes() {
        assertEquals(List.of("fruit", "vegetable", "POTATO", "Aa!", "BB!", "unknown kiwi", "vegetable", "CARROT"),
                list(Branches.stringSwitch(List.of("apple", "potato", "Aa", "BB", "kiwi", "carrot"))));
    }

    @Test
    void enumSwitchThroughTheSyntheticSwitchMap() {
        assertEquals(List.of("warm", "cool", "blue", "dark", "cool", "green"),
                list(Branches.enumSwitch(Color.RED, Color.BLUE, Color.BLACK, Color.GREEN)));
    }

    @Test
    void arrowSwitchStatementWithBlocksAndMultipleLabels() {
        assertEquals(List.of("zero", "small", "k=2", "three", "negative", "big"),
                list(Branches.arrowSwitchStatement(new int[] {0, 2, 3, -5, 9})));
    }

    @Test
    void switchExpressionWhoseCaseBlocksYieldBeforeProducingTheirValue() {
        assertEquals(List.of("a", "x=1", "b1", "b2", "x=20", "x=2"),
                list(Branches.switchExpression(new int[] {1, 2, 3})));
    }

    @Test
    void switchExpressionInsideALongAdditionKeepsTheLeftOperand() {
        assertEquals(List.of("one", 1001L, 1003L, "other", 1103L),
                list(Branches.switchExpressionInsideExpression(new int[] {1, 2, 3})));
    }

    @Test
    void enumSwitchExpressionWithYieldsInSomeCases() {
        assertEquals(List.of("r", "thinking about green", "g", "dark-ish", "b", "dark-ish", "k"),
                list(Branches.enumSwitchExpression(List.of(Color.RED, Color.GREEN, Color.BLUE, Color.BLACK))));
    }

    @Test
    void ifElseChainGivesFizzBuzz() {
        assertEquals(List.of("1", "2", "Fizz", "4", "Buzz", "Fizz", "7", "8", "Fizz", "Buzz", "11", "Fizz", "13", "14",
                "FizzBuzz"), list(Branches.fizzBuzz(15)));
    }

    @Test
    void ternaryChoosesTheValueAndTernaryWithAYieldInEachBranch() {
        assertEquals(List.of("even", "positive 2", "back=null", "odd", "not positive -1", "back=null"),
                list(Branches.ternaries(new int[] {2, -1})));
    }

    @Test
    void shortCircuitOperatorsYieldOnlyWhenTheRightSideIsEvaluated() {
        assertEquals(List.of("and evaluated", "true: and=true or=true", "or evaluated", "false: and=false or=true"),
                list(Branches.shortCircuits(new boolean[] {true, false})));
    }
}
