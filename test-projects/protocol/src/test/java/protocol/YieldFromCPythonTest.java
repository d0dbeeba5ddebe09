package protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.GeneratorExit;
import dev.generators.Yield;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Ports of CPython's Lib/test/test_yield_from.py (Greg Ewing's PEP 380 tests). Each test is named
 * after the Python one; {@code ValueError} becomes {@code IllegalArgumentException} and
 * {@code RuntimeError}/"generator already executing" become {@code IllegalStateException}.
 */
class YieldFromCPythonTest {

    private final List<String> trace = new ArrayList<>();

    private void drain(Iterator<?> g) {
        while (g.hasNext()) {
            trace.add("Yielded " + g.next());
        }
    }

    // test_delegation_of_initial_next_to_subgenerator

    @Generator
    static Coroutine<Object, Object, Void> initialG1(List<String> trace) {
        trace.add("Starting g1");
        Yield.all(initialG2(trace));
        trace.add("Finishing g1");
        return Yield.done();
    }

    @Generator
    static Coroutine<Object, Object, Void> initialG2(List<String> trace) {
        trace.add("Starting g2");
        Yield.value(42);
        trace.add("Finishing g2");
        return Yield.done();
    }

    @Test
    void delegationOfInitialNextToSubgenerator() {
        drain(initialG1(trace));
        assertEquals(List.of("Starting g1", "Starting g2", "Yielded 42", "Finishing g2", "Finishing g1"), trace);
    }

    // test_raising_exception_in_initial_next_call

    @Generator
    static Coroutine<Object, Object, Void> raisingInitialG1(List<String> trace) {
        try {
            trace.add("Starting g1");
            Yield.all(raisingInitialG2(trace));
        } finally {
            trace.add("Finishing g1");
        }
        return Yield.done();
    }

    /** No yield at all, as in the Python original: its first resume raises. */
    @Generator
    static Coroutine<Object, Object, Void> raisingInitialG2(List<String> trace) {
        try {
            trace.add("Starting g2");
            throw new IllegalArgumentException("spanish inquisition occurred");
        } finally {
            trace.add("Finishing g2");
        }
    }

