package protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A body that calls its own protocol methods while it runs. Python raises
 * {@code ValueError('generator already executing')}; the contract says {@code IllegalStateException}.
 */
class ReentryTest {

    /** Holds the generator in a field, so that its own body can reach it. */
    static final class Self {
        Coroutine<String, Object, Void> generator;
    }

    static void callOwn(Coroutine<String, Object, Void> self, String how) {
        switch (how) {
            case "next" -> self.next();
            case "hasNext" -> self.hasNext();
            case "send" -> self.send("x");
            case "sendNull" -> self.send(null);
            case "raise" -> self.raise(new ArithmeticException("raised at myself"));
            case "close" -> self.close();
            default -> throw new AssertionError(how);
        }
    }

    @Generator
    static Coroutine<String, Object, Void> callsItselfAndCatches(Self self, String how) {
        Yield.value("started");
        String outcome;
        try {
            callOwn(self.generator, how);
            outcome = "re-entry was allowed";
        } catch (IllegalStateException e) {
            outcome = "refused: " + e.getMessage();
        }
        Yield.value(outcome);
        Yield.value("still running");
        return Yield.done();
    }

    @Generator
    static Coroutine<String, Object, Void> callsItselfThroughAnArray(Object[] holder) {
        @SuppressWarnings("unchecked")
        Coroutine<String, Object, Void> self = (Coroutine<String, Object, Void>) holder[0];
        Yield.value("started");
        self.next();
        Yield.value("re-entry was allowed");
        return Yield.done();
    }

    @ParameterizedTest
    @ValueSource(strings = {"next", "hasNext", "send", "sendNull", "raise", "close"})
    void aBodyCallingItsOwnProtocolMethodGetsIllegalStateAndCanGoOn(String how) {
        Self self = new Self();
        Coroutine<String, Object, Void> g = callsItselfAndCatches(self, how);
        self.generator = g;
        assertEquals("started", g.next());
        String outcome = g.next();
        assertTrue(outcome.startsWith("refused: "), how + ": " + outcome);
        assertTrue(outcome.contains("running"), "the message says the generator is running: " + outcome);
        assertEquals("still running", g.next(), "the refused call changed nothing");
        assertFalse(g.hasNext());
    }

    @Test
    void aBodyCallingItsOwnNextThroughAnArrayEndsWithIllegalState() {
        Object[] holder = new Object[1];
        Coroutine<String, Object, Void> g = callsItselfThroughAnArray(holder);
        holder[0] = g;
        assertEquals("started", g.next());
        assertThrows(IllegalStateException.class, g::next);
        assertTrue(g.isDone(), "the uncaught exception ended the run");
        assertThrows(NoSuchElementException.class, g::next);
    }

    @Test
    void aBodyCallingItsOwnSendThroughSendGetsIllegalState() {
        Self self = new Self();
        Coroutine<String, Object, Void> g = callsItselfAndCatches(self, "send");
        self.generator = g;
        g.next();
        assertTrue(g.send("go").startsWith("refused: "));
    }
}
