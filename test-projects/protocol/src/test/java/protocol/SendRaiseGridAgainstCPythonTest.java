package protocol;

import static protocol.CPythonGrid.emptyLeaf;
import static protocol.CPythonGrid.reg;
import static protocol.CPythonGrid.s;

import dev.generators.Coroutine;
import dev.generators.Generator;
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
 * Send and raise through {@code Yield.all} chains 1 to 4 deep against CPython's {@code yield
 * from}: 21,888 programs, where every node logs what it receives, up to two nodes catch an
 * {@code X} (or anything) and then yield, return, throw a {@code Y} or begin a new
 * {@code Yield.all} (of a generator that uses what is sent, of one that returns at once, of a
 * plain iterator), or are {@link CPythonGrid#tailNode}s, whose last act is the {@code Yield.all},
 * driven by twelve fixed sequences of {@code next}, {@code send} and
 * {@code raise}. Each outcome must be the line that {@code src/test/python/send_raise_grid.py}, the
 * same programs in Python, prints; a value sent to a plain iterator through {@code Yield.all}
 * ({@code UnsupportedOperationException} here, {@code AttributeError} there) is one kind. See
 * {@link CloseGridAgainstCPythonTest} for the close. Skipped where there is no {@code python3}.
 */
class SendRaiseGridAgainstCPythonTest {

    static String kind(Throwable e) {
        if (e instanceof IllegalStateException) return "ISE";
        if (e instanceof X) return "X(" + e.getMessage() + ")";
        if (e instanceof Y) return "Y(" + e.getMessage() + ")";
        if (e instanceof UnsupportedOperationException) return "NOSEND";
        if (e instanceof NoSuchElementException) return "stop";
        return e.getClass().getSimpleName();
    }

    @Generator
    static Coroutine<Object, Object, Object> echo(String name, List<String> log) {
        try {
            Object v1 = Yield.value(name + "1");
            log.add(name + " got " + s(v1));
            Object v2 = Yield.value(name + "2");
            log.add(name + " got " + s(v2));
            return Yield.done(name + "L" + s(v1) + s(v2));
        } finally {
            log.add("fin " + name);
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
            Object v = Yield.value(name + "after");
            log.add(name + " resumed " + s(v));
            return Yield.done(name + "R");
        } catch (Throwable e) {
            String k = kind(e);
            if (!(catches.equals("any") || (catches.equals("X") && k.startsWith("X")))) {
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
            } else if (mode.equals("throwY")) {
                throw new Y(name);
            } else {
                Object sub;
                if (mode.equals("allEcho")) {
                    sub = Yield.all(reg(echo(name + "s", log)));
                } else if (mode.equals("allReturn")) {
                    sub = Yield.all(reg(emptyLeaf(name + "e", false, log)));
                } else {
                    sub = Yield.all(List.of(name + "i1", name + "i2").iterator());
                }
                log.add(name + " sub " + s(sub));
                Object v = Yield.value(name + "after2");
                log.add(name + " resumed2 " + s(v));
                return Yield.done(name + "R3");
            }
        } finally {
            log.add("fin " + name);
        }
    }

    static String call(Coroutine<Object, Object, Object> root, Supplier<Object> f) {
        boolean wasDone = root.isDone();
        try {
            return "val:" + s(f.get());
        } catch (NoSuchElementException e) {
            if (wasDone) return "stop";
            String r;
            try {
                r = s(root.result());
            } catch (Throwable t) {
                r = "?" + kind(t);
            }
            return "stop(" + r + ")";
        } catch (Throwable e) {
            return kind(e);
        }
    }

    static String apply(Coroutine<Object, Object, Object> root, String op) {
        if (op.equals("n")) return call(root, root::next);
        if (op.startsWith("s")) return call(root, () -> root.send(op.substring(1)));
        if (op.equals("X")) return call(root, () -> root.raise(new X("op")));
        if (op.equals("Y")) return call(root, () -> root.raise(new Y("op")));
        throw new IllegalArgumentException(op);
    }

    static String run(int d, String[] cat, String[] mode, String[] seq) {
        List<String> log = new ArrayList<>();
        CPythonGrid.registry = new ArrayList<>();
        Coroutine<Object, Object, Object> child = null;
        for (int i = d - 1; i >= 0; i--) {
            child = reg(
                    cat[i].equals(CPythonGrid.TAIL)
                            ? CPythonGrid.tailNode("n" + i, child)
                            : node("n" + i, child, cat[i], mode[i], log));
        }
        Coroutine<Object, Object, Object> root = child;
        StringBuilder t = new StringBuilder();
        t.append("first:").append(apply(root, "n"));
        for (String op : seq) t.append(" ").append(op).append(":").append(apply(root, op));
        t.append(" done:").append(root.isDone());
        t.append(" log:").append(log);
        return t.toString();
    }

    static final String[] CATCHES = {"X", "any"};
    static final String[] MODES = {"yield", "return", "throwY", "allEcho", "allReturn", "allIter"};
    static final String[] SEQS = {
        "sa X sb n Y n", "X sa sb n n", "sa sb X sc n", "X X sa sb sc",
        "Y sa X n sb", "n X sb Y n", "X sa Y sb n", "sa sb sc sd", "X sa X sb Y sc", "sa X X X sb n", "Y Y sa n", "X sa sb X sc Y sd",
    };

    static List<String> grid() {
        return CPythonGrid.lines(CATCHES, MODES, SEQS, "seq", (d, cat, mode, seq) -> run(d, cat, mode, seq.split(" ")));
    }

    @Test
    void sendAndRaiseThroughChainsAsInCPython() throws IOException, InterruptedException {
        CPythonGrid.assertAsInPython(grid(), "send_raise_grid.py", line -> line);
    }
}