    @Test
    void raisingExceptionInInitialNextCall() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> drain(raisingInitialG1(trace)));
        assertEquals("spanish inquisition occurred", e.getMessage());
        assertEquals(List.of("Starting g1", "Starting g2", "Finishing g2", "Finishing g1"), trace);
    }

    // test_delegation_of_next_call_to_subgenerator

    @Generator
    static Coroutine<Object, Object, Void> nextG1(List<String> trace) {
        trace.add("Starting g1");
        Yield.value("g1 ham");
        Yield.all(nextG2(trace));
        Yield.value("g1 eggs");
        trace.add("Finishing g1");
        return Yield.done();
    }

    @Generator
    static Coroutine<Object, Object, Void> nextG2(List<String> trace) {
        trace.add("Starting g2");
        Yield.value("g2 spam");
        Yield.value("g2 more spam");
        trace.add("Finishing g2");
        return Yield.done();
    }

    @Test
    void delegationOfNextCallToSubgenerator() {
        drain(nextG1(trace));
        assertEquals(List.of("Starting g1", "Yielded g1 ham", "Starting g2", "Yielded g2 spam",
                "Yielded g2 more spam", "Finishing g2", "Yielded g1 eggs", "Finishing g1"), trace);
    }

    // test_raising_exception_in_delegated_next_call

    @Generator
    static Coroutine<Object, Object, Void> delegatedRaiseG1(List<String> trace) {
        try {
            trace.add("Starting g1");
            Yield.value("g1 ham");
            Yield.all(delegatedRaiseG2(trace));
            Yield.value("g1 eggs");
        } finally {
            trace.add("Finishing g1");
        }
        return Yield.done();
    }

    @Generator
    static Coroutine<Object, Object, Void> delegatedRaiseG2(List<String> trace) {
        try {
            trace.add("Starting g2");
            Yield.value("g2 spam");
            if (trace != null) {
                throw new IllegalArgumentException("hovercraft is full of eels");
            }
            Yield.value("g2 more spam");
        } finally {
            trace.add("Finishing g2");
        }
        return Yield.done();
    }

    @Test
    void raisingExceptionInDelegatedNextCall() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> drain(delegatedRaiseG1(trace)));
        assertEquals("hovercraft is full of eels", e.getMessage());
        assertEquals(List.of("Starting g1", "Yielded g1 ham", "Starting g2", "Yielded g2 spam",
                "Finishing g2", "Finishing g1"), trace);
    }

    // test_delegation_of_send

    @Generator
    static Coroutine<Object, Object, Void> sendG1(List<String> trace) {
        trace.add("Starting g1");
        Object x = Yield.value("g1 ham");
        trace.add("g1 received " + x);
        Yield.all(sendG2(trace, false));
        x = Yield.value("g1 eggs");
        trace.add("g1 received " + x);
        trace.add("Finishing g1");
        return Yield.done();
    }

    @Generator
    static Coroutine<Object, Object, Void> sendG2(List<String> trace, boolean fail) {
        trace.add("Starting g2");
        Object x = Yield.value("g2 spam");
        trace.add("g2 received " + x);
        if (fail) {
            throw new IllegalArgumentException("hovercraft is full of eels");
        }
        x = Yield.value("g2 more spam");
        trace.add("g2 received " + x);
        trace.add("Finishing g2");
        return Yield.done();
    }

    @Generator
    static Coroutine<Object, Object, Void> failingSendG1(List<String> trace) {
        trace.add("Starting g1");
        Object x = Yield.value("g1 ham");
        trace.add("g1 received " + x);
        Yield.all(sendG2(trace, true));
        x = Yield.value("g1 eggs");
        trace.add("g1 received " + x);
        trace.add("Finishing g1");
        return Yield.done();
    }

    private void sendCounting(Coroutine<Object, Object, Void> g) {
        g.next();
        int x = 1;
        try {
            while (true) {
                Object y = g.send(x);
                trace.add("Yielded " + y);
                x++;
            }
        } catch (NoSuchElementException stop) {
            // StopIteration
        }
    }

    @Test
    void delegationOfSend() {
        sendCounting(sendG1(trace));
        assertEquals(List.of("Starting g1", "g1 received 1", "Starting g2", "Yielded g2 spam", "g2 received 2",
                "Yielded g2 more spam", "g2 received 3", "Finishing g2", "Yielded g1 eggs", "g1 received 4",
                "Finishing g1"), trace);
    }

    @Test
    void handlingExceptionWhileDelegatingSend() {
        assertThrows(IllegalArgumentException.class, () -> sendCounting(failingSendG1(trace)));
        assertEquals(List.of("Starting g1", "g1 received 1", "Starting g2", "Yielded g2 spam", "g2 received 2"), trace);
    }

    // test_delegating_close, test_handing_exception_while_delegating_close, test_delegating_throw

    @Generator
    static Coroutine<Object, Object, Void> closeG1(List<String> trace, boolean g2Fails) {
        try {
            trace.add("Starting g1");
            Yield.value("g1 ham");
            Yield.all(g2Fails ? failingCloseG2(trace) : closeG2(trace));
            Yield.value("g1 eggs");
        } finally {
            trace.add("Finishing g1");
        }
        return Yield.done();
    }

    @Generator
    static Coroutine<Object, Object, Void> closeG2(List<String> trace) {
        try {
            trace.add("Starting g2");
            Yield.value("g2 spam");
            Yield.value("g2 more spam");
        } finally {
            trace.add("Finishing g2");
        }
        return Yield.done();
    }

    @Generator
    static Coroutine<Object, Object, Void> failingCloseG2(List<String> trace) {
        try {
            trace.add("Starting g2");
            Yield.value("g2 spam");
            Yield.value("g2 more spam");
        } finally {
            trace.add("Finishing g2");
            if (trace != null) {
                throw new IllegalArgumentException("nybbles have exploded with delight");
            }
        }
        return Yield.done();
    }

    private Coroutine<Object, Object, Void> twoSteps(Coroutine<Object, Object, Void> g) {
        for (int i = 0; i < 2; i++) {
            trace.add("Yielded " + g.next());
        }
        return g;
    }

    @Test
    void delegatingClose() {
        twoSteps(closeG1(trace, false)).close();
        assertEquals(List.of("Starting g1", "Yielded g1 ham", "Starting g2", "Yielded g2 spam",
                "Finishing g2", "Finishing g1"), trace);
    }

    @Test
    void handlingExceptionWhileDelegatingClose() {
        Coroutine<Object, Object, Void> g = twoSteps(closeG1(trace, true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, g::close);
        assertEquals("nybbles have exploded with delight", e.getMessage());
        assertEquals(List.of("Starting g1", "Yielded g1 ham", "Starting g2", "Yielded g2 spam",
                "Finishing g2", "Finishing g1"), trace);
        assertTrue(g.isDone());
    }

    @Test
    void delegatingThrow() {
        Coroutine<Object, Object, Void> g = twoSteps(closeG1(trace, false));
        IllegalArgumentException tomato = new IllegalArgumentException("tomato ejected");
        assertSame(tomato, assertThrows(IllegalArgumentException.class, () -> g.raise(tomato)));
        assertEquals(List.of("Starting g1", "Yielded g1 ham", "Starting g2", "Yielded g2 spam",
                "Finishing g2", "Finishing g1"), trace);
    }

    // test_exception_value_crash, test_generator_return_value

    @Generator
    static Coroutine<Object, Object, Void> crashG1() {
        Yield.all(crashG2());
        return Yield.done();
    }

    @Generator
    static Coroutine<Object, Object, List<Integer>> crashG2() {
        Yield.value("g2");
        return Yield.done(List.of(42));
    }

    @Test
    void exceptionValueCrash() {
        List<Object> seen = new ArrayList<>();
        crashG1().forEachRemaining(seen::add);
        assertEquals(List.of("g2"), seen);
    }

    @Generator
    static Coroutine<Object, Object, Void> returnValueG1(List<String> trace) {
        trace.add("Starting g1");
        Yield.value("g1 ham");
        Object ret = Yield.all(returnValueG2(trace, null));
        trace.add("g2 returned " + ret);
        for (Object v : new Object[] {1, List.of(2), new NoSuchElementException("3")}) {
            ret = Yield.all(returnValueG2(trace, v));
            trace.add("g2 returned " + ret);
        }
        Yield.value("g1 eggs");
        trace.add("Finishing g1");
        return Yield.done();
    }

    @Generator
    static Coroutine<Object, Object, Object> returnValueG2(List<String> trace, Object v) {
        trace.add("Starting g2");
        Yield.value("g2 spam");
        Yield.value("g2 more spam");
        trace.add("Finishing g2");
        return Yield.done(v);
    }

    @Test
    void generatorReturnValue() {
        drain(returnValueG1(trace));
        List<String> expected = new ArrayList<>(List.of("Starting g1", "Yielded g1 ham"));
        for (String returned : List.of("null", "1", "[2]", "java.util.NoSuchElementException: 3")) {
            expected.addAll(List.of("Starting g2", "Yielded g2 spam", "Yielded g2 more spam", "Finishing g2",
                    "g2 returned " + returned));
        }
        expected.addAll(List.of("Yielded g1 eggs", "Finishing g1"));
        assertEquals(expected, trace);
    }

    // test_delegation_of_next_to_non_generator, test_conversion_of_sendNone_to_next

    @Generator
    static Coroutine<Integer, Object, Void> range3() {
        Yield.all(IntStream.range(0, 3).iterator());
        return Yield.done();
    }

    @Test
    void delegationOfNextToNonGenerator() {
        drain(range3());
        assertEquals(List.of("Yielded 0", "Yielded 1", "Yielded 2"), trace);
    }

    @Test
    void conversionOfSendNoneToNext() {
        Coroutine<Integer, Object, Void> gi = range3();
        for (int x = 0; x < 3; x++) {
            trace.add("Yielded: " + gi.send(null));
        }
        assertEquals(List.of("Yielded: 0", "Yielded: 1", "Yielded: 2"), trace);
    }

    // test_delegation_of_close_to_non_generator, test_delegating_throw_to_non_generator

    @Generator
    static Coroutine<Integer, Object, Void> rangeInTry(List<String> trace, int n) {
        try {
            trace.add("starting g");
            Yield.all(IntStream.range(0, n).iterator());
            trace.add("g should not be here");
        } finally {
            trace.add("finishing g");
        }
        return Yield.done();
    }

    @Test
    void delegationOfCloseToNonGenerator() {
        Coroutine<Integer, Object, Void> gi = rangeInTry(trace, 3);
        gi.next();
        gi.close();
        assertEquals(List.of("starting g", "finishing g"), trace);
    }

    @Test
    void delegatingThrowToNonGenerator() {
        Coroutine<Integer, Object, Void> gi = rangeInTry(trace, 10);
        for (int i = 0; i < 5; i++) {
            trace.add("Yielded " + gi.next());
        }
        IllegalArgumentException tomato = new IllegalArgumentException("tomato ejected");
        assertSame(tomato, assertThrows(IllegalArgumentException.class, () -> gi.raise(tomato)));
        assertEquals(List.of("starting g", "Yielded 0", "Yielded 1", "Yielded 2", "Yielded 3", "Yielded 4",
                "finishing g"), trace);
    }

    // test_exception_in_initial_next_call

    @Generator
    static Coroutine<Object, Object, Void> divG1(List<String> trace) {
        trace.add("g1 about to yield from g2");
        Yield.all(divG2(0));
        trace.add("g1 should not be here");
        return Yield.done();
    }

    @Generator
    static Coroutine<Object, Object, Void> divG2(int zero) {
        Yield.value(1 / zero);
        return Yield.done();
    }

    @Test
    void exceptionInInitialNextCall() {
        assertThrows(ArithmeticException.class, () -> divG1(trace).next());
        assertEquals(List.of("g1 about to yield from g2"), trace);
    }

    // test_attempted_yield_from_loop

    @Generator
    static Coroutine<Object, Object, Void> loopG1(List<String> trace, Object[] self) {
        trace.add("g1: starting");
        Yield.value("y1");
        trace.add("g1: about to yield from g2");
        Yield.all(loopG2(trace, self));
        trace.add("g1 should not be here");
        return Yield.done();
    }

    @Generator
    @SuppressWarnings("unchecked")
    static Coroutine<Object, Object, Void> loopG2(List<String> trace, Object[] self) {
        trace.add("g2: starting");
        Yield.value("y2");
        trace.add("g2: about to yield from g1");
        Yield.all((Coroutine<Object, Object, Void>) self[0]);
        trace.add("g2 should not be here");
        return Yield.done();
    }

    @Test
    void attemptedYieldFromLoop() {
        Object[] self = new Object[1];
        Coroutine<Object, Object, Void> gi = loopG1(trace, self);
        self[0] = gi;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
            while (gi.hasNext()) {
                trace.add("Yielded: " + gi.next());
            }
        });
        assertTrue(e.getMessage().contains("running"), e.getMessage());
        assertEquals(List.of("g1: starting", "Yielded: y1", "g1: about to yield from g2", "g2: starting",
                "Yielded: y2", "g2: about to yield from g1"), trace);
    }

    // test_returning_value_from_delegated_throw

    static final class LunchError extends RuntimeException {
        LunchError(String message) {
            super(message);
        }
    }

    @Generator
    static Coroutine<Object, Object, Void> lunchG1(List<String> trace) {
        try {
            trace.add("Starting g1");
            Yield.value("g1 ham");
            Yield.all(lunchG2(trace));
            Yield.value("g1 eggs");
        } finally {
            trace.add("Finishing g1");
        }
        return Yield.done();
    }

    @Generator
    static Coroutine<Object, Object, Void> lunchG2(List<String> trace) {
        try {
            trace.add("Starting g2");
            Yield.value("g2 spam");
            Yield.value("g2 more spam");
        } catch (LunchError e) {
            trace.add("Caught LunchError in g2");
            Yield.value("g2 lunch saved");
            Yield.value("g2 yet more spam");
        }
        return Yield.done();
    }

    @Test
    void returningValueFromDelegatedThrow() {
        Coroutine<Object, Object, Void> g = twoSteps(lunchG1(trace));
        assertEquals("g2 lunch saved", g.raise(new LunchError("tomato ejected")));
        drain(g);
        assertEquals(List.of("Starting g1", "Yielded g1 ham", "Starting g2", "Yielded g2 spam",
                "Caught LunchError in g2", "Yielded g2 yet more spam", "Yielded g1 eggs", "Finishing g1"), trace);
    }

    // test_next_and_return_with_value, test_send_and_return_with_value

    @Generator
    static Coroutine<Object, Object, Object> returnsR(List<String> trace, Object r) {
        trace.add("g starting");
        Object x = Yield.value(null);
        if (x != null) {
            trace.add("g received " + x);
        }
        trace.add("g returning " + r);
        return Yield.done(r);
    }

    @Test
    void nextAndReturnWithValue() {
        List<String> expected = new ArrayList<>();
        for (Object r : new Object[] {null, 1, List.of(2), new NoSuchElementException("3")}) {
            Coroutine<Object, Object, Object> gi = returnsR(trace, r);
            gi.next();
            trace.add("f resuming g");
            assertThrows(NoSuchElementException.class, gi::next);
            trace.add("f caught " + gi.result());
            expected.addAll(List.of("g starting", "f resuming g", "g returning " + r, "f caught " + r));
        }
        assertEquals(expected, trace);
    }

    @Test
    void sendAndReturnWithValue() {
        List<String> expected = new ArrayList<>();
        for (Object r : new Object[] {null, 1, List.of(2), new NoSuchElementException("3")}) {
            Coroutine<Object, Object, Object> gi = returnsR(trace, r);
            gi.next();
            trace.add("f sending spam to g");
            assertThrows(NoSuchElementException.class, () -> gi.send("spam"));
            trace.add("f caught " + gi.result());
            expected.addAll(List.of("g starting", "f sending spam to g", "g received spam", "g returning " + r,
                    "f caught " + r));
        }
        assertEquals(expected, trace);
    }

    // test_catching_exception_from_subgen_and_returning

    @Generator
    static Coroutine<Object, Object, Object> catchingInner(List<String> trace, Object value) {
        try {
            Yield.value(1);
        } catch (IllegalArgumentException e) {
            trace.add("inner caught ValueError");
        }
        return Yield.done(value);
    }

    @Generator
    static Coroutine<Object, Object, Void> catchingOuter(List<String> trace, Object value) {
        Object v = Yield.all(catchingInner(trace, value));
        trace.add("inner returned " + v + " to outer");
        Yield.value(v);
        return Yield.done();
    }

    @Test
    void catchingExceptionFromSubgenAndReturning() {
        for (Object value : new Object[] {2, List.of(2), new NoSuchElementException("2")}) {
            List<Object> seen = new ArrayList<>();
            Coroutine<Object, Object, Void> g = catchingOuter(trace, value);
            seen.add(g.next());
            seen.add(g.raise(new IllegalArgumentException()));
            assertEquals(List.of(1, value), seen);
        }
        assertEquals(List.of("inner caught ValueError", "inner returned 2 to outer",
                "inner caught ValueError", "inner returned [2] to outer",
                "inner caught ValueError", "inner returned java.util.NoSuchElementException: 2 to outer"), trace);
    }

    // test_throwing_GeneratorExit_into_subgen_that_returns / _that_yields / _that_raises

    @Generator
    static Coroutine<Object, Object, Void> exitF(List<String> trace, String onExit) {
        try {
            trace.add("Enter f");
            Yield.value(null);
            trace.add("Exit f");
        } catch (GeneratorExit e) {
            if (onExit.equals("yield")) {
                Yield.value(null);
            } else if (onExit.equals("raise")) {
                throw new IllegalArgumentException("Vorpal bunny encountered");
            }
        }
        return Yield.done();
    }

    @Generator
    static Coroutine<Object, Object, Void> exitG(List<String> trace, String onExit) {
        trace.add("Enter g");
        Yield.all(exitF(trace, onExit));
        trace.add("Exit g");
        return Yield.done();
    }

    @Test
    void throwingGeneratorExitIntoSubgenThatReturns() {
        Coroutine<Object, Object, Void> gi = exitG(trace, "return");
        gi.next();
        GeneratorExit exit = new GeneratorExit();
        assertSame(exit, assertThrows(GeneratorExit.class, () -> gi.raise(exit)));
        assertEquals(List.of("Enter g", "Enter f"), trace);
    }

    @Test
    void throwingGeneratorExitIntoSubgeneratorThatYields() {
        // RuntimeError('generator ignored GeneratorExit')
        Coroutine<Object, Object, Void> gi = exitG(trace, "yield");
        gi.next();
        assertThrows(IllegalStateException.class, () -> gi.raise(new GeneratorExit()));
        assertEquals(List.of("Enter g", "Enter f"), trace);
    }

    @Test
    void throwingGeneratorExitIntoSubgenThatRaises() {
        Coroutine<Object, Object, Void> gi = exitG(trace, "raise");
        gi.next();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> gi.raise(new GeneratorExit()));
        assertEquals("Vorpal bunny encountered", e.getMessage());
        assertEquals(List.of("Enter g", "Enter f"), trace);
    }

    // test_yield_from_empty

    @Generator
    static Coroutine<Object, Object, Void> fromEmpty() {
        Yield.all(List.of());
        return Yield.done();
    }

    @Test
    void yieldFromEmpty() {
        assertThrows(NoSuchElementException.class, () -> fromEmpty().next());
    }

    // test_delegating_generators_claim_to_be_running

    @Generator
    static Coroutine<Integer, Object, Void> one(Object[] g1) {
        Yield.value(0);
        Yield.all(two(g1));
        Yield.value(3);
        return Yield.done();
    }

    @Generator
    @SuppressWarnings("unchecked")
    static Coroutine<Integer, Object, Void> two(Object[] g1) {
        Yield.value(1);
        try {
            Yield.all((Coroutine<Integer, Object, Void>) g1[0]);
        } catch (IllegalStateException e) {
            // the running g1 refuses
        }
        Yield.value(2);
        return Yield.done();
    }

    static final class MyErr extends RuntimeException {
    }

    @Generator
    static Coroutine<Integer, Object, Void> oneCatching(Object[] g1) {
        try {
            Yield.value(0);
        } catch (MyErr e) {
            // pass
        }
        Yield.all(twoCatching(g1));
        try {
            Yield.value(3);
        } catch (MyErr e) {
            // pass
        }
        return Yield.done();
    }

    @Generator
    @SuppressWarnings("unchecked")
    static Coroutine<Integer, Object, Void> twoCatching(Object[] g1) {
        try {
            Yield.value(1);
        } catch (MyErr e) {
            // pass
        }
        try {
            Yield.all((Coroutine<Integer, Object, Void>) g1[0]);
        } catch (IllegalStateException e) {
            // pass
        }
        try {
            Yield.value(2);
        } catch (MyErr e) {
            // pass
        }
        return Yield.done();
    }

    @Test
    void delegatingGeneratorsClaimToBeRunningWithNext() {
        Object[] holder = new Object[1];
        Coroutine<Integer, Object, Void> g1 = one(holder);
        holder[0] = g1;
        List<Integer> res = new ArrayList<>();
        g1.forEachRemaining(res::add);
        assertEquals(List.of(0, 1, 2, 3), res);
    }

    @Test
    void delegatingGeneratorsClaimToBeRunningWithSend() {
        Object[] holder = new Object[1];
        Coroutine<Integer, Object, Void> g1 = one(holder);
        holder[0] = g1;
        List<Integer> res = new ArrayList<>();
        res.add(g1.next());
        assertThrows(NoSuchElementException.class, () -> {
            while (true) {
                res.add(g1.send(42));
            }
        });
        assertEquals(List.of(0, 1, 2, 3), res);
    }

    @Test
    void delegatingGeneratorsClaimToBeRunningWithThrow() {
        Object[] holder = new Object[1];
        Coroutine<Integer, Object, Void> g1 = oneCatching(holder);
        holder[0] = g1;
        List<Integer> res = new ArrayList<>();
        res.add(g1.next());
        assertThrows(NoSuchElementException.class, () -> {
            while (true) {
                res.add(g1.raise(new MyErr()));
            }
        });
        assertEquals(List.of(0, 1, 2, 3), res);
    }
}
