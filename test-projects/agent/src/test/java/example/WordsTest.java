package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Runs under -javaagent only: this build has no generators-maven-plugin. */
class WordsTest {

    @Test
    void theAgentRewroteTheMainClasses() {
        List<String> words = new ArrayList<>();
        Words.split("  the quick  brown fox ").forEachRemaining(words::add);
        assertEquals(List.of("the", "quick", "brown", "fox"), words);
    }

    @Test
    void coroutinesGetTheWholeProtocol() {
        Coroutine<Integer, Integer, Integer> adder = Words.adder();
        assertEquals(0, adder.next());
        assertEquals(5, adder.send(5));
        assertEquals(12, adder.send(7));
        assertThrows(NoSuchElementException.class, () -> adder.send(null));
        assertEquals(12, adder.result());
        assertTrue(adder.isDone());
    }

    @Generator
    static Iterator<Integer> countdown(int from) {
        while (from > 0) {
            Yield.value(from--);
        }
        return Yield.done();
    }

    @Test
    void theAgentRewroteTheTestClassesToo() {
        List<Integer> values = new ArrayList<>();
        countdown(3).forEachRemaining(values::add);
        assertEquals(List.of(3, 2, 1), values);
    }

    /** Forgot its @Generator: the agent reports it as the class loads and leaves it as it was. */
    static final class Forgot {
        static Iterator<Integer> numbers() {
            Yield.value(1);
            return Yield.done();
        }
    }

    @Test
    void aMisuseMessageUnderTheAgentPointsAtTheAgentsReportNotAtRunningTheAgent() {
        IllegalStateException e = assertThrows(IllegalStateException.class, Forgot::numbers);
        assertTrue(e.getMessage().contains("Yield.value was called in example.WordsTest$Forgot.numbers"), e.getMessage());
        assertTrue(e.getMessage().contains("the generators agent is running"), e.getMessage());
        assertFalse(e.getMessage().contains("-javaagent"), e.getMessage());
    }
}
