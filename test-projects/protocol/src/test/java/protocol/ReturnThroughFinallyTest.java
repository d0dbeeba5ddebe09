package protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code return Yield.done(...)} inside a {@code try} with a {@code finally} or resources: javac
 * copies the finally code (or the resource closing) between the call and the return.
 */
class ReturnThroughFinallyTest {

    record Resource(String name, List<String> log) implements AutoCloseable {
        @Override
        public void close() {
            log.add("closed " + name);
        }
    }

    @Generator
    static Coroutine<Integer, Object, String> returnsInsideTry(List<String> log) {
        try {
            Yield.value(1);
            return Yield.done("r");
        } finally {
            log.add("finally");
        }
    }

    @Generator
    static Coroutine<Integer, Object, String> returnsInsideTryWithResources(List<String> log) {
        try (Resource a = new Resource("a", log)) {
            Yield.value(1);
            return Yield.done("r " + a.name());
        }
    }

    @Generator
    static Coroutine<String, Object, String> returnsThroughAFinallyThatYields(List<String> log) {
        try {
            Yield.value("in try");
            return Yield.done("r");
        } finally {
            Yield.value("cleanup");
            log.add("finally done");
        }
    }

    @Test
    void aReturnInsideTryRunsTheFinally() {
        List<String> log = new ArrayList<>();
        Coroutine<Integer, Object, String> g = returnsInsideTry(log);
        assertEquals(1, g.next());
        assertFalse(g.hasNext());
        assertEquals(List.of("finally"), log);
        assertEquals("r", g.result());
    }

    @Test
    void aReturnInsideTryWithResourcesClosesTheResource() {
        List<String> log = new ArrayList<>();
        Coroutine<Integer, Object, String> g = returnsInsideTryWithResources(log);
        assertEquals(1, g.next());
        assertFalse(g.hasNext());
        assertEquals(List.of("closed a"), log);
        assertEquals("r a", g.result());
    }

    @Test
    void aReturnThroughAFinallyThatYieldsKeepsItsResult() {
        // def g():
        //     try:
        //         yield "in try"
        //         return "r"
        //     finally:
        //         yield "cleanup"
        // list(g) == ["in try", "cleanup"], and StopIteration.value == "r"
        List<String> log = new ArrayList<>();
        Coroutine<String, Object, String> g = returnsThroughAFinallyThatYields(log);
        assertEquals("in try", g.next());
        assertEquals("cleanup", g.next());
        assertFalse(g.isDone());
        assertThrows(IllegalStateException.class, g::result, "not finished while the finally is suspended");
        assertFalse(g.hasNext());
        assertEquals(List.of("finally done"), log);
        assertEquals("r", g.result());
    }

    @Test
    void closingAtTheYieldOfAFinallyEnteredByAReturnLeavesNoResult() {
        // the return never completed: Python's close() returns None and there is no StopIteration value
        Coroutine<String, Object, String> g = returnsThroughAFinallyThatYields(new ArrayList<>());
        g.next();
        g.next();
        g.close();
        assertTrue(g.isDone());
        assertThrows(IllegalStateException.class, g::result);
    }
}
