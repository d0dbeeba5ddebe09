package validation;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Recursion through Yield.all, with and without results. */
public final class Recursion {

    private Recursion() {
    }

    public static final class Tree {
        final Tree left;
        final int value;
        final Tree right;

        public Tree(Tree left, int value, Tree right) {
            this.left = left;
            this.value = value;
            this.right = right;
        }

        public static Tree of(int... sorted) {
            return build(sorted, 0, sorted.length);
        }

        private static Tree build(int[] a, int from, int to) {
            if (from >= to) {
                return null;
            }
            int mid = (from + to) >>> 1;
            return new Tree(build(a, from, mid), a[mid], build(a, mid + 1, to));
        }
    }

    @Generator
    public static Iterable<Integer> inorder(Tree t) {
        if (t != null) {
            Yield.all(inorder(t.left));
            Yield.value(t.value);
            Yield.all(inorder(t.right));
        }
        return Yield.done();
    }

    /** Each subtree reports its size as its result; the values stream through. */
    @Generator
    public static Coroutine<Integer, Object, Integer> sizes(Tree t) {
        if (t == null) {
            return Yield.done(0);
        }
        int l = Yield.all(sizes(t.left));
        Yield.value(t.value);
        int r = Yield.all(sizes(t.right));
        return Yield.done(l + 1 + r);
    }

    @Generator
    public static Iterator<List<Integer>> permutations(List<Integer> items) {
        if (items.size() <= 1) {
            Yield.value(new ArrayList<Integer>(items));
            return Yield.done();
        }
        for (int i = 0; i < items.size(); i++) {
            List<Integer> rest = new ArrayList<Integer>(items);
            Integer head = rest.remove(i);
            Iterator<List<Integer>> sub = permutations(rest);
            while (sub.hasNext()) {
                List<Integer> p = sub.next();
                p.add(0, head);
                Yield.value(p);
            }
        }
        return Yield.done();
    }

    @Generator
    public static Iterable<String> hanoi(int n, char from, char to, char via) {
        if (n > 0) {
            Yield.all(hanoi(n - 1, from, via, to));
            Yield.value(n + ":" + from + to);
            Yield.all(hanoi(n - 1, via, to, from).iterator());
        }
        return Yield.done();
    }

    /** Nested lists of any depth, flattened; the instanceof is tested before each delegation. */
    @Generator
    public static Iterable<Object> flatten(Iterable<?> items) {
        for (Object o : items) {
            if (o instanceof Iterable) {
                Yield.all(flatten((Iterable<?>) o));
            } else {
                Yield.value(o);
            }
        }
        return Yield.done();
    }
}
