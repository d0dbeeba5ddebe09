package validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static validation.Collect.list;
import static validation.Collect.of;

import dev.generators.Coroutine;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class SwitchesTest {

    @Test
    void enumSwitchWithFallThrough() {
        assertEquals(of("r", "g", "gb", "gb", "other black"),
                list(Switches.enumSwitch(of(Color.RED, Color.GREEN, Color.BLUE, Color.BLACK))));
    }

    @Test
    void switchOnAPrivateEnum() {
        assertEquals(of("size", "large", "ordinal 1", "size", "small"), list(Switches.privateEnumSwitchAll()));
    }

    @Test
    void stringSwitchWithCollidingHashCodes() {
        assertEquals(of(1, 2, 2, 10, 20, 500), list(Switches.stringSwitch("one", "two", "Aa", "BB", "three")));
    }

    @Test
    void switchOnTheSentValue() {
        Coroutine<String, String, Integer> c = Switches.commands();
        assertEquals("total 0", c.next());
        assertEquals("total 1", c.send("inc"));
        assertEquals("total 2", c.send("inc"));
        assertEquals("unknown", c.send("what"));
        assertEquals("total 2", c.send(null));
        assertEquals("total 1", c.send("dec"));
        assertThrows(NoSuchElementException.class, () -> c.send("stop"));
        assertEquals(1, (int) c.result());
    }

    @Test
    void tableAndLookupAndCharSwitches() {
        assertEquals(of("zero", "thousand", "c", "d", "zero", "five thousand"), list(Switches.intSwitches(6)));
    }
}
