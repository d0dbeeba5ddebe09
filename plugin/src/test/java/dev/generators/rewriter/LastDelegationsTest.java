package dev.generators.rewriter;

import static dev.generators.rewriter.RoundTripTest.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.generators.Coroutine;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Which {@code Yield.all} calls are a body's last act ({@link LastDelegations}), so that the
 * rewritten body calls {@code yieldAllLast} there, and that such generators give what the body
 * says through every call of the protocol.
 */
class LastDelegationsTest {

    private static final String SHAPES = """
            import dev.generators.*;
            import java.util.*;
            class Shapes {
                record Tree(Tree left, int value, Tree right) {}

                @Generator static Iterator<Integer> walk(Tree t) {
                    if (t.left() != null) {
                        Yield.all(walk(t.left()));
                    }
                    Yield.value(t.value());
                    if (t.right() != null) {
                        Yield.all(walk(t.right()));
                    }
                    return Yield.done();
                }
                @Generator static Iterator<Integer> unconditional(List<Integer> a) {
                    Yield.all(a);
                    return Yield.done();
                }
                @Generator static Iterator<Integer> eitherBranch(boolean first, Iterator<Integer> a, Iterator<Integer> b) {
                    if (first) {
                        Yield.all(a);
                    } else {
                        Yield.all(b);
                    }
                    return Yield.done();
                }
                @Generator static Coroutine<Integer, Object, Object> ofACoroutine(Coroutine<Integer, Object, Object> c) {
                    Yield.all(c);
                    return Yield.done();
                }
                @Generator static Iterator<Integer> inATry(Iterator<Integer> a, List<String> log) {
                    try {
                        Yield.all(a);
                    } finally {
                        log.add("finally");
                    }
                    return Yield.done();
                }
                @Generator static Iterator<Integer> thenMore(Iterator<Integer> a) {
                    Yield.all(a);
                    Yield.value(-1);
                    return Yield.done();
                }
                @Generator static Coroutine<Integer, Object, Object> resultKept(Coroutine<Integer, Object, Object> c) {
                    Object r = Yield.all(c);
                    return Yield.done(r);
                }
                @Generator static Coroutine<Integer, Object, Object> resultReturned(Coroutine<Integer, Object, Object> c) {
                    return Yield.done(Yield.all(c));
                }
                @Generator static Iterator<Integer> inALoop(List<List<Integer>> lists) {
                    for (List<Integer> l : lists) {
                        Yield.all(l);
                    }
                    return Yield.done();
                }
                @Generator static Coroutine<Integer, Object, Object> leaf(int a, Object result) {
                    Yield.value(a);
                    Yield.value(a + 1);
                    return Yield.done(result);
                }
            }
            """;

    /** How many of the method's Yield.all calls are its last act. */
    private static int lastIn(String method) throws Exception {
        MethodNode found = Compiler.method(Compiler.compile(SHAPES), "Shapes", method);
        LastDelegations last = LastDelegations.of(found);
        int count = 0;
        for (AbstractInsnNode insn : found.instructions) {
            if (last.isLast(insn)) {
                assertEquals("all", ((MethodInsnNode) insn).name);
                count++;
            }
        }
        return count;
    }

    @Test
    void aYieldAllThatTheBodyReturnsNullAfterOutsideEveryTryIsItsLastAct() throws Exception {
        assertEquals(1, lastIn("walk"), "the right subtree's; the left's is followed by a yield");
        assertEquals(1, lastIn("unconditional"));
        assertEquals(2, lastIn("eitherBranch"), "one through javac's jump over the else branch");
        assertEquals(1, lastIn("ofACoroutine"));
    }

    @Test
    void aYieldAllInATryFollowedByMoreWhoseResultIsUsedOrInALoopIsNot() throws Exception {
        assertEquals(0, lastIn("inATry"), "the finally block runs after it");
        assertEquals(0, lastIn("thenMore"));
        assertEquals(0, lastIn("resultKept"));
        assertEquals(0, lastIn("resultReturned"));
        assertEquals(0, lastIn("inALoop"), "the loop goes on after it");
    }

