package protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.GeneratorExit;
import dev.generators.Yield;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** {@code return Yield.done(...)} before the end of the body: Python's early {@code return}. */
class EarlyReturnTest {

    @Generator
    static Coroutine<Integer, Integer, Integer> sumsUntilNull() {
        int tally = 0;
        while (true) {
            Integer next = Yield.value(tally);
            if (next == null) {
                return Yield.done(tally);
            }
            tally += next;
        }
    }

    @Generator
    static Coroutine<String, String, String> stopsOnCommand() {
        for (int i = 0; ; i++) {
            String command = Yield.value("step " + i);
            if ("stop".equals(command)) {
                return Yield.done("stopped at " + i);
            }
        }
    }

    @Test
    void codeAfterAnEarlyReturnInALoopStillRuns() {
        // def g():
        //     tally = 0
        //     while True:
        //         next = yield tally
        //         if next is None: return tally
        //         tally += next
        Coroutine<Integer, Integer, Integer> g = sumsUntilNull();
        assertEquals(0, g.next());
        assertEquals(1, g.send(1));
        assertEquals(3, g.send(2));
        assertThrows(NoSuchElementException.class, () -> g.send(null));
        assertEquals(3, g.result());
    }

    @Test
    void aReturnInsideAnEndlessLoopEndsIt() {
        Coroutine<String, String, String> g = stopsOnCommand();
        assertEquals("step 0", g.next());
        assertEquals("step 1", g.send("go"));
        assertEquals("step 2", g.send("go"));
        assertThrows(NoSuchElementException.class, () -> g.send("stop"));
        assertEquals("stopped at 2", g.result());
        assertTrue(g.isDone());
    }


    @Generator
    static Coroutine<String, Object, String> returnsFromCatchOrGoesOn(List<String> log) {
        try {
            Yield.value("first");
        } catch (GeneratorExit e) {
            return Yield.done("closed early");
        }
        log.add("went on");
        Yield.value("second");
        return Yield.done("ran to the end");
    }

    @Test
    void codeAfterACatchThatReturnsStillRuns() {
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, String> g = returnsFromCatchOrGoesOn(log);
        assertEquals("first", g.next());
        assertEquals("second", g.next());
        assertEquals(List.of("went on"), log);
        assertFalse(g.hasNext());
        assertEquals("ran to the end", g.result());
    }

    @Test
    void aCatchThatReturnsGivesItsResultOnClose() {
        Coroutine<String, Object, String> g = returnsFromCatchOrGoesOn(new ArrayList<>());
        g.next();
        g.close();
        assertEquals("closed early", g.result());
    }
}
