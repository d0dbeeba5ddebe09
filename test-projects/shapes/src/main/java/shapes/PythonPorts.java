package shapes;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.GeneratorExit;
import dev.generators.Yield;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * Ports of the generators in CPython's Lib/test/test_generators.py (tutorial, PEP 255, email,
 * fun, syntax, conjoin and coroutine tests). The tests assert the values the doctests show.
 */
public final class PythonPorts {

    private PythonPorts() {
    }

    // ---- tutorial_tests -------------------------------------------------------------------

    /** {@code def f(): yield 1; yield 2} */
    @Generator
    public static Iterator<Integer> oneTwo() {
        Yield.value(1);
        Yield.value(2);
        return Yield.done();
    }

    /** {@code def f(): yield 1; return; yield 2 # never reached} */
    @Generator
    public static Iterator<Integer> returnStops(boolean alwaysTrue) {
        Yield.value(1);
        if (alwaysTrue) {
            return Yield.done();
        }
        Yield.value(2);
        return Yield.done();
    }

    /** {@code def g1(): try: return except: yield 1} */
    @Generator
    public static Iterable<Integer> g1() {
        try {
            return Yield.done();
        } catch (RuntimeException e) {
            Yield.value(1);
        }
        return Yield.done();
    }

    /** {@code def g2(): try: raise StopIteration except: yield 42} */
    @Generator
    public static Iterable<Integer> g2() {
        try {
            throw new NoSuchElementException();
        } catch (RuntimeException e) {
            Yield.value(42);
        }
        return Yield.done();
    }

    /** {@code def g3(): try: return finally: yield 1} */
    @Generator
    public static Iterable<Integer> g3() {
        try {
            return Yield.done();
        } finally {
            Yield.value(1);
        }
    }

    /** {@code def yrange(n): for i in range(n): yield i} */
    @Generator
    public static Iterator<Integer> yrange(int n) {
        for (int i = 0; i < n; i++) {
            Yield.value(i);
        }
        return Yield.done();
    }

    /** {@code def creator(): r = yrange(5); print("creator", next(r)); return r} */
    public static Iterator<Integer> creator(List<String> out) {
        Iterator<Integer> r = yrange(5);
        out.add("creator " + r.next());
        return r;
    }

    /** {@code def caller(): r = creator(); for i in r: print("caller", i)} */
    public static List<String> caller() {
        List<String> out = new ArrayList<>();
        Iterator<Integer> r = creator(out);
        while (r.hasNext()) {
            out.add("caller " + r.next());
        }
        return out;
    }

    /** {@code def zrange(n): for i in yrange(n): yield i} */
    @Generator
    public static Iterator<Integer> zrange(int n) {
        for (Iterator<Integer> it = yrange(n); it.hasNext(); ) {
            Yield.value(it.next());
        }
        return Yield.done();
    }

    // ---- pep_tests ------------------------------------------------------------------------

    static int f() {
        int zero = 0;
        return 1 / zero;
    }

    /** {@code def g(): yield f(); yield 42} where f divides by zero. */
    @Generator
    public static Iterator<Integer> propagates() {
        Yield.value(f());
        Yield.value(42);
        return Yield.done();
    }

    /** The "Specification: Try/Except/Finally" example: [1, 2, 4, 5, 8, 9, 10, 11]. */
    @Generator
    public static Iterable<Integer> tryExceptFinally() {
        try {
            Yield.value(1);
            try {
                Yield.value(2);
                f();
                Yield.value(3); // never get here
            } catch (ArithmeticException e) {
                Yield.value(4);
                Yield.value(5);
                throw e;
            } catch (Throwable e) {
                Yield.value(6);
            }
            Yield.value(7); // the "raise" above stops this
        } catch (Throwable e) {
            Yield.value(8);
        }
        Yield.value(9);
        int x;
        try {
            x = 12;
        } finally {
            Yield.value(10);
        }
        Yield.value(11);
        return Yield.done();
    }

    /** Guido's binary tree. */
    public static final class Tree {
        final String label;
        final Tree left;
        final Tree right;

        Tree(String label, Tree left, Tree right) {
            this.label = label;
            this.left = left;
            this.right = right;
        }
    }

