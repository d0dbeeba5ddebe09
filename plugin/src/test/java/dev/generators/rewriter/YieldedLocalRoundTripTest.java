package dev.generators.rewriter;

import static dev.generators.rewriter.RoundTripTest.call;
import static dev.generators.rewriter.RoundTripTest.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.generators.Coroutine;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * A generator whose every yield yields a primitive local that the yield saves anyway keeps no
 * {@code yielded$}: the value is taken from the local's field ({@link FrameLayout#yieldsSavedLocal}).
 * These run such generators, and the ones that must keep {@code yielded$}, by every way a value is
 * taken, and check which field each takes it from.
 */
class YieldedLocalRoundTripTest {

    private static final String SOURCE = """
            import dev.generators.*;
            import java.util.*;
            import java.util.stream.*;
            class Locals {
                @Generator
                static Iterator<Integer> twice(int n) {
                    for (int i = 0; i < n; i++) {
                        Yield.value(i);
                        Yield.value(i);
                    }
                    return Yield.done();
                }
                @Generator
                static Iterator<Long> longs(long n) {
                    for (long x = 0; x < n; x += 3) {
                        Yield.value(x);
                    }
                    return Yield.done();
                }
                @Generator
                static Iterable<Double> doubles(int n) {
                    double d = 0.5;
                    for (int i = 0; i < n; i++) {
                        Yield.value(d);
                        d *= 2;
                    }
                    return Yield.done();
                }
                @Generator
                static Iterator<Integer> reassigned(int limit) {
                    int x = 1;
                    while (x < limit) {
                        Yield.value(x);
                        x = x * 3;
                    }
                    return Yield.done();
                }
                @Generator
                static Iterable<Integer> repeat(int v, int times) {
                    for (int k = 0; k < times; k++) {
                        Yield.value(v);
                    }
                    return Yield.done();
                }
                @Generator
                static Iterator<Integer> two(int n) {
                    int a = n, b = -n;
                    for (int k = 0; k < 2; k++) {
                        Yield.value(a);
                        Yield.value(b);
                        a++;
                        b--;
                    }
                    return Yield.done();
                }
                @Generator
                static Iterator<Integer> squares(int n) {
                    for (int i = 0; i < n; i++) {
                        int square = i * i;
                        Yield.value(square);
                    }
                    return Yield.done();
                }
                @Generator
                static Iterator<Integer> sums(int n) {
                    for (int i = 0; i < n; i++) {
                        Yield.value(i + n);
                    }
                    return Yield.done();
                }
                @Generator
                static Iterator<Integer> thenDead(int n) {
                    int i = 0;
                    for (; i < n; i++) {
                        Yield.value(i);
                    }
                    Yield.value(i);
                    return Yield.done();
                }
                @Generator
                static Coroutine<Integer, Integer, String> accumulate(int start) {
                    int v = start;
                    for (;;) {
                        Integer sent = Yield.value(v);
                        if (sent == null) {
                            break;
                        }
                        v += sent;
                    }
                    return Yield.done("ended at " + v);
                }
                @Generator
                static Coroutine<Integer, Object, Void> recovering() {
                    int v = 0;
                    while (v < 1000) {
                        try {
                            Yield.value(v);
                            v++;
                        } catch (IllegalArgumentException e) {
                            v += 100;
                        }
                    }
                    return Yield.done();
                }
                static final List<String> log = new ArrayList<>();
                @Generator
                static Stream<Integer> evens(int n) {
                    try {
                        for (int i = 0; i < n; i += 2) {
                            Yield.value(i);
                        }
                    } finally {
                        log.add("finally");
                    }
                    return Yield.done();
                }
                @Generator
                static Iterator<Integer> outer(Iterator<Integer> inner) {
                    int k = -1;
                    Yield.value(k);
                    Yield.all(inner);
                    Yield.all(twice(2));
                    return Yield.done();
                }
            }
            """;

    private static Map<String, byte[]> classes;
    private static Class<?> owner;

    @BeforeAll
    static void rewrite() {
        classes = Compiler.rewrite(SOURCE);
        owner = Compiler.define(classes, "Locals");
    }

    /** The field the generator class of {@code method} boxes when a value is taken, or null without one. */
    private static String fieldTaken(String method) {
        ClassNode generator = new ClassNode();
        new ClassReader(classes.get("Locals$" + method + "$Generator")).accept(generator, 0);
        MethodNode valueYielded = generator.methods.stream()
                .filter(m -> m.name.equals(RuntimeNames.VALUE_YIELDED))
                .findFirst()
                .orElse(null);
        if (valueYielded == null) {
            return null;
        }
        boolean hasYielded = generator.fields.stream().anyMatch(f -> f.name.equals("yielded$"));
        for (AbstractInsnNode insn : valueYielded.instructions) {
            if (insn instanceof FieldInsnNode get) {
                assertEquals(
                        get.name.equals("yielded$"), hasYielded, method + ": yielded$ declared only where it is read");
                return get.name;
            }
        }
        throw new AssertionError(method + ": valueYielded reads no field");
    }

    @Test
    void everyYieldOfOneSavedLocalTakesTheValueFromThatLocalsField() {
        assertEquals("i", fieldTaken("twice"), "the same local at two yields");
        assertEquals("x", fieldTaken("longs"));
        assertEquals("d", fieldTaken("doubles"));
        assertEquals("x", fieldTaken("reassigned"), "x is live across the yield, and reassigned after it");
        assertEquals("v", fieldTaken("repeat"), "an argument never assigned: its field holds it throughout");
        assertEquals("v", fieldTaken("accumulate"));
        assertEquals("v", fieldTaken("recovering"));
        assertEquals("i", fieldTaken("evens"));
    }

