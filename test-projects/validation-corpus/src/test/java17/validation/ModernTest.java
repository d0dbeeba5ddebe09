package validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static validation.Collect.list;

import dev.generators.Coroutine;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class ModernTest {

    @Test
    void recordGenerators() {
        assertEquals(List.of(2, 3, 4), list(new Modern.Range(2, 5).values()));
        assertEquals(List.of(new Modern.Range(0, 3), new Modern.Range(3, 6)), list(Modern.Range.split(new Modern.Range(0, 6), 2)));
    }

    @Test
    void yieldsInSwitchExpressionArms() {
        Coroutine<Object, Object, String> c = Modern.switchExpressions(">", "a", "b", "t", "z");
        assertEquals("a?", c.next());
        assertEquals("b?", c.send("A"));
        assertEquals("t?", c.send("B"));
        assertEquals("t finally", c.send("T"));
        assertThrows(NoSuchElementException.class, () -> c.send(null));
        assertEquals(">A,>BB,>T,>Z", c.result());
    }

    @Test
    void arrowSwitches() {
        assertEquals(List.of("warm-ish RED", "weight 1", "warm-ish GREEN", "weight?", "weight 2", "blue", "still blue",
                "weight 0", "other", "weight 0"), list(Modern.arrowSwitch(List.of(Color.RED, Color.GREEN, Color.BLUE, Color.BLACK))));
    }

    @Test
    void instanceofPatternsAndTextBlock() {
        List<Object> items = new ArrayList<>(List.of("hi", "", new Modern.Dog("rex", 3), new Modern.Cat("tom")));
        assertEquals(List.of("string hi", "length 2", "other ", "animal rex tricks 3", "animal tom"), list(Modern.patterns(items)));
    }

    @Test
    void tryWithResourcesOnAnExistingVariable() {
        List<String> log = new ArrayList<>();
        assertEquals(List.of("using [open r]", "after [open r, close r]"), list(Modern.existingResource(log)));
    }

    @Test
    void privateInterfaceMethods() {
        Modern.Countdown c = () -> 3;
        assertEquals(List.of(3, 2, 1, 0, 0), list(c.countdown()));
    }
}
