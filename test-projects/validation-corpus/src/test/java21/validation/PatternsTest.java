package validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static validation.Collect.list;

import dev.generators.Coroutine;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class PatternsTest {

    @Test
    void guardThatYields() {
        Coroutine<String, Boolean, String> c = Patterns.guarded("abc", 5, null, "x", 42, 3.0);
        assertEquals("long abc?", c.next());
        assertEquals("small 5", c.send(true));
        assertEquals("long x?", c.send(null));
        assertThrows(NoSuchElementException.class, () -> c.send(false));
        assertEquals("[long abc];[int 5];[null];[short x];[big 42];[other];", c.result());
    }

    @Test
    void enumPatternSwitchWithCaseNull() {
        assertEquals(List.of("red", "no color", "cool", "green", "dark", "cool", "blue"),
                list(Patterns.colors(Arrays.asList(Color.RED, null, Color.GREEN, Color.BLACK, Color.BLUE))));
    }
}
