package dev.generators.rewriter;

import static dev.generators.rewriter.RoundTripTest.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.generators.Coroutine;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Which bodies are straight lines of pure yields ({@link PureYields}), whose values the runtime
 * computes as {@code next()} takes them; and that no call of the protocol can tell such a
 * generator from one whose {@code hasNext()} runs the body ahead.
 */
class PureYieldsTest {

    private static final String SHAPES = """
            import dev.generators.*;
            import java.util.*;
            class Shapes {
                int field = 1;
                static int counter;
                static int twice(int x) { return x * 2; }

                @Generator static Iterator<Integer> three(int base) {
                    Yield.value(base); Yield.value(base + 1); Yield.value(base + 2);
                    return Yield.done();
                }
                @Generator Iterator<Object> mixed(long a, double d, String s) {
                    int local = (int) a * 3;
                    Yield.value(local); Yield.value(a << 2); Yield.value(d / 0.0); Yield.value(s); Yield.value(this);
                    Yield.value("text"); Yield.value(null); local += 7; Yield.value(local);
                    return Yield.done();
                }
                @Generator static Coroutine<Integer, Object, Integer> withResult(int x) {
                    Yield.value(x);
                    return Yield.done(x * 10);
                }
                @Generator static Iterator<Integer> none() { return Yield.done(); }

                @Generator static Iterator<Integer> branch(int x) {
                    Yield.value(x > 0 ? x : -x);
                    return Yield.done();
                }
                @Generator static Iterator<Integer> loop(int n) {
                    for (int i = 0; i < n; i++) Yield.value(i);
                    return Yield.done();
                }
                @Generator Iterator<Integer> readsAField() {
                    Yield.value(field);
                    return Yield.done();
                }
                @Generator static Iterator<Integer> readsAStatic() {
                    Yield.value(counter);
                    return Yield.done();
                }
                @Generator static Iterator<Integer> calls(int x) {
                    Yield.value(twice(x));
                    return Yield.done();
                }
                @Generator static Iterator<Integer> divides(int x) {
                    Yield.value(10 / x);
                    return Yield.done();
                }
                @Generator static Coroutine<Integer, Integer, Void> usesWhatItReceives() {
                    Integer got = Yield.value(1);
                    Yield.value(2);
                    return Yield.done();
                }
                @Generator static Iterator<Integer> tries() {
                    try { Yield.value(1); } finally { counter++; }
                    return Yield.done();
                }
                @Generator static Iterator<Object> delegates() {
                    Yield.all(List.of(1, 2));
                    return Yield.done();
                }
                @Generator static Iterator<Object> allocates() {
                    Yield.value(new int[1]);
                    return Yield.done();
                }
                @Generator static Iterator<Class<?>> classLiteral() {
                    Yield.value(String.class);
                    return Yield.done();
                }
            }
            """;

    private static PureYields of(String method) throws Exception {
        MethodNode found = Compiler.method(Compiler.compile(SHAPES), "Shapes", method);
        try (ClassHierarchy hierarchy = ClassHierarchy.of(List.of())) {
            MethodAnalysis analysis = MethodAnalysis.of("Shapes", found, hierarchy);
            return PureYields.of(found, SuspensionPoints.of(found, analysis));
        }
    }

    @Test
    void aStraightLineOfYieldsOfArgumentsLocalsAndConstantsIsPure() throws Exception {
        assertEquals(3, of("three").yields());
        assertEquals(8, of("mixed").yields());
        assertEquals(1, of("withResult").yields());
        assertEquals(0, of("none").yields());
    }

    @Test
    void aBranchLoopFieldCallDivisionReceivedValueTryDelegationAllocationOrClassLiteralIsNot() throws Exception {
        for (String method : List.of(
                "branch",
                "loop",
                "readsAField",
                "readsAStatic",
                "calls",
                "divides",
                "usesWhatItReceives",
                "tries",
                "delegates",
                "allocates",
                "classLiteral")) {
            assertFalse(of(method).pure(), method);
        }
    }

