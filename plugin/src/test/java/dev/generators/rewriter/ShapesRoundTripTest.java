package dev.generators.rewriter;

import static dev.generators.rewriter.RoundTripTest.call;
import static dev.generators.rewriter.RoundTripTest.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shapes javac emits that the rewrite must get right, each run through the round trip. */
class ShapesRoundTripTest {

    @Test
    void valuesWaitingOnTheStackSurviveTheYield() throws Exception {
        Class<?> type = Compiler.load("""
                import dev.generators.*;
                import java.util.*;
                class Stack {
                    static String join(String a, Object b, long c, double d) { return a + b + c + d; }
                    @Generator
                    static Iterator<Object> gen(long big) {
                        List<Object> list = new ArrayList<>();
                        list.add(Yield.value("first"));
                        String s = join("a", Yield.value("second"), big, 2.5);
                        Yield.value(s + list);
                        return Yield.done();
                    }
                }
                """);
        assertEquals(List.of("first", "second", "anull72.5[null]"), drain(call(type, "gen", 7L)));
    }

    @Test
    void constructorArgumentsMayYieldAndClassesInitializeInOrder() throws Exception {
        Class<?> type = Compiler.load("""
                import dev.generators.*;
                import java.util.*;
                class News {
                    static List<String> log = new ArrayList<>();
                    static class Box {
                        static { log.add("Box initialized"); }
                        final Object a, b;
                        Box(Object a, Object b) { this.a = a; this.b = b; }
                        public String toString() { return "Box(" + a + "," + b + ")"; }
                    }
                    static class Outer {
                        final Object inner;
                        Outer(Object inner) { this.inner = inner; }
                        public String toString() { return "Outer(" + inner + ")"; }
                    }
                    @Generator
                    static Iterator<Object> gen() {
                        Object made = new Box("x", Yield.value("y"));
                        log.add("made " + made);
                        Yield.value(new Outer(new Box(1, Yield.value(2))));
                        return Yield.done();
                    }
                }
                """);
        java.lang.reflect.Field log = type.getDeclaredField("log");
        log.setAccessible(true);
        Iterator<?> generator = (Iterator<?>) call(type, "gen");
        assertEquals("y", generator.next());
        assertEquals("[Box initialized]", log.get(null).toString(), "NEW Box ran before the yield, as in the source");
        assertEquals(
                List.of(2, "Outer(Box(1,null))").toString(), drain(generator).toString());
        assertEquals("[Box initialized, made Box(x,null)]", log.get(null).toString());
    }

    @Test
    void handlersCatchExceptionsThrownAfterAResume() throws Exception {
        Class<?> type = Compiler.load("""
                import dev.generators.*;
                import java.util.*;
                class Tries {
                    @Generator
                    static Iterable<String> gen(int n) {
                        for (int i = 0; i < n; i++) {
                            try {
                                Yield.value("try " + i);
                                if (i % 2 == 1) throw new IllegalArgumentException("odd " + i);
                            } catch (IllegalArgumentException e) {
                                Yield.value("caught " + e.getMessage());
                            } finally {
                                Yield.value("finally " + i);
                            }
                        }
                        return Yield.done();
                    }
                }
                """);
        assertEquals(List.of("try 0", "finally 0", "try 1", "caught odd 1", "finally 1"), drain(call(type, "gen", 2)));
    }

    @Test
    void switchesOfEveryKindKeepTheirTemporaries() throws Exception {
        Class<?> type = Compiler.load("""
                import dev.generators.*;
                import java.util.*;
                class Switches {
                    enum Color { RED, GREEN }
                    @Generator
                    static Iterator<Object> gen(List<String> words) {
                        for (String w : words) {
                            switch (w) {
                                case "a": Yield.value(1);
                                case "b": Yield.value(2); break;
                                default: Yield.value(w);
                            }
                            int k = switch (w) {
                                case "a" -> { Yield.value("arrow a"); yield 10; }
                                default -> w.length();
                            };
                            Yield.value(k);
                        }
                        for (Color c : Color.values()) {
                            switch (c) { case RED -> Yield.value("red"); case GREEN -> Yield.value("green"); }
                        }
                        return Yield.done();
                    }
                }
                """);
        assertEquals(
                List.of(1, 2, "arrow a", 10, "zz", 2, "red", "green"), drain(call(type, "gen", List.of("a", "zz"))));
    }