    /** {@code def tree(list)}: a balanced tree from a string's letters. */
    public static Tree tree(String list) {
        int n = list.length();
        if (n == 0) {
            return null;
        }
        int i = n / 2;
        return new Tree(String.valueOf(list.charAt(i)), tree(list.substring(0, i)), tree(list.substring(i + 1)));
    }

    /** The recursive in-order generator, with Python's explicit for loops. */
    @Generator
    public static Iterable<String> inorder(Tree t) {
        if (t != null) {
            for (String x : inorder(t.left)) {
                Yield.value(x);
            }
            Yield.value(t.label);
            for (String x : inorder(t.right)) {
                Yield.value(x);
            }
        }
        return Yield.done();
    }

    /** The non-recursive in-order generator: a return inside a catch inside nested loops. */
    @Generator
    public static Iterable<String> inorderNonRecursive(Tree node) {
        List<Tree> stack = new ArrayList<>();
        while (node != null) {
            while (node.left != null) {
                stack.add(node);
                node = node.left;
            }
            Yield.value(node.label);
            while (node.right == null) {
                try {
                    node = stack.remove(stack.size() - 1);
                } catch (IndexOutOfBoundsException e) {
                    return Yield.done();
                }
                Yield.value(node.label);
            }
            node = node.right;
        }
        return Yield.done();
    }

    // ---- email_tests ----------------------------------------------------------------------

    /** {@code for i in range(3): yield None; yield None; return} */
    @Generator
    public static Iterable<Object> yieldsNone() {
        for (int i = 0; i < 3; i++) {
            Yield.value(null);
        }
        Yield.value(null);
        return Yield.done();
    }

    /** Raising StopIteration in a try is like any other exception: [1, 2, 3]. */
    @Generator
    public static Iterable<Integer> stopIterationCaught() {
        Yield.value(1);
        try {
            throw new NoSuchElementException();
        } catch (RuntimeException e) {
            Yield.value(2);
        }
        Yield.value(3);
        return Yield.done();
    }

    /** {@code gcomb(x, k)}: all combinations of k elements from list x. */
    @Generator
    public static Iterable<List<Integer>> gcomb(List<Integer> x, int k) {
        if (k > x.size()) {
            return Yield.done();
        }
        if (k == 0) {
            Yield.value(new ArrayList<Integer>());
        } else {
            Integer first = x.get(0);
            List<Integer> rest = x.subList(1, x.size());
            // A combination does or doesn't contain first.
            for (List<Integer> c : gcomb(rest, k - 1)) {
                c.add(0, first);
                Yield.value(c);
            }
            for (List<Integer> c : gcomb(rest, k)) {
                Yield.value(c);
            }
        }
        return Yield.done();
    }

    /** David Eppstein's union-find: each set holds a long-lived generator that finds its root. */
    public static final class DisjointSet {
        private final String name;
        private DisjointSet parent;
        private final Iterator<DisjointSet> generator;

        public DisjointSet(String name) {
            this.name = name;
            this.generator = generate();
        }

        @Generator
        private Iterator<DisjointSet> generate() {
            while (parent == null) {
                Yield.value(this);
            }
            for (Iterator<DisjointSet> it = parent.generator; it.hasNext(); ) {
                Yield.value(it.next());
            }
            return Yield.done();
        }

        public DisjointSet find() {
            return generator.next();
        }

