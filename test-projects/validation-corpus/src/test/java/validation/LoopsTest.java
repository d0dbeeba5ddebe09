package validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static validation.Collect.list;
import static validation.Collect.of;

import dev.generators.Coroutine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class LoopsTest {

    @Test
    void labeledBreakAndContinue() {
        assertEquals(of("0,0", "1,1", "2,0", "2,2", "3,1", "done"), list(Loops.labeled(4)));
    }

    @Test
    void labeledBlockWhileAndDoWhile() {
        assertEquals(of(-1, 11, 21), list(Loops.blocksAndWhiles(2)));
        assertEquals(Collections.emptyList(), list(Loops.blocksAndWhiles(-1)));
    }

    @Test
    void yieldInTheLoopCondition() {
        Coroutine<Integer, String, Integer> c = Loops.countUntilStop();
        assertEquals(0, (int) c.next());
        assertEquals(1, (int) c.send("go"));
        assertEquals(2, (int) c.send(null));
        assertThrows(NoSuchElementException.class, () -> c.send("stop"));
        assertEquals(2, (int) c.result());
    }

    @Test
    void everyPrimitiveAcrossYields() {
        assertEquals(of("start",
                "true 1 1000 B 100000 10000000000 0.25 0.125 null",
                "false 2 2000 C 99999 20000000000 0.5 0.25 0"), list(Loops.primitives(1)));
    }

    @Test
    void reusedSlots() {
        assertEquals(of(1, 2, "s", "st", 1.5, 3.0, 1099511627776L), list(Loops.slotReuse()));
    }

    @Test
    void localAssignedAfterAYield() {
        assertEquals(of("a", 1, "one"), list(Loops.assignedLater(true)));
        assertEquals(of("a", 2, "two"), list(Loops.assignedLater(false)));
    }

    @Test
    void forEachOverArraysAndLists() {
        assertEquals(of("cell 1", "cell 2", "row", "cell 3", "row", "a", "b", "c"),
                list(Loops.forEach(new int[][] {{1, 2}, {3}}, of("ab", "c"))));
    }

    @Test
    void explicitIteratorRemoving() {
        List<Integer> numbers = new ArrayList<Integer>(of(1, 2, 3, 4, 5));
        assertEquals(of(1, 3, 5), list(Loops.removing(numbers)));
        assertEquals(of(1, 3, 5), numbers);
    }

    @Test
    void wideIncrements() {
        assertEquals(of(0, 300, 600, 900, -1000), list(Loops.wideIncrement(1000)));
    }
}