    @Test
    void theRewrittenBodyCallsYieldAllLastThereAndYieldAllElsewhere() throws Exception {
        Map<String, byte[]> rewritten = Compiler.rewrite(SHAPES);
        assertEquals(List.of("yieldAll", "yieldAllLast"), runtimeCalls(rewritten, "walk-body"));
        assertEquals(List.of("yieldAllLast", "yieldAllLast"), runtimeCalls(rewritten, "eitherBranch-body"));
        assertEquals(List.of("yieldAll"), runtimeCalls(rewritten, "inATry-body"));
        assertEquals(List.of("yieldAll"), runtimeCalls(rewritten, "resultKept-body"));
    }

    private static List<String> runtimeCalls(Map<String, byte[]> classes, String method) {
        List<String> calls = new ArrayList<>();
        MethodNode body = Compiler.method(classes, "Shapes", method);
        for (AbstractInsnNode insn : body.instructions) {
            if (insn instanceof MethodInsnNode call && call.name.startsWith("yieldAll")) {
                calls.add(call.name);
            }
        }
        return calls;
    }

    @SuppressWarnings("unchecked")
    private static <T> T generator(Class<?> type, String method, Object... arguments) throws Exception {
        return (T) call(type, method, arguments);
    }

    /** Two generators ending with their delegation, over a leaf whose values start at {@code first}. */
    private static Coroutine<Integer, Object, Object> chain(Class<?> type, int first) throws Exception {
        Object leaf = call(type, "leaf", first, "r");
        return generator(type, "ofACoroutine", call(type, "ofACoroutine", leaf));
    }

    private static List<Object> drain(Iterator<?> iterator) {
        List<Object> values = new ArrayList<>();
        iterator.forEachRemaining(values::add);
        return values;
    }

    @Test
    void aGeneratorEndingWithItsDelegationGivesWhatItsBodySaysThroughEveryCall() throws Exception {
        Class<?> type = Compiler.load(SHAPES);
        Class<?> tree = Class.forName("Shapes$Tree", true, type.getClassLoader());
        var node = tree.getDeclaredConstructors()[0];
        node.setAccessible(true);
        Object left = node.newInstance(null, 1, null);
        Object right = node.newInstance(node.newInstance(null, 3, null), 4, node.newInstance(null, 5, null));
        Object root = node.newInstance(left, 2, right);
        assertEquals(List.of(1, 2, 3, 4, 5), drain(generator(type, "walk", root)));

        // The delegate's result is dropped: the delegator returns null, as its body says.
        Coroutine<Integer, Object, Object> outer = chain(type, 7);
        assertEquals(List.of(7, 8), drain(outer));
        assertTrue(outer.isDone());
        assertNull(outer.result());

        // Sent values reach the innermost; the ends pass outwards as for any delegation.
        Coroutine<Integer, Object, Object> sent = chain(type, 1);
        assertEquals(1, sent.send(null));
        assertEquals(2, sent.send("x"));
        assertThrows(java.util.NoSuchElementException.class, () -> sent.send("y"));
        assertNull(sent.result());

        // A raise resumes the bodies, which do not catch it.
        Coroutine<Integer, Object, Object> raised = chain(type, 1);
        assertEquals(1, raised.next());
        IllegalStateException thrown = new IllegalStateException("raised");
        assertEquals(thrown, assertThrows(IllegalStateException.class, () -> raised.raise(thrown)));
        assertTrue(raised.isDone());

        // A close ends every generator of the chain.
        Coroutine<Integer, Object, Object> inner = generator(type, "leaf", 1, "r");
        Coroutine<Integer, Object, Object> closed = generator(type, "ofACoroutine", (Object) inner);
        assertEquals(1, closed.next());
        closed.close();
        assertTrue(closed.isDone());
        assertTrue(inner.isDone());

        Iterator<Integer> either = generator(
                type, "eitherBranch", false, List.of(1).iterator(), List.of(2).iterator());
        assertEquals(List.of(2), drain(either));
    }
}
