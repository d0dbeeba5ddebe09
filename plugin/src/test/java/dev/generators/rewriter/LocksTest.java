package dev.generators.rewriter;

import static dev.generators.rewriter.RoundTripTest.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code synchronized} blocks in generators: a lock taken and released between yields is
 * rewritten, wherever it stands (loops, try/catch/finally, resources, jumps out of it, exceptions
 * inside it); only a yield that runs with a monitor held is refused. Each of these once hung the
 * build or was refused.
 */
@Timeout(300)
class LocksTest {

    private static final String SOURCE = """
            import dev.generators.*;
            import java.util.*;
            class Locks implements AutoCloseable {
                final Object lock = new Object();
                int count;
                public void close() { count += 100; }

                // the smallest case that made the analysis run out of memory
                @Generator
                Iterator<Object> inLoopAfterYieldInTry(String s) {
                    while (count < 2) {
                        try {
                            Yield.value(s);
                            synchronized (lock) { count++; }
                        } catch (RuntimeException e) {
                        }
                    }
                    return Yield.done();
                }

                @Generator
                Iterator<Object> throwingBodyCaughtInLoop() {
                    for (int i = 0; i < 3; i++) {
                        try {
                            synchronized (lock) {
                                count++;
                                if (i == 1) throw new IllegalStateException("in lock " + i);
                            }
                        } catch (IllegalStateException e) {
                            Yield.value(e.getMessage());
                        }
                        Yield.value(i);
                    }
                    return Yield.done();
                }

                @Generator
                Iterator<Object> inResourcesInLoop() {
                    for (int i = 0; i < 2; i++) {
                        try (Locks self = this) {
                            synchronized (lock) { count++; }
                            Yield.value(count);
                        }
                    }
                    Yield.value(count);
                    return Yield.done();
                }

                @Generator
                Iterator<Object> continueOutOfLockInTryInLoop() {
                    for (int i = 0; i < 4; i++) {
                        try {
                            synchronized (lock) {
                                if (i % 2 == 0) continue;
                                count++;
                            }
                            Yield.value(i);
                        } finally {
                            count += 10;
                        }
                    }
                    Yield.value(count);
                    return Yield.done();
                }

                // refused once: no monitor is held after the try
                @Generator
                Iterator<Object> yieldAfterTryHoldingLock(String s) {
                    try { synchronized (lock) { count++; } } catch (RuntimeException e) { }
                    Yield.value(s);
                    return Yield.done();
                }

                @Generator
                Iterator<Object> breakAndReturnOutOfLocks() {
                    outer:
                    for (int i = 0; ; i++) {
                        synchronized (lock) {
                            synchronized (this) {
                                if (i == 3) break outer;
                                count++;
                            }
                        }
                        Yield.value(i);
                        block: {
                            synchronized (lock) { if (i == 1) break block; }
                            Yield.value("not broken " + i);
                        }
                    }
                    for (int j = 0; ; j++) {
                        Yield.value("j" + j);
                        synchronized (lock) { if (j == 1) return Yield.done(); }
                    }
                }

                @Generator
                Iterator<Object> locksInCatchAndFinally() {
                    for (int i = 0; i < 2; i++) {
                        try {
                            Yield.value("try " + i);
                            if (i == 0) throw new IllegalArgumentException("x");
                        } catch (IllegalArgumentException e) {
                            synchronized (lock) { count++; }
                            Yield.value("caught");
                        } finally {
                            synchronized (lock) { count += 10; }
                            Yield.value("finally " + count);
                        }
                    }
                    return Yield.done();
                }

                @Generator
                Iterator<Object> lockAroundTryInsideLoop() {
                    int i = 0;
                    do {
                        synchronized (lock) {
                            try {
                                if (i == 1) throw new UnsupportedOperationException();
                                count++;
                            } catch (UnsupportedOperationException e) {
                                count += 5;
                            } finally {
                                count += 1000;
                            }
                        }
                        Yield.value(count);
                    } while (++i < 3);
                    return Yield.done();
                }

                @Generator
                Iterator<Object> lockInSwitchExpression(int k) {
                    for (int i = 0; i < 3; i++) {
                        int v = switch ((i + k) % 3) {
                            case 0 -> { synchronized (lock) { yield count++; } }
                            case 1 -> 7;
                            default -> { synchronized (this) { count--; } yield -1; }
                        };
                        Yield.value(v);
                    }
                    return Yield.done();
                }
            }
            """;

