package shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static shapes.Collect.list;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Generators declared in test sources: rewritten by the rewrite-tests goal. */
class GeneratorsInTestSourcesTest {

    private final List<String> log = new ArrayList<>();
    private int calls;

    @Generator
    static Iterable<String> fruits() {
        Yield.value("apple");
        Yield.value("banana");
        return Yield.done();
    }

    /** An instance generator of the test class that writes the test's own fields. */
    @Generator
    Iterator<Integer> countCalls(int n) {
        for (int i = 0; i < n; i++) {
            calls++;
            log.add("call " + calls);
            Yield.value(calls);
        }
        return Yield.done();
    }

    @Generator
    private static Stream<String> shout(List<String> words) {
        for (String w : words) {
            Yield.value(w.toUpperCase() + "!");
        }
        return Yield.done();
    }

    @Generator
    static Coroutine<String, Integer, Integer> adder() {
        int sum = 0;
        Integer got = Yield.value("sum " + sum);
        while (got != null) {
            sum += got;
            got = Yield.value("sum " + sum);
        }
        return Yield.done(sum);
    }

    @Test
    void staticGeneratorInATestClass() {
        assertEquals(List.of("apple", "banana"), list(fruits()));
    }

    @Test
    void instanceGeneratorInATestClassWritesTheTestsFields() {
        assertEquals(List.of(1, 2, 3), list(countCalls(3)));
        assertEquals(3, calls);
        assertEquals(List.of("call 1", "call 2", "call 3"), log);
    }

    @Test
    void privateStreamGeneratorInATestClass() {
        assertEquals("A!B!", shout(List.of("a", "b")).collect(Collectors.joining()));
    }

    @Test
    void coroutineGeneratorInATestClass() {
        Coroutine<String, Integer, Integer> c = adder();
        assertEquals("sum 0", c.next());
        assertEquals("sum 5", c.send(5));
        assertEquals("sum 12", c.send(7));
        assertFalse(c.hasNext());
        assertEquals(12, c.result());
    }

    @Test
    void generatorInATestHelperClass() {
        assertEquals(List.of("1", "1 2", "1 2 3"), list(TestSupportGenerators.prefixes(3)));
    }

    @Test
    void generatorInALocalClassDeclaredInsideATestMethod() {
        class Local {
            private final String tag;

            Local(String tag) {
                this.tag = tag;
            }

            @Generator
            Iterable<String> tagged(int n) {
                for (int i = 0; i < n; i++) {
                    Yield.value(tag + i);
                }
                return Yield.done();
            }
        }
        assertEquals(List.of("t0", "t1"), list(new Local("t").tagged(2)));
    }

    @Nested
    class InnerTests {
        private final String suffix = "?";

        /** An inner (non-static) class of the test: reads its own and the outer test's fields. */
        @Generator
        Iterable<String> questions(List<String> words) {
            for (String w : words) {
                log.add(w);
                Yield.value(w + suffix);
            }
            Yield.value("logged " + log.size());
            return Yield.done();
        }

        @Test
        void generatorInANestedNonStaticTestClass() {
            assertEquals(List.of("why?", "how?", "logged 2"), list(questions(List.of("why", "how"))));
        }
    }

    static final class StaticHelper {
        @Generator
        static Iterable<Integer> evens(int limit) {
            for (int i = 0; i < limit; i += 2) {
                Yield.value(i);
            }
            return Yield.done();
        }
    }

    @Test
    void generatorInAStaticNestedClassOfATest() {
        assertEquals(List.of(0, 2, 4), list(StaticHelper.evens(6)));
    }
}
