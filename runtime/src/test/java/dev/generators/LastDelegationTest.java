package dev.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A generator whose last act is a {@code Yield.all} ({@link StateMachine#yieldAllLast}): where no
 * agent watches, it ends when a generator it delegates to returns, without its body resumed;
 * everything else resumes the body, as any {@code Yield.all} does.
 */
class LastDelegationTest {

    /** {@code Yield.all(inner); return Yield.done();} as the plugin writes it, its resumes counted. */
    static final class EndsWithItsDelegation extends StateMachine<Integer, Integer, Object> {
        final Iterator<?> inner;
        int resumes;

        EndsWithItsDelegation(Iterator<?> inner) {
            this.inner = inner;
        }

        @Override
        protected Object resume() {
            resumes++;
            if (state == 0) {
                state = 1;
                return yieldAllLast(inner);
            }
            received();
            state = -1;
            return null;
        }
    }

    private static List<Integer> drain(Iterator<Integer> iterator) {
        List<Integer> values = new ArrayList<>();
        iterator.forEachRemaining(values::add);
        return values;
    }

    /** One resume to begin the delegation; a second to return where an agent watches. */
    private static int resumesToEnd() {
        return Agents.WATCHED ? 2 : 1;
    }

    @Test
    void whenItsDelegateReturnsItEndsWithNullAsItsBodyWould() {
        StateMachineTest.TwoValues leaf = new StateMachineTest.TwoValues();
        EndsWithItsDelegation middle = new EndsWithItsDelegation(leaf);
        EndsWithItsDelegation outer = new EndsWithItsDelegation(middle);
        assertEquals(Arrays.asList(0, 1), drain(outer));
        assertEquals(resumesToEnd(), outer.resumes);
        assertEquals(resumesToEnd(), middle.resumes);
        for (StateMachine<?, ?, ?> generator : Arrays.asList(outer, middle, leaf)) {
            assertTrue(generator.isDone());
            assertTrue(generator.toString().endsWith("(done)"), generator::toString);
        }
        assertNull(outer.result(), "the leaf's result is dropped, as the body drops it");
        assertNull(middle.result());
        assertEquals(0, leaf.result());
    }

    @Test
    void sentValuesGoThroughAndTheEndIsTheSame() {
        StateMachineTest.TwoValues leaf = new StateMachineTest.TwoValues();
        EndsWithItsDelegation outer = new EndsWithItsDelegation(new EndsWithItsDelegation(leaf));
        assertEquals(0, outer.send(null));
        assertEquals(1, outer.send(5));
        assertThrows(java.util.NoSuchElementException.class, () -> outer.send(7));
        assertEquals(12, leaf.result());
        assertNull(outer.result());
        assertEquals(resumesToEnd(), outer.resumes);
    }

    @Test
    void aRaiseResumesEachBodyWhichItEnds() {
        StateMachineTest.TwoValues leaf = new StateMachineTest.TwoValues();
        EndsWithItsDelegation middle = new EndsWithItsDelegation(leaf);
        EndsWithItsDelegation outer = new EndsWithItsDelegation(middle);
        assertEquals(0, outer.next());
        IllegalStateException raised = new IllegalStateException("raised");
        assertSame(raised, assertThrows(IllegalStateException.class, () -> outer.raise(raised)));
        assertEquals(2, outer.resumes);
        assertEquals(2, middle.resumes);
        assertTrue(outer.isDone());
        assertTrue(middle.isDone());
    }

    @Test
    void aCloseResumesEachBody() {
        EndsWithItsDelegation middle = new EndsWithItsDelegation(new StateMachineTest.TwoValues());
        EndsWithItsDelegation outer = new EndsWithItsDelegation(middle);
        assertEquals(0, outer.next());
        outer.close();
        assertEquals(2, outer.resumes);
        assertEquals(2, middle.resumes);
        assertTrue(outer.isDone());
    }

    @Test
    void anIteratorThatIsNoGeneratorEndsInTheBody() {
        EndsWithItsDelegation outer =
                new EndsWithItsDelegation(Arrays.asList(1, 2).iterator());
        assertEquals(Arrays.asList(1, 2), drain(outer));
        assertEquals(2, outer.resumes);
        assertTrue(outer.isDone());
    }
}