    private static final String PROTOCOL = """
            import dev.generators.*;
            import java.util.*;
            import java.util.stream.*;
            class Pure {
                @Generator static Coroutine<Integer, Object, Integer> three(int base) {
                    Yield.value(base); Yield.value(base + 1); Yield.value(base + 2);
                    return Yield.done(base * 100);
                }
                @Generator static Stream<Integer> stream(int base) {
                    Yield.value(base); Yield.value(base + 1);
                    return Yield.done();
                }
                @Generator static Iterator<Object> around(Iterator<Integer> inner) {
                    Yield.value("before");
                    Object result = Yield.all(inner);
                    Yield.value("result " + result);
                    return Yield.done();
                }
            }
            """;

    private static String listing(Map<String, byte[]> classes, String name) {
        ClassNode type = new ClassNode();
        new ClassReader(classes.get(name)).accept(type, 0);
        return Bytecode.listing(type);
    }

    @SuppressWarnings("unchecked")
    private static Coroutine<Integer, Object, Integer> three(Class<?> type, int base) throws Exception {
        return (Coroutine<Integer, Object, Integer>) call(type, "three", base);
    }

    @Test
    void theValuesAndTheResultAreTheBodysWhetherOrNotHasNextIsAsked() throws Exception {
        Map<String, byte[]> rewritten = Compiler.rewrite(PROTOCOL);
        assertTrue(listing(rewritten, "Pure$three$Generator").contains("StateMachine.hasNextPure (I)Z"));
        assertTrue(listing(rewritten, "Pure$stream$Generator").contains("StateMachine.nextPure (I)Ljava/lang/Object;"));
        assertFalse(listing(rewritten, "Pure$around$Generator").contains("hasNextPure"), "a delegation is not pure");
        Class<?> type = Compiler.define(rewritten, "Pure");

        Coroutine<Integer, Object, Integer> asked = three(type, 7);
        List<Integer> values = new ArrayList<>();
        while (asked.hasNext()) {
            assertTrue(asked.hasNext(), "asked twice");
            values.add(asked.next());
        }
        assertEquals(List.of(7, 8, 9), values);
        assertTrue(asked.isDone());
        assertEquals(700, asked.result());
        assertThrows(NoSuchElementException.class, asked::next);

        Coroutine<Integer, Object, Integer> taken = three(type, 1);
        assertEquals(List.of(1, 2, 3), List.of(taken.next(), taken.next(), taken.next()));
        assertFalse(taken.isDone(), "the rest of the body runs when asked for more");
        assertFalse(taken.hasNext());
        assertEquals(100, taken.result());

        Coroutine<Integer, Object, Integer> sent = three(type, 4);
        assertEquals(4, sent.send(null));
        assertEquals(5, sent.next());
        assertEquals(6, sent.send("ignored"));
        assertThrows(NoSuchElementException.class, () -> sent.send(null));
        assertEquals(400, sent.result());
    }