    @Test
    void recursionThroughYieldAllVisitsATreeInOrder() throws Exception {
        Class<?> type = Compiler.load("""
                import dev.generators.*;
                import java.util.*;
                class Tree {
                    final Tree left, right; final int value;
                    Tree(Tree left, int value, Tree right) { this.left = left; this.value = value; this.right = right; }
                    static Tree of(int lo, int hi) {
                        if (lo > hi) return null;
                        int mid = (lo + hi) / 2;
                        return new Tree(of(lo, mid - 1), mid, of(mid + 1, hi));
                    }
                    @Generator
                    Iterable<Integer> inOrder() {
                        if (left != null) Yield.all(left.inOrder());
                        Yield.value(value);
                        if (right != null) Yield.all(right.inOrder().iterator());
                        return Yield.done();
                    }
                    @Generator
                    static Iterator<Integer> all(int n) {
                        Yield.all(of(1, n).inOrder());
                        return Yield.done();
                    }
                }
                """);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), drain(call(type, "all", 7)));
    }

    @Test
    void instanceGeneratorsInInterfacesRecordsAndEnumsReachPrivateMembers() throws Exception {
        Class<?> type = Compiler.load("""
                import dev.generators.*;
                import java.util.*;
                import java.util.stream.*;
                interface Shapes {
                    int size();
                    @Generator
                    default Stream<Integer> upTo() {
                        for (int i = 0; i < size(); i++) Yield.value(twice(i));
                        return Yield.done();
                    }
                    private int twice(int i) { return 2 * i; }
                    @Generator
                    static Iterator<String> names(Shapes s) {
                        Yield.value("size " + s.size());
                        return Yield.done();
                    }
                    record Pair(String a, String b) implements Shapes {
                        public int size() { return 2; }
                        @Generator
                        Iterator<String> parts() { Yield.value(a); Yield.value(b); return Yield.done(); }
                    }
                    enum Level implements Shapes {
                        LOW(1), HIGH(3);
                        private final int n;
                        Level(int n) { this.n = n; }
                        public int size() { return n; }
                        @Generator
                        Iterable<String> stars() {
                            for (int i = 0; i < n; i++) Yield.value(secret() + i);
                            return Yield.done();
                        }
                        private String secret() { return name().toLowerCase(); }
                    }
                    static List<Object> run() {
                        List<Object> out = new ArrayList<>();
                        out.add(Level.HIGH.upTo().collect(Collectors.toList()));
                        Shapes.names(Level.LOW).forEachRemaining(out::add);
                        new Pair("x", "y").parts().forEachRemaining(out::add);
                        Level.HIGH.stars().forEach(out::add);
                        return out;
                    }
                }
                """);
        assertEquals(
                "[[0, 2, 4], size 1, x, y, high0, high1, high2]",
                call(type, "run").toString());
    }

    @Test
    void anIterableStartsAfreshFromItsArgumentsEvenWhenTheBodyChangesThem() throws Exception {
        Class<?> type = Compiler.load("""
                import dev.generators.*;
                class Countdown {
                    @Generator
                    static Iterable<Integer> from(int n) {
                        while (n > 0) { Yield.value(n); n--; }
                        return Yield.done();
                    }
                }
                """);
        Iterable<?> countdown = (Iterable<?>) call(type, "from", 3);
        assertEquals(List.of(3, 2, 1), drain(countdown));
        assertEquals(List.of(3, 2, 1), drain(countdown));
    }

    @Test
    void aStackTraceThroughAGeneratorNamesTheUsersMethodAndLine() throws Exception {
        Class<?> type = Compiler.load("""
                import dev.generators.*;
                class Fails {
                    @Generator
                    static java.util.Iterator<Integer> gen() {
                        Yield.value(1);
                        throw new IllegalStateException("boom");
                    }
                }
                """);
        java.util.Iterator<?> generator = (java.util.Iterator<?>) call(type, "gen");
        generator.next();
        IllegalStateException thrown =
                org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, generator::next);
        StackTraceElement top = thrown.getStackTrace()[0];
        assertEquals(
                "Fails.gen-body(Fails.java:6)",
                top.getClassName() + "." + top.getMethodName() + "(" + top.getFileName() + ":" + top.getLineNumber()
                        + ")");
        org.junit.jupiter.api.Assertions.assertFalse(generator.hasNext());
    }

    @Test
    void aValueRestoredFromItsDeclaredTypeMayWaitOnTheStackAtTheNextYield() throws Exception {
        // After a resume `list` has its declared type, List; the stack below the next yield then
        // holds a List where javac's frames said ArrayList.
        Class<?> type = Compiler.load("""
                import dev.generators.*;
                import java.util.*;
                class Adds {
                    @Generator
                    static Iterator<Object> gen(int n) {
                        List<Object> list = new ArrayList<>();
                        for (int i = 0; i < n; i++) {
                            list.add(Yield.value(i));
                        }
                        Yield.value(list.size());
                        return Yield.done();
                    }
                }
                """);
        assertEquals(List.of(0, 1, 2, 3), drain(call(type, "gen", 3)));
    }

    @Test
    void earlyReturnsAndReturnsThroughYieldingFinallyBlocksFinish() throws Exception {
        Class<?> type = Compiler.load("""
                import dev.generators.*;
                import java.util.*;
                class Returns {
                    @Generator
                    static Iterable<Integer> early(int n) {
                        if (n <= 1) {
                            Yield.value(n);
                            return Yield.done();
                        }
                        for (int i = 0; i < n; i++) {
                            if (i == 2) return Yield.done();
                            Yield.value(i * 10);
                        }
                        return Yield.done();
                    }
                    @Generator
                    static Iterable<Integer> g3() {   // CPython: def g3(): try: return  finally: yield 1
                        try {
                            return Yield.done();
                        } finally {
                            Yield.value(1);
                        }
                    }
                    @Generator
                    static Coroutine<Integer, Object, String> choose(boolean a) {
                        Yield.value(0);
                        return a ? Yield.done("a") : Yield.done("b");
                    }
                }
                """);
        assertEquals(List.of(1), drain(call(type, "early", 1)));
        assertEquals(List.of(0, 10), drain(call(type, "early", 5)));
        assertEquals(List.of(1), drain(call(type, "g3")));
        dev.generators.Coroutine<?, ?, ?> chosen = (dev.generators.Coroutine<?, ?, ?>) call(type, "choose", false);
        assertEquals(List.of(0), drain(chosen));
        assertEquals("b", chosen.result());
    }
}
