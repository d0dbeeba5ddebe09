package dev.generators.rewriter;

import static dev.generators.rewriter.RoundTripTest.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** The shapes, as test-projects/locks builds them with the real plugin. */
    private static final Path SOURCE =
            Path.of("..").toAbsolutePath().normalize().resolve("test-projects/locks/src/main/java/locks/Locks.java");

    private static Class<?> type;

    private static synchronized Class<?> type() {
        if (type == null) {
            try {
                type = Compiler.load(Files.readString(SOURCE));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return type;
    }

    private static List<Object> run(String method, Object... arguments) throws Exception {
        return run(type(), method, arguments);
    }

    /** Runs a generator of Locks, with "s" for a String parameter. */
    private static List<Object> run(Class<?> type, String method, Object... arguments) throws Exception {
        if (arguments.length == 0
                && (method.equals("inLoopAfterYieldInTry") || method.equals("yieldAfterTryHoldingLock"))) {
            arguments = new Object[] {"s"};
        }
        var constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        Object locks = constructor.newInstance();
        for (Method m : type.getDeclaredMethods()) {
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
    void breakOutOfALockInNestedTryFinally() throws Exception {
        assertEquals(List.of(11, 22, "after 32"), run("lockInNestedTryFinally"));
    }

    /** Every shape above, compiled by ECJ and by javac 25 (where installed), whose handlers differ from javac 17's. */
    @Test
    void everyShapeCompiledByEcjAndJavac25() throws Exception {
        Map<String, List<Object>> expected = new LinkedHashMap<>();
        expected.put("inLoopAfterYieldInTry", List.of("s", "s"));
        expected.put("throwingBodyCaughtInLoop", List.of(0, "in lock 1", 1, 2));
        expected.put("inResourcesInLoop", List.of(1, 102, 202));
        expected.put("continueOutOfLockInTryInLoop", List.of(1, 3, 42));
        expected.put("yieldAfterTryHoldingLock", List.of("s"));
        expected.put("breakAndReturnOutOfLocks", List.of(0, "not broken 0", 1, 2, "not broken 2", "j0", "j1"));
        expected.put("locksInCatchAndFinally", List.of("try 0", "caught", "finally 11", "try 1", "finally 21"));
        expected.put("lockAroundTryInsideLoop", List.of(1001, 2006, 3007));
        expected.put("lockInNestedTryFinally", List.of(11, 22, "after 32"));
        for (FuzzCompiler compiler : List.of(FuzzCompiler.ECJ, FuzzCompiler.JAVAC25)) {
            if (!compiler.available()) {
                continue;
            }
            Class<?> compiled = Compiler.define(
                    Compiler.rewriteCompiled(compiler.compile(List.of(Files.readString(SOURCE)))), "locks/Locks");
            for (Map.Entry<String, List<Object>> shape : expected.entrySet()) {
                assertEquals(shape.getValue(), run(compiled, shape.getKey()), compiler + " " + shape.getKey());
            }
        }
    }

    /** ECJ's handler of an empty lock is not covered by itself: its monitorexit throws to the catch. */
    @Test
    void anEmptyLockInATryCompiledByEcjIsNotHeldAfterIt() throws Exception {
        String source = """
                package ecj;
                import dev.generators.*;
                import java.util.*;
                public class Empty {
                    @Generator
                    static Iterator<Object> gen(boolean p) {
                        try {
                            if (p) {
                                Yield.value("before");
                                synchronized (Empty.class) {
                                }
                            }
                        } catch (IllegalStateException | IllegalArgumentException e) {
                        }
                        Yield.value("after");
                        return Yield.done();
                    }
                }
                """;
        Class<?> empty =
                Compiler.define(Compiler.rewriteCompiled(FuzzCompiler.ECJ.compile(List.of(source))), "ecj/Empty");
        Method gen = empty.getDeclaredMethod("gen", boolean.class);
        gen.setAccessible(true);
        assertEquals(List.of("before", "after"), drain((Iterator<?>) gen.invoke(null, true)));
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