    private static Class<?> type;

    private static synchronized Class<?> type() {
        if (type == null) {
            type = Compiler.load(SOURCE);
        }
        return type;
    }

    private static List<Object> run(String method, Object... arguments) throws Exception {
        var constructor = type().getDeclaredConstructor();
        constructor.setAccessible(true);
        Object locks = constructor.newInstance();
        for (Method m : type().getDeclaredMethods()) {
            if (m.getName().equals(method) && m.getReturnType() == Iterator.class) {
                m.setAccessible(true);
                return drain((Iterator<?>) m.invoke(locks, arguments));
            }
        }
        throw new AssertionError("no method " + method);
    }

    @Test
    void aLockInATryInALoopIsRewritten() throws Exception {
        assertEquals(List.of("s", "s"), run("inLoopAfterYieldInTry", "s"));
    }

    @Test
    void aLockWhoseBodyThrowsIsReleasedBeforeTheCatchYields() throws Exception {
        assertEquals(List.of(0, "in lock 1", 1, 2), run("throwingBodyCaughtInLoop"));
    }

    @Test
    void aLockInATryWithResourcesInALoopIsRewritten() throws Exception {
        assertEquals(List.of(1, 102, 202), run("inResourcesInLoop"));
    }

    @Test
    void continueOutOfALockRunsTheFinallyAndGoesOn() throws Exception {
        assertEquals(List.of(1, 3, 42), run("continueOutOfLockInTryInLoop"));
    }

    @Test
    void aYieldAfterATryHoldingALockIsNotRefused() throws Exception {
        assertEquals(List.of("s"), run("yieldAfterTryHoldingLock", "s"));
    }

    @Test
    void breakAndReturnLeaveNestedLocks() throws Exception {
        assertEquals(List.of(0, "not broken 0", 1, 2, "not broken 2", "j0", "j1"), run("breakAndReturnOutOfLocks"));
    }

    @Test
    void locksInCatchAndFinallyBlocks() throws Exception {
        assertEquals(List.of("try 0", "caught", "finally 11", "try 1", "finally 21"), run("locksInCatchAndFinally"));
    }

    @Test
    void aLockAroundATryInALoop() throws Exception {
        assertEquals(List.of(1001, 2006, 3007), run("lockAroundTryInsideLoop"));
    }

    @Test
    void locksInSwitchExpressionArms() throws Exception {
        assertEquals(List.of(0, 7, -1), run("lockInSwitchExpression", 0));
    }

    @Test
    void aYieldInsideALockInALoopInATryIsStillRefused() {
        List<Misuse> misuses = Compiler.misuses("""
                import dev.generators.*;
                import java.util.*;
                class Held {
                    @Generator
                    static Iterator<Object> gen(Object lock) {
                        for (int i = 0; i < 3; i++) {
                            try {
                                synchronized (lock) {
                                    if (i == 1) continue;
                                    Yield.value(i);
                                }
                            } catch (RuntimeException e) {
                            }
                            Yield.value("free");
                        }
                        return Yield.done();
                    }
                }
                """);
        assertEquals(1, misuses.size(), misuses::toString);
        assertTrue(misuses.get(0).toString().startsWith("Held.java:10: Held.gen(Object)"), misuses::toString);
        assertTrue(misuses.get(0).message().contains("inside a synchronized block"), misuses::toString);
    }
}
