package dev.generators.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundTripTest {

    static List<Object> drain(Object generator) {
        List<Object> values = new ArrayList<>();
        Iterator<?> it = generator instanceof Iterable<?> iterable ? iterable.iterator() : (Iterator<?>) generator;
        it.forEachRemaining(values::add);
        return values;
    }

    static Object call(Class<?> type, String name, Object... args) throws Exception {
        for (Method method : type.getDeclaredMethods()) {
            boolean body = method.getParameterCount() == 1
                    && method.getParameterTypes()[0].getName().endsWith("$Generator");
            if (method.getName().equals(name) && method.getParameterCount() == args.length && !body) {
                method.setAccessible(true);
                return method.invoke(null, args);
            }
        }
        throw new AssertionError("no method " + name);
    }

    @Test
    void fibonacciYieldsTheFirstNumbers() throws Exception {
        Class<?> fib = Compiler.load("""
                import dev.generators.*;
                class Fib {
                    @Generator
                    static Iterable<Long> fibonacci(int count) {
                        long a = 0, b = 1;
                        for (int i = 0; i < count; i++) {
                            Yield.value(a);
                            long t = a + b; a = b; b = t;
                        }
                        return Yield.done();
                    }
                }
                """);
        Object generator = call(fib, "fibonacci", 10);
        assertEquals(List.of(0L, 1L, 1L, 2L, 3L, 5L, 8L, 13L, 21L, 34L), drain(generator));
        assertEquals(List.of(0L, 1L, 1L, 2L, 3L, 5L, 8L, 13L, 21L, 34L), drain(generator));
    }

    /**
     * javac spills the stack into locals, the object under construction among them, for a switch
     * expression holding a try block among a constructor's arguments: the object is created at
     * the constructor call instead, after the yield, and the generator yields what its plain
     * twin computes, by each path through the switch.
     */
    @Test
    void aYieldInsideATryInsideASwitchExpressionAmongAConstructorsArguments() throws Exception {
        Class<?> owner = Compiler.load("""
                import dev.generators.*;
                import java.util.*;
                class Spilled {
                    record Pair(Object first, Object second) {}
                    @Generator
                    static Iterator<Object> pairs(int k) {
                        Object made = new Pair("x", switch (k) {
                            case 1 -> {
                                try {
                                    yield Yield.value("in the try");
                                } catch (RuntimeException e) {
                                    yield "caught";
                                }
                            }
                            case 2 -> {
                                try {
                                    Yield.value("before the throw");
                                    throw new IllegalStateException();
                                } catch (RuntimeException e) {
                                    yield e.getClass().getSimpleName();
                                }
                            }
                            default -> "default";
                        });
                        Yield.value(made);
                        return Yield.done();
                    }
                }
                """);
        Class<?> pair = Class.forName("Spilled$Pair", true, owner.getClassLoader());
        assertEquals(
                "[Pair[first=x, second=default]]",
                drain(call(owner, "pairs", 0)).toString());
        assertEquals(
                "[in the try, Pair[first=x, second=null]]",
                drain(call(owner, "pairs", 1)).toString());
        List<Object> thrown = drain(call(owner, "pairs", 2));
        assertEquals("[before the throw, Pair[first=x, second=IllegalStateException]]", thrown.toString());
        assertEquals(pair, thrown.get(1).getClass());
    }

    /** Values kept unboxed in the frame come out as the same boxes, by every way a value is taken. */
    @Test
    void unboxedYieldsReachTheConsumerByNextSendAndDelegation() throws Exception {
        Class<?> owner = Compiler.load("""
                import dev.generators.*;
                import java.util.*;
                class Counting {
                    @Generator
                    static Coroutine<Integer, Integer, String> counter(int from) {
                        int total = 0;
                        for (int i = from; i < from + 3; i++) {
                            Integer sent = Yield.value(i);
                            total += sent == null ? 0 : sent;
                        }
                        return Yield.done("total " + total);
                    }
                    @Generator
                    static Coroutine<Integer, Integer, String> outer(Coroutine<Integer, Integer, String> inner) {
                        Yield.value(-1);
                        String result = Yield.all(inner);
                        Yield.value(result.length());
                        return Yield.done(result);
                    }
                }
                """);
        @SuppressWarnings("unchecked")
        dev.generators.Coroutine<Integer, Integer, String> counter =
                (dev.generators.Coroutine<Integer, Integer, String>) call(owner, "counter", 1000);
        assertEquals(1000, counter.send(null));
        assertEquals(1001, counter.send(5));
        assertEquals(List.of(1002), drain(counter));
        assertEquals("total 5", counter.result());

        @SuppressWarnings("unchecked")
        dev.generators.Coroutine<Integer, Integer, String> inner =
                (dev.generators.Coroutine<Integer, Integer, String>) call(owner, "counter", 7);
        inner.hasNext(); // 7 fetched ahead: the delegation must hand it out first
        @SuppressWarnings("unchecked")
        dev.generators.Coroutine<Integer, Integer, String> outer =
                (dev.generators.Coroutine<Integer, Integer, String>) call(owner, "outer", inner);
        assertEquals(-1, outer.next());
        assertEquals(7, outer.next());
        assertEquals(8, outer.send(10));
        assertEquals(9, outer.send(20));
        assertEquals("total 30".length(), outer.next());
        assertEquals(List.of(), drain(outer));
        assertEquals("total 30", outer.result());
    }

    /** What the method would have dropped, a suspended generator must not keep reachable either. */
    @Test
    void aSuspendedGeneratorHoldsOnlyTheReferencesStillLive() throws Exception {
        Class<?> owner = Compiler.load("""
                import dev.generators.*;
                import java.util.*;
                class Holder {
                    @Generator
                    static Iterator<Object> stages(Object argument) {
                        Object[] wrapper = {argument};
                        Yield.value(wrapper);
                        Object kept = wrapper[0];
                        Yield.value("wrapper is dead here");
                        Yield.value(kept);
                        return Yield.done();
                    }
                }
                """);
        Object argument = new Object();
        Iterator<?> generator = (Iterator<?>) call(owner, "stages", argument);
        Object wrapper = generator.next();
        assertSame(wrapper, referenceHeld(generator, wrapper), "wrapper is read after the first yield");
        assertNull(
                referenceHeld(generator, argument),
                "the argument is dead at the first yield: its field must be cleared");
        generator.next();
        assertNull(referenceHeld(generator, wrapper), "wrapper is dead at the second yield: no field may keep it");
        assertSame(argument, referenceHeld(generator, argument), "kept is live");
        assertSame(argument, generator.next());
    }

    /** {@code target} if a field of the frame object or of StateMachine refers to it, else null. */
    private static Object referenceHeld(Object generator, Object target) throws IllegalAccessException {
        for (Class<?> type = generator.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (!field.getType().isPrimitive() && !java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    if (field.get(generator) == target) {
                        return target;
                    }
                }
            }
        }
        return null;
    }
}
