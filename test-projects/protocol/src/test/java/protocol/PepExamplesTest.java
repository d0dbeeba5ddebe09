package protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static protocol.PepExamples.primed;

import dev.generators.Coroutine;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** The coroutines of PEP 342, PEP 380 and the Python reference, driven as Python drives them. */
class PepExamplesTest {

    @Test
    void averagerYieldsTheRunningAverageOfWhatIsSent() {
        Coroutine<Double, Double, Void> averager = PepExamples.averager();
        assertNull(averager.next()); // the first `yield average` hands out None
        assertEquals(10.0, averager.send(10.0));
        assertEquals(20.0, averager.send(30.0));
        assertEquals(15.0, averager.send(5.0));
        assertFalse(averager.isDone());
        averager.close();
        assertTrue(averager.isDone());
        assertThrows(NoSuchElementException.class, () -> averager.send(1.0));
    }

    @Test
    void runningTotalYieldsTheTallyAndReturnsItWhenSentNull() {
        Coroutine<Integer, Integer, Integer> total = PepExamples.runningTotal();
        assertEquals(0, total.send(null)); // send(None) starts it
        assertEquals(1, total.send(1));
        assertEquals(3, total.send(2));
        assertEquals(6, total.send(3));
        assertThrows(NoSuchElementException.class, () -> total.send(null)); // StopIteration(6)
        assertTrue(total.isDone());
        assertEquals(6, total.result());
    }

    @Test
    void echoReturnsWhatIsSentAndWhatIsRaisedAndCleansUpOnClose() {
        List<String> printed = new ArrayList<>();
        Coroutine<Object, Object, Void> generator = PepExamples.echo(1, printed);
        assertEquals(List.of(), printed); // calling echo(1) runs nothing
        assertEquals(1, generator.next());
        assertEquals(List.of("Execution starts when 'next()' is called for the first time."), printed);
        assertNull(generator.next());
        assertEquals(2, generator.send(2));
        IllegalArgumentException spam = new IllegalArgumentException("spam");
        assertSame(spam, generator.raise(spam)); // generator.throw(TypeError, "spam") -> TypeError('spam')
        generator.close();
        assertEquals(List.of("Execution starts when 'next()' is called for the first time.",
                "Don't forget to clean up when 'close()' is called."), printed);
        assertTrue(generator.isDone());
    }

    @Test
    void echoCatchesExceptionsButNotTheGeneratorExitOfClose() {
        // `except Exception` in echo does not see GeneratorExit, a BaseException
        List<String> printed = new ArrayList<>();
        Coroutine<Object, Object, Void> generator = PepExamples.echo("x", printed);
        generator.next();
        generator.close();
        assertTrue(generator.isDone());
        assertEquals(2, printed.size());
        assertThrows(NoSuchElementException.class, generator::next);
    }

    @Test
    void pagerSendsFullPagesDownstreamAndFlushesThePartialPageOnClose() {
        List<String> written = new ArrayList<>();
        Coroutine<Void, List<String>, Void> writer = primed(PepExamples.pageWriter(written));
        Coroutine<Void, String, Void> pager = primed(PepExamples.pager(2, writer));
        for (String item : List.of("a", "b", "c", "d", "e")) {
            pager.send(item);
        }
        assertEquals(List.of("page0001: [A, B]", "page0002: [C, D]"), written);
        pager.close();
        assertEquals(List.of("page0001: [A, B]", "page0002: [C, D]", "page0003: [E]"), written);
        assertTrue(pager.isDone());
        assertTrue(writer.isDone(), "the pager closes its destination");
    }

    @Test
    void pagerWithNothingPendingFlushesNothing() {
        List<String> written = new ArrayList<>();
        Coroutine<Void, List<String>, Void> writer = primed(PepExamples.pageWriter(written));
        Coroutine<Void, String, Void> pager = primed(PepExamples.pager(2, writer));
        pager.send("a");
        pager.send("b");
        pager.close();
        assertEquals(List.of("page0001: [A, B]"), written);
        assertTrue(writer.isDone());
    }

    @Test
    void gatherTalliesCollectsTheResultOfEachAccumulateItDelegatesTo() {
        // PEP 380:
        //   acc = gather_tallies(tallies); next(acc)
        //   for i in range(4): acc.send(i)
        //   acc.send(None)
        //   for i in range(5): acc.send(i)
        //   acc.send(None)
        //   tallies == [6, 10]
        List<Integer> tallies = new ArrayList<>();
        Coroutine<Void, Integer, Void> acc = PepExamples.gatherTallies(tallies);
        assertNull(acc.next());
        for (int i = 0; i < 4; i++) {
            assertNull(acc.send(i));
        }
        acc.send(null);
        assertEquals(List.of(6), tallies);
        for (int i = 0; i < 5; i++) {
            acc.send(i);
        }
        acc.send(null);
        assertEquals(List.of(6, 10), tallies);
        assertFalse(acc.isDone());
    }
}
