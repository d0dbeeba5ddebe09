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
            boolean body = method.getParameterCount() == 1 && method.getParameterTypes()[0].getName().endsWith("$Generator");
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
        assertNull(referenceHeld(generator, argument), "the argument is dead at the first yield: its field must be cleared");
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
