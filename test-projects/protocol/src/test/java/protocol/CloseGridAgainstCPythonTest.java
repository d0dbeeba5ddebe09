package protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static protocol.CPythonGrid.emptyLeaf;
import static protocol.CPythonGrid.reg;
import static protocol.CPythonGrid.s;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.GeneratorExit;
import dev.generators.Yield;
import protocol.CPythonGrid.X;
import protocol.CPythonGrid.Y;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A close through {@code Yield.all} chains against CPython's {@code yield from}: 29,772 programs,
 * chains 1 to 4 deep of {@link #node}, where up to two nodes are {@link CPythonGrid#tailNode}s
 * (whose last act is the {@code Yield.all}) or catch the {@code GeneratorExit}, an
 * {@code X} or anything, and then yield, return a value or nothing, throw, or begin a
 * {@code Yield.all} of a generator (one or two deep, yielding, returning or throwing at once), of
 * a plain iterator or of a hand-written coroutine; the root is closed, or a {@code GeneratorExit}
 * or an {@code X} is raised into it, then resumed while it yields. Each outcome (values, what the
 * calls threw, the order of the {@code finally} and {@code catch} blocks) must be the one that
 * {@code src/test/python/close_grid.py}, the same programs in Python, prints. Python's
 * {@code RuntimeError} ("generator ignored GeneratorExit", "generator already executing") is
 * this project's {@code IllegalStateException}. The generators' states are compared only in that
 * none may be left running: a delegate that ignored the close is over here, where Python leaves it
 * suspended (docs/user-guide.md). Skipped where there is no {@code python3}.
 */
class CloseGridAgainstCPythonTest {

    static String kind(Throwable e) {
        if (e instanceof GeneratorExit) return "GE";
        if (e instanceof IllegalStateException) return "ISE";
        if (e instanceof X) return "X";
        if (e instanceof Y) return "Y";
        if (e instanceof NoSuchElementException) return "stop";
        return e.getClass().getSimpleName();
    }

    @Generator
    static Coroutine<Object, Object, Object> leaf(String name, List<String> log) {
        try {
            Yield.value(name + "1");
            Yield.value(name + "2");
            return Yield.done(name + "L");
        } finally {
            log.add("fin " + name);
        }
    }

    @Generator
    static Coroutine<Object, Object, Object> thrower(String name, boolean never, List<String> log) {
        try {
            if (never) {
                Yield.value("never");
            }
            throw new Y(name);
        } finally {
            log.add("fin " + name);
        }
    }

    @Generator
    static Coroutine<Object, Object, Object> wrapS(String name, Coroutine<Object, Object, ?> c, List<String> log) {
        try {
            Object r = Yield.all(c);
            return Yield.done(r);
        } finally {
            log.add("fin " + name);
        }
    }

    static final class HW implements Coroutine<Object, Object, Object> {
        int n;
        boolean done;
        final String name;
        final List<String> log;

        HW(String name, List<String> log) {
            this.name = name;
            this.log = log;
        }

        @Override
        public boolean hasNext() {
            return !done && n < 2;
        }

        @Override
        public Object next() {
            return send(null);
        }

        @Override
        public Object send(Object v) {
            if (done || n >= 2) {
                done = true;
                throw new NoSuchElementException();
            }
            return name + "h" + n++;
        }

        @Override
        public Object raise(Throwable t) {
            log.add(name + " hw raise " + kind(t));
            done = true;
            throw (RuntimeException) t;
        }

        @Override
        public void close() {
            log.add(name + " hw close");
            done = true;
        }

        @Override
        public Object result() {
            return "hwR";
        }

        @Override
        public boolean isDone() {
            return done;
        }
    }

    @Generator
    static Coroutine<Object, Object, Object> node(
            String name, Coroutine<Object, Object, ?> child, String catches, String mode, List<String> log) {
        try {
            Object r;
            if (child == null) {
                r = Yield.value(name + "v");
            } else {
                r = Yield.all(child);
            }
            log.add(name + " got " + s(r));
            Yield.value(name + "after");
            return Yield.done(name + "R");
        } catch (Throwable e) {
            String k = kind(e);
            if (!(catches.equals("any") || (catches.equals("GE") && k.equals("GE")) || (catches.equals("X") && k.equals("X")))) {
                log.add(name + " passes " + k);
                throw e;
            }
            log.add(name + " caught " + k);
            if (mode.equals("yield")) {
                Object v = Yield.value(name + "Y");
                log.add(name + " resumed " + s(v));
                return Yield.done(name + "R2");
            } else if (mode.equals("return")) {
                return Yield.done(name + "C");
            } else if (mode.equals("returnNull")) {
                return Yield.done();
            } else if (mode.equals("throwX")) {
                throw new X(name);
            } else {
                Object sub;
                if (mode.equals("allGenYield")) {
                    sub = Yield.all(reg(leaf(name + "s", log)));
                } else if (mode.equals("allGen2Yield")) {
                    sub = Yield.all(reg(wrapS(name + "w", reg(leaf(name + "s", log)), log)));
                } else if (mode.equals("allGenReturn")) {
                    sub = Yield.all(reg(emptyLeaf(name + "e", false, log)));
                } else if (mode.equals("allGenThrow")) {
                    sub = Yield.all(reg(thrower(name + "t", false, log)));
                } else if (mode.equals("allIter")) {
                    sub = Yield.all(List.of(name + "i1", name + "i2").iterator());
                } else {
                    sub = Yield.all(new HW(name, log));
                }
                log.add(name + " sub " + s(sub));
                return Yield.done(name + "R3");
            }
        } finally {
            log.add("fin " + name);
        }
    }

    static String call(Supplier<Object> f) {
        try {
            return "val:" + s(f.get());
        } catch (Throwable e) {
            return kind(e);
        }
    }

    static String state(Coroutine<?, ?, ?> c) {
        if (c.isDone()) return "D";
        if (c.toString().contains("(running)")) return "H";
        return "S";
    }

    static String run(int d, String[] cat, String[] mode, String op) {
        List<String> log = new ArrayList<>();
        CPythonGrid.registry = new ArrayList<>();
        Coroutine<Object, Object, Object> child = null;
        List<Coroutine<Object, Object, Object>> nodes = new ArrayList<>();
        for (int i = d - 1; i >= 0; i--) {
            child = reg(
                    cat[i].equals(CPythonGrid.TAIL)
                            ? CPythonGrid.tailNode("n" + i, child)
                            : node("n" + i, child, cat[i], mode[i], log));
            nodes.add(0, child);
        }
        Coroutine<Object, Object, Object> root = child;
        StringBuilder t = new StringBuilder();
        t.append("first:").append(call(root::next));
        String o;
        if (op.equals("close")) {
            o = call(() -> {
                root.close();
                return "closed";
            });
        } else if (op.equals("raiseGE")) {
            o = call(() -> root.raise(new GeneratorExit()));
        } else {
            o = call(() -> root.raise(new X("op")));
        }
        t.append(" op:").append(o);
        for (int k = 0; k < 6 && o.startsWith("val:"); k++) {
            o = call(root::next);
            t.append(" n:").append(o);
        }
        t.append(" done:").append(root.isDone());
        StringBuilder st = new StringBuilder();
        for (Coroutine<?, ?, ?> c : CPythonGrid.registry) st.append(state(c));
        t.append(" states:").append(st);
        t.append(" log:").append(log);
        return t.toString();
    }

    static final String[] CATCHES = {"GE", "X", "any"};
    static final String[] MODES = {
        "yield", "return", "returnNull", "throwX", "allGenYield", "allGen2Yield", "allGenReturn", "allGenThrow",
        "allIter", "allCoro"
    };

    static List<String> grid() {
        return CPythonGrid.lines(CATCHES, MODES, new String[] {"close", "raiseGE", "raiseX"}, "op", CloseGridAgainstCPythonTest::run);
    }

    @Test
    void everyCloseThroughAChainEndsAsInCPython() throws IOException, InterruptedException {
        List<String> java = grid();
        CPythonGrid.assertAsInPython(java, "close_grid.py", CloseGridAgainstCPythonTest::outcome);
        List<String> running = new ArrayList<>();
        for (String line : java) {
            if (line.substring(line.indexOf(" states:"), line.indexOf(" log:")).contains("H")) {
                running.add(line);
            }
        }
        assertEquals(List.of(), running.subList(0, Math.min(5, running.size())), running.size() + " cases leave a generator running");
    }

    /** A case's line without the generators' states, in which a delegate over here is suspended in Python. */
    private static String outcome(String line) {
        return line.replaceAll(" done:\\S+ states:\\S+", "");
    }
}
