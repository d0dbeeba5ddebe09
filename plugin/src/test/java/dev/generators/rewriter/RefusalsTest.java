package dev.generators.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the build refuses: each message names file, line, class and method, and says what to do. */
class RefusalsTest {

    private static void assertRefused(List<Misuse> misuses, String place, String reason) {
        assertTrue(
                misuses.stream()
                        .anyMatch(m ->
                                m.toString().startsWith(place) && m.message().contains(reason)),
                () -> "expected a refusal at " + place + " saying '" + reason + "', got " + misuses);
    }

    @Test
    void yieldInALambdaInsideAGeneratorIsRefusedAtItsLine() {
        List<Misuse> misuses = Compiler.misuses("""
                import dev.generators.*;
                import java.util.*;
                class Lambda {
                    @Generator
                    static Iterator<Integer> gen(List<Integer> xs) {
                        xs.forEach(x ->
                            Yield.value(x));
                        return Yield.done();
                    }
                }
                """);
        assertEquals(1, misuses.size(), misuses::toString);
        assertRefused(misuses, "Lambda.java:7: Lambda.lambda$gen$0(Integer)", "is called in a lambda");
    }

    @Test
    void yieldInAnAnonymousClassIsRefused() {
        List<Misuse> misuses = Compiler.misuses("""
                import dev.generators.*;
                import java.util.*;
                class Anon {
                    @Generator
                    static Iterator<Integer> gen() {
                        Runnable r = new Runnable() {
                            public void run() { Yield.value(1); }
                        };
                        r.run();
                        return Yield.done();
                    }
                }
                """);
        assertRefused(misuses, "Anon.java:7: Anon$1.run()", "class declared inside gen()");
    }

    @Test
    void yieldOutsideAnyGeneratorIsRefused() {
        List<Misuse> misuses = Compiler.misuses("""
                import dev.generators.*;
                class Plain {
                    static void notAGenerator() {
                        Yield.value(1);
                    }
                }
                """);
        assertRefused(misuses, "Plain.java:4: Plain.notAGenerator()", "outside a @Generator method");
    }

    @Test
    void everyOffenceInAClassIsReportedTogether() {
        List<Misuse> misuses = Compiler.misuses("""
                import dev.generators.*;
                import java.util.*;
                abstract class Many {
                    @Generator
                    abstract Iterator<Integer> noBody();
                    @Generator
                    synchronized Iterator<Integer> locked() { Yield.value(1); return Yield.done(); }
                    @Generator
                    List<Integer> wrongType() { Yield.value(1); return Yield.done(); }
                }
                """);
        assertEquals(3, misuses.size(), misuses::toString);
        assertRefused(misuses, "Many.java", "this method is abstract");
        assertRefused(misuses, "Many.java:7: Many.locked()", "synchronized method");
        assertRefused(misuses, "Many.java:9: Many.wrongType()", "returns java.util.List");
    }

    @Test
    void yieldInsideASynchronizedBlockIsRefusedAtTheYield() {
        List<Misuse> misuses = Compiler.misuses("""
                import dev.generators.*;
                import java.util.*;
                class Locks {
                    final Object lock = new Object();
                    @Generator
                    Iterator<Integer> gen() {
                        synchronized (lock) {
                            int x = 1;
                            Yield.value(x);
                        }
                        Yield.value(2);
                        return Yield.done();
                    }
                }
                """);
        assertEquals(1, misuses.size(), misuses::toString);
        assertRefused(misuses, "Locks.java:9: Locks.gen()", "inside a synchronized block");
    }

    @Test
    void returningAValueOtherThanYieldDoneIsRefused() {
        List<Misuse> misuses = Compiler.misuses("""
                import dev.generators.*;
                import java.util.*;
                class Returns {
                    @Generator
                    static Iterable<Integer> gen(boolean early) {
                        if (early) return List.of(1);
                        Yield.value(2);
                        return Yield.done();
                    }
                }
                """);
        assertEquals(1, misuses.size(), misuses::toString);
        assertRefused(misuses, "Returns.java:6: Returns.gen(boolean)", "return Yield.done();");
    }

    @Test
    void aClassFileTooOldIsRefusedWithItsVersion() {
        Map<String, byte[]> classes = Compiler.compile("""
                import dev.generators.*;
                import java.util.*;
                class Old {
                    @Generator
                    static Iterator<Integer> gen() { Yield.value(1); return Yield.done(); }
                }
                """);
        classes.get("Old")[7] = 51; // a Java 7 class file, as javac no longer writes them
        assertRefused(Compiler.misuses(classes), "Old.java: Old", "older than Java 8");
    }

    @Test
    void aClassFileTooNewForAsmIsRefusedWithItsVersion() {
        Map<String, byte[]> classes = Compiler.compile("""
                import dev.generators.*;
                class Future {
                    @Generator
                    static java.util.Iterator<Integer> gen() { Yield.value(1); return Yield.done(); }
                }
                """);
        classes.get("Future")[6] = 1; // major version 256 + 61: far beyond any ASM
        assertRefused(Compiler.misuses(classes), "Future", "is newer than this plugin's ASM reads");
    }

    @Test
    void aYieldDoneWhoseValueIsThrownAwayIsRefused() {
        List<Misuse> misuses = Compiler.misuses("""
                import dev.generators.*;
                import java.util.*;
                class Discards {
                    @Generator
                    static Iterator<Integer> gen() {
                        Yield.value(1);
                        Yield.done();
                        Yield.value(2);
                        return Yield.done();
                    }
                }
                """);
        assertEquals(1, misuses.size(), misuses::toString);
        assertRefused(misuses, "Discards.java:7: Discards.gen()", "does nothing unless it is returned");
    }
}
