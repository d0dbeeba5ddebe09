package dev.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** The ends of the protocol, on a state machine written by hand as the rewriter would generate it. */
class StateMachineTest {

    /** {@code for (int i = 0; i < 2; i++) sum += Yield.value(i); return Yield.done(sum);} */
    static class TwoValues extends StateMachine<Integer, Integer, Integer> {
        int i;
        int sum;

        @Override
        protected Object resume() {
            if (state != 0) {
                Object sent = received();
                sum += sent == null ? 0 : (Integer) sent;
                i++;
            }
            if (i < 2) {
                state = 1;
                return i;
            }
            state = -1;
            return sum;
        }
    }

    @Test
    void sendSaysTheEndWithAnExceptionWithoutAStackTrace() {
        TwoValues generator = new TwoValues();
        assertEquals(0, generator.send(null));
        assertEquals(1, generator.send(10));
        NoSuchElementException end = assertThrows(NoSuchElementException.class, () -> generator.send(20));
        assertEquals(0, end.getStackTrace().length, "the protocol's normal end: no trace to pay for");
        assertTrue(end.getMessage().contains("has finished"), end.getMessage());
        assertEquals(30, generator.result());
        assertThrows(NoSuchElementException.class, () -> generator.send(null));
    }

    @Test
    void nextPastTheEndIsAMistakeAndKeepsItsStackTrace() {
        TwoValues generator = new TwoValues();
        generator.next();
        generator.next();
        NoSuchElementException end = assertThrows(NoSuchElementException.class, generator::next);
        assertTrue(end.getStackTrace().length > 0, "a caller's mistake should say where it was made");
    }

    @Test
    void raiseThatTheBodyHandlesAndFinishesSaysTheEndWithoutATrace() {
        TwoValues generator = new TwoValues() {
            @Override
            protected Object resume() {
                if (state == 0) {
                    state = 1;
                    return "first";
                }
                try {
                    received();
                } catch (IllegalArgumentException handled) {
                    state = -1;
                    return null;
                }
                throw new AssertionError("raise should have thrown at the yield");
            }
        };
        generator.next();
        NoSuchElementException end =
                assertThrows(NoSuchElementException.class, () -> generator.raise(new IllegalArgumentException()));
        assertEquals(0, end.getStackTrace().length);
        assertNull(generator.result());
    }
}