        public void union(DisjointSet parent) {
            if (this.parent != null) {
                throw new IllegalStateException("Sorry, I'm not a root!");
            }
            this.parent = parent;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    // ---- fun_tests ------------------------------------------------------------------------

    /** {@code def intsfrom(i): while 1: yield i; i += 1} */
    @Generator
    public static Iterator<Long> intsfrom(long i) {
        while (true) {
            Yield.value(i);
            i += 1;
        }
    }

    @Generator
    public static Iterator<Long> excludeMultiples(long n, Iterator<Long> ints) {
        while (ints.hasNext()) {
            long i = ints.next();
            if (i % n != 0) {
                Yield.value(i);
            }
        }
        return Yield.done();
    }

    @Generator
    public static Iterator<Long> sieve(Iterator<Long> ints) {
        long prime = ints.next();
        Yield.value(prime);
        Iterator<Long> notDivisibleByPrime = excludeMultiples(prime, ints);
        for (Iterator<Long> p = sieve(notDivisibleByPrime); p.hasNext(); ) {
            Yield.value(p.next());
        }
        return Yield.done();
    }

    @Generator
    public static Iterator<Long> times(long n, Iterator<Long> g) {
        while (g.hasNext()) {
            Yield.value(n * g.next());
        }
        return Yield.done();
    }

    @Generator
    public static Iterator<Long> merge(Iterator<Long> g, Iterator<Long> h) {
        long ng = g.next();
        long nh = h.next();
        while (true) {
            if (ng < nh) {
                Yield.value(ng);
                ng = g.next();
            } else if (ng > nh) {
                Yield.value(nh);
                nh = h.next();
            } else {
                Yield.value(ng);
                ng = g.next();
                nh = h.next();
            }
        }
    }

    /** The naive Hamming generator that recurses three times per level. */
    @Generator
    public static Iterator<Long> m235() {
        Yield.value(1L);
        Iterator<Long> meTimes2 = times(2, m235());
        Iterator<Long> meTimes3 = times(3, m235());
        Iterator<Long> meTimes5 = times(5, m235());
        for (Iterator<Long> it = merge(merge(meTimes2, meTimes3), meTimes5); it.hasNext(); ) {
            Yield.value(it.next());
        }
        return Yield.done();
    }

    /** Python's LazyList: remembers what its source produced; every iterator() reads from the start. */
    public static final class LazyList<T> implements Iterable<T> {
        private final List<T> sofar = new ArrayList<>();
        private Iterator<T> fetch;

        public void source(Iterator<T> g) {
            this.fetch = g;
        }

        public T get(int i) {
            while (i >= sofar.size()) {
                sofar.add(fetch.next());
            }
            return sofar.get(i);
        }

        @Override
        public Iterator<T> iterator() {
            return new Iterator<T>() {
                private int i;

                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public T next() {
                    return get(i++);
                }
            };
        }
    }

    /** The memory-efficient Hamming generator: m235 below refers to the LazyList. */
    @Generator
    public static Iterator<Long> m235Lazy(LazyList<Long> m235) {
        Yield.value(1L);
        Iterator<Long> meTimes2 = times(2, m235.iterator());
        Iterator<Long> meTimes3 = times(3, m235.iterator());
        Iterator<Long> meTimes5 = times(5, m235.iterator());
        for (Iterator<Long> it = merge(merge(meTimes2, meTimes3), meTimes5); it.hasNext(); ) {
            Yield.value(it.next());
        }
        return Yield.done();
    }

    @Generator
    static Iterator<Long> sum(Iterator<Long> g, Iterator<Long> h) {
        while (true) {
            Yield.value(g.next() + h.next());
        }
    }

    @Generator
    static Iterator<Long> tail(Iterator<Long> g) {
        g.next(); // throw first away
        while (g.hasNext()) {
            Yield.value(g.next());
        }
        return Yield.done();
    }

    /** Ye olde Fibonacci generator, LazyList style. */
    @Generator
    public static Iterator<Long> fibgen(long a, long b, LazyList<Long> fib) {
        Yield.value(a);
        Yield.value(b);
        for (Iterator<Long> s = sum(fib.iterator(), tail(fib.iterator())); s.hasNext(); ) {
            Yield.value(s.next());
        }
        return Yield.done();
    }

    // ---- syntax_tests ---------------------------------------------------------------------

    /** The nested try example: [12, 666]. */
    @Generator
    public static Iterable<Integer> nestedTrySyntax() {
        try {
            try {
                Yield.value(12);
                f();
            } catch (ArithmeticException e) {
                Yield.value(666);
            } catch (Throwable e) {
                int x;
                try {
                    x = 12;
                } finally {
                    Yield.value(12);
                }
            }
        } catch (Throwable e) {
            return Yield.done();
        }
        return Yield.done();
    }

    /** {@code def f(): if 0: yield} -- javac drops the dead yield; the method is still a generator. */
    @Generator
    public static Iterable<Integer> deadYield() {
        if (false) {
            Yield.value(1);
        }
        return Yield.done();
    }

    /** SF bug 567538: {@code for i in range(3): try: continue finally: yield i}. */
    @Generator
    public static Iterable<Integer> continueInTryFinallyYields() {
        for (int i = 0; i < 3; i++) {
            try {
                continue;
            } finally {
                Yield.value(i);
            }
        }
        return Yield.done();
    }

    // ---- conjoin_tests --------------------------------------------------------------------

    /** {@code simple_conjoin}: the same values array each time, like Python's list. */
    @Generator
    public static Iterable<Object[]> conjoin(List<Supplier<? extends Iterable<?>>> gs) {
        Object[] values = new Object[gs.size()];
        Yield.all(conjoinFrom(gs, values, 0));
        return Yield.done();
    }

    @Generator
    private static Iterable<Object[]> conjoinFrom(List<Supplier<? extends Iterable<?>>> gs, Object[] values, int i) {
        if (i >= gs.size()) {
            Yield.value(values);
        } else {
            for (Object v : gs.get(i).get()) {
                values[i] = v;
                Yield.all(conjoinFrom(gs, values, i + 1));
            }
        }
        return Yield.done();
    }

    /** {@code def gencopy(iterator): for x in iterator: yield x[:]} */
    @Generator
    public static Iterable<List<Object>> gencopy(Iterable<Object[]> iterator) {
        for (Object[] x : iterator) {
            Yield.value(Arrays.asList(x.clone()));
        }
        return Yield.done();
    }

    /** The conjoin-based N-Queens solver: row generators change {@code used} around each yield. */
    public static final class Queens {
        private final int n;
        private final long[][] rowUses;
        private long used;

        public Queens(int n) {
            this.n = n;
            this.rowUses = new long[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    rowUses[i][j] = (1L << j) | (1L << (n + i - j + n - 1)) | (1L << (n + 2 * n - 1 + i + j));
                }
            }
        }

        @Generator
        private Iterable<Integer> rowgen(int i) {
            for (int j = 0; j < n; j++) {
                long uses = rowUses[i][j];
                if ((uses & used) == 0) {
                    used |= uses;
                    Yield.value(j);
                    used &= ~uses;
                }
            }
            return Yield.done();
        }

        @Generator
        public Iterable<Object[]> solve() {
            used = 0;
            List<Supplier<? extends Iterable<?>>> rowgenerators = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int row = i;
                rowgenerators.add(() -> rowgen(row));
            }
            for (Object[] row2col : conjoin(rowgenerators)) {
                Yield.value(row2col);
            }
            return Yield.done();
        }
    }