    @Test
    void otherYieldsKeepTheValueInYielded() {
        assertEquals("yielded$", fieldTaken("two"), "two locals, one at each yield");
        assertEquals("yielded$", fieldTaken("squares"), "square is dead after its yield: no yield saves it");
        assertEquals("yielded$", fieldTaken("sums"), "an expression, not a local");
        assertEquals("yielded$", fieldTaken("thenDead"), "i is saved at the first yield, dead at the second");
        assertEquals(null, fieldTaken("outer"), "Yield.all: the values are kept boxed");
    }

    @Test
    void theValuesAreThoseOfTheSource() throws Exception {
        assertEquals(List.of(0, 0, 1, 1, 2, 2), drain(call(owner, "twice", 3)));
        assertEquals(List.of(0L, 3L, 6L, 9L), drain(call(owner, "longs", 10L)));
        Object doubles = call(owner, "doubles", 3);
        assertEquals(List.of(0.5, 1.0, 2.0), drain(doubles));
        assertEquals(List.of(0.5, 1.0, 2.0), drain(doubles), "a fresh run each iterator()");
        assertEquals(List.of(1, 3, 9, 27, 81), drain(call(owner, "reassigned", 100)));
        Object repeat = call(owner, "repeat", 7, 3);
        assertEquals(List.of(7, 7, 7), drain(repeat));
        assertEquals(List.of(7, 7, 7), drain(repeat));
        assertEquals(List.of(5, -5, 6, -6), drain(call(owner, "two", 5)));
        assertEquals(List.of(0, 1, 4, 9), drain(call(owner, "squares", 4)));
        assertEquals(List.of(3, 4, 5), drain(call(owner, "sums", 3)));
        assertEquals(List.of(0, 1, 2, 3), drain(call(owner, "thenDead", 3)));
    }

    @Test
    void aValueFetchedAheadIsStillTheOneYieldedWhenTaken() throws Exception {
        Iterator<?> reassigned = (Iterator<?>) call(owner, "reassigned", 100);
        assertTrue(reassigned.hasNext());
        assertTrue(reassigned.hasNext(), "a second hasNext() does not run the body");
        assertEquals(1, reassigned.next());
        assertTrue(reassigned.hasNext());
        assertEquals(3, reassigned.next());
        assertEquals(9, reassigned.next());
    }

    @Test
    void sendAfterAValueFetchedAheadIsRefusedAndTheValueIsStillThere() throws Exception {
        @SuppressWarnings("unchecked")
        Coroutine<Integer, Integer, String> accumulate =
                (Coroutine<Integer, Integer, String>) call(owner, "accumulate", 10);
        assertTrue(accumulate.hasNext());
        assertThrows(IllegalStateException.class, () -> accumulate.send(5));
        assertEquals(10, accumulate.next());
        assertEquals(15, accumulate.send(5));
        assertEquals(17, accumulate.send(2));
        assertFalse(accumulate.hasNext(), "hasNext() resumes it with null: the body ends");
        assertEquals("ended at 17", accumulate.result());
    }

    @Test
    void anExceptionRaisedAtTheYieldAndHandledYieldsTheLocalAsTheHandlerLeftIt() throws Exception {
        @SuppressWarnings("unchecked")
        Coroutine<Integer, Object, Void> recovering = (Coroutine<Integer, Object, Void>) call(owner, "recovering");
        assertEquals(0, recovering.next());
        assertEquals(1, recovering.next());
        assertEquals(101, recovering.raise(new IllegalArgumentException()));
        assertEquals(102, recovering.next());
        assertThrows(IllegalStateException.class, () -> recovering.raise(new IllegalStateException()));
        assertTrue(recovering.isDone());
    }

    @Test
    void aStreamTakesEachValueAsItIsYieldedByEveryTerminalOperation() throws Exception {
        assertEquals(
                20,
                ((Stream<?>) call(owner, "evens", 10))
                        .mapToInt(i -> (Integer) i)
                        .sum());
        assertEquals(
                List.of(0, 2, 4),
                ((Stream<?>) call(owner, "evens", 100)).limit(3).toList());
        assertEquals(
                6,
                ((Stream<?>) call(owner, "evens", 100))
                        .filter(i -> (Integer) i > 5)
                        .findFirst()
                        .orElseThrow());
        Iterator<?> split = ((Stream<?>) call(owner, "evens", 5)).iterator();
        assertEquals(List.of(0, 2, 4), drain(split));
        assertEquals(
                "0,2,4,6",
                ((Stream<?>) call(owner, "evens", 8)).map(String::valueOf).collect(Collectors.joining(",")));

        java.lang.reflect.Field logField = owner.getDeclaredField("log");
        logField.setAccessible(true);
        List<?> log = (List<?>) logField.get(null);
        log.clear();
        List<Object> seen = new java.util.ArrayList<>();
        try (Stream<?> evens = (Stream<?>) call(owner, "evens", 100)) {
            assertThrows(
                    ArithmeticException.class,
                    () -> evens.forEach(i -> {
                        seen.add(i);
                        if ((Integer) i == 4) {
                            throw new ArithmeticException();
                        }
                    }));
            assertEquals(List.of(), log, "suspended at the yield of 4, its finally not run yet");
        }
        assertEquals(List.of(0, 2, 4), seen);
        assertEquals(List.of("finally"), log, "closing the stream closed the body");
    }

    @Test
    void aDelegatingGeneratorHandsOutTheValuesOfAGeneratorThatKeepsThemInALocal() throws Exception {
        Iterator<?> inner = (Iterator<?>) call(owner, "reassigned", 10);
        assertTrue(inner.hasNext(), "1 fetched ahead: the delegation must hand it out first");
        assertEquals(List.of(-1, 1, 3, 9, 0, 0, 1, 1), drain(call(owner, "outer", inner)));
    }
}
