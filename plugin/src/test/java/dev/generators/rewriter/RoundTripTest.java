package dev.generators.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