    // ---- coroutine_tests ------------------------------------------------------------------

    /** {@code def f(): print((yield 1)); yield 2} */
    @Generator
    public static Coroutine<Integer, Object, Object> printsSent(List<String> out) {
        out.add(String.valueOf((Object) Yield.value(1)));
        Yield.value(2);
        return Yield.done();
    }

    /** {@code while count < 200: count += yield; seq.append(count)} */
    @Generator
    public static Coroutine<Object, Integer, Object> augmented(List<Integer> seq) {
        int count = 0;
        while (count < 200) {
            count += Yield.<Integer>value(null);
            seq.add(count);
        }
        return Yield.done();
    }

    /** {@code while True: try: print((yield)) except ValueError as v: print("caught ValueError (%s)" % v)} */
    @Generator
    public static Coroutine<Object, Object, Object> catchesValueError(List<String> out) {
        while (true) {
            try {
                out.add(String.valueOf((Object) Yield.value(null)));
            } catch (IllegalArgumentException v) {
                out.add("caught ValueError (" + v.getMessage() + ")");
            }
        }
    }

    /** {@code try: yield except GeneratorExit: print("exiting")} */
    @Generator
    public static Coroutine<Object, Object, Object> printsExiting(List<String> out) {
        try {
            Yield.value(null);
        } catch (GeneratorExit e) {
            out.add("exiting");
        }
        return Yield.done();
    }

    /** {@code try: yield except GeneratorExit: raise TypeError("fie!")} */
    @Generator
    public static Coroutine<Object, Object, Object> raisesWhileClosing() {
        try {
            Yield.value(null);
        } catch (GeneratorExit e) {
            throw new UnsupportedOperationException("fie!");
        }
        return Yield.done();
    }
}