    @Test
    void aValueAnsweredForByHasNextIsHeldAsIfFetched() throws Exception {
        Class<?> type = Compiler.load(PROTOCOL);

        Coroutine<Integer, Object, Integer> fresh = three(type, 1);
        assertTrue(fresh.toString().endsWith("(not started)"), fresh.toString());
        assertTrue(fresh.hasNext());
        assertTrue(fresh.toString().endsWith("(suspended)"), fresh.toString());
        IllegalStateException send = assertThrows(IllegalStateException.class, () -> fresh.send(null));
        assertTrue(send.getMessage().contains("fetched ahead"), send.getMessage());
        assertThrows(IllegalStateException.class, () -> fresh.raise(new RuntimeException("not thrown")));
        assertEquals(1, fresh.next(), "the value is still the next one");
        assertEquals(2, fresh.send(null), "and once taken, a send resumes");

        Coroutine<Integer, Object, Integer> closed = three(type, 1);
        closed.next();
        assertTrue(closed.hasNext());
        closed.close();
        assertTrue(closed.isDone());
        assertFalse(closed.hasNext());
        assertThrows(IllegalStateException.class, closed::result, "closed: no result");

        // Every call after the end finds it ended, whatever hasNext() answered before: the body
        // is not resumed past its end (an answer left standing would resume it there).
        Coroutine<Integer, Object, Integer> closedWhenAsked = three(type, 1);
        assertTrue(closedWhenAsked.hasNext());
        closedWhenAsked.close();
        assertThrows(NoSuchElementException.class, () -> closedWhenAsked.send(null));
        assertThrows(NoSuchElementException.class, closedWhenAsked::next);

        Coroutine<Integer, Object, Integer> raised = three(type, 1);
        RuntimeException thrown = new RuntimeException("at the first yield");
        raised.next();
        assertSame(thrown, assertThrows(RuntimeException.class, () -> raised.raise(thrown)));
        assertTrue(raised.isDone());
    }

    @Test
    void aWatcherThatAsksHasNextAtTheFirstUseLeavesNoAnswerBehind() throws Exception {
        Class<?> type = Compiler.load(PROTOCOL);
        dev.generators.StateMachine.watchCoroutines(coroutine -> coroutine::hasNext);
        Coroutine<Integer, Object, Integer> watched;
        try {
            watched = three(type, 5);
        } finally {
            dev.generators.StateMachine.watchCoroutines(null);
        }
        List<Integer> all = new ArrayList<>();
        ((dev.generators.StateMachine<Integer, Object, Integer>) watched)
                .asStream()
                .forEach(all::add);
        assertEquals(List.of(5, 6, 7), all);
        assertEquals(500, watched.result());
        watched.close();
        assertEquals(500, watched.result(), "closing a finished generator runs nothing");
    }

    @Test
    void aStreamAndADelegationSeeTheValueAnsweredFor() throws Exception {
        Class<?> type = Compiler.load(PROTOCOL);

        @SuppressWarnings("unchecked")
        Stream<Integer> stream = (Stream<Integer>) call(type, "stream", 5);
        assertEquals(List.of(5, 6), stream.collect(Collectors.toList()));
        Coroutine<Integer, Object, Integer> drained = three(type, 5);
        assertTrue(drained.hasNext());
        List<Integer> all = new ArrayList<>();
        ((dev.generators.StateMachine<Integer, Object, Integer>) drained)
                .asStream()
                .forEach(all::add);
        assertEquals(List.of(5, 6, 7), all);
        assertThrows(NoSuchElementException.class, () -> drained.send(null), "drained to its end");

        Coroutine<Integer, Object, Integer> inner = three(type, 1);
        assertEquals(1, inner.next());
        assertTrue(inner.hasNext(), "answered for 2 before the delegation takes it up");
        Iterator<?> around = (Iterator<?>) call(type, "around", inner);
        assertEquals(List.of("before", 2), List.of(around.next(), around.next()));
        assertEquals(3, inner.send(null), "used directly, the delegate resumes after the value the delegation took");
        List<Object> values = new ArrayList<>();
        around.forEachRemaining(values::add);
        assertEquals(List.of("result 100"), values);
        assertThrows(NoSuchElementException.class, () -> inner.send(null), "the delegation drained it");

        // The innermost generator of a delegation, asked directly between two of its values.
        Coroutine<Integer, Object, Integer> used = three(type, 1);
        Iterator<?> outer = (Iterator<?>) call(type, "around", used);
        assertEquals(List.of("before", 1), List.of(outer.next(), outer.next()));
        assertTrue(used.hasNext());
        List<Object> rest = new ArrayList<>();
        outer.forEachRemaining(rest::add);
        assertEquals(List.of(2, 3, "result 100"), rest);
        assertThrows(NoSuchElementException.class, () -> used.send(null), "the delegation drained it");
    }
}
