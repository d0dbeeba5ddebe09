package shapes;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Recursion and delegation through {@code Yield.all}. */
public final class Delegation {

    private Delegation() {
    }

    /** A binary tree node. */
    public record Node<T>(T label, Node<T> left, Node<T> right) {
        public static <T> Node<T> leaf(T label) {
            return new Node<>(label, null, null);
        }
    }

    /** In-order traversal, recursing through Yield.all of an Iterable. */
    @Generator
    public static <T> Iterable<T> inorder(Node<T> node) {
        if (node != null) {
            Yield.all(inorder(node.left()));
            Yield.value(node.label());
            Yield.all(inorder(node.right()));
        }
        return Yield.done();
    }

    /** Pre-order traversal, recursing through Yield.all of an Iterator. */
    @Generator
    public static <T> Iterator<T> preorder(Node<T> node) {
        if (node != null) {
            Yield.value(node.label());
            Yield.all(preorder(node.left()));
            Yield.all(preorder(node.right()));
        }
        return Yield.done();
    }

    /** All permutations of a list, in Python's itertools.permutations order; the base case returns early. */
    @Generator
    public static <T> Iterable<List<T>> permutations(List<T> items) {
        if (items.size() <= 1) {
            Yield.value(new ArrayList<>(items));
            return Yield.done();
        }
        for (int i = 0; i < items.size(); i++) {
            T first = items.get(i);
            List<T> rest = new ArrayList<>(items);
            rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> p = new ArrayList<>();
                p.add(first);
                p.addAll(tail);
                Yield.value(p);
            }
        }
        return Yield.done();
    }

    /** Flattens arbitrarily nested lists, recursing through Yield.all. */
    @Generator
    public static Iterable<Object> flatten(List<?> nested) {
        for (Object o : nested) {
            if (o instanceof List<?> inner) {
                Yield.all(flatten(inner));
            } else {
                Yield.value(o);
            }
        }
        return Yield.done();
    }

    /** Yield.all of a List, of an Iterator, and of another generator method's result, mixed with plain yields. */
    @Generator
    public static Iterable<Object> mixedSources(Iterator<String> iterator) {
        Yield.value("start");
        Object fromList = Yield.all(List.of(1, 2, 3));
        Yield.value("list gave " + fromList);
        Yield.all(iterator);
        Yield.all(ReturnTypes.countdown(2));
        Yield.all(ReturnTypes.letters("ab"));
        Yield.all(List.of());
        Yield.value("end");
        return Yield.done();
    }

    /** A Coroutine sub-generator whose result the outer one receives. */
    @Generator
    public static Coroutine<Integer, Object, Integer> sumOfRange(int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            Yield.value(i);
            sum += i;
        }
        return Yield.done(sum);
    }

    /** Python's {@code r = yield from g}: the results of two sub-generators, combined. */
    @Generator
    public static Coroutine<Integer, Object, String> sumsOfRanges() {
        int a = Yield.all(sumOfRange(0, 3));
        int b = Yield.all(sumOfRange(10, 12));
        Yield.value(a + b);
        return Yield.done("a=" + a + " b=" + b);
    }

    /** Values sent to the outer generator reach the inner one. */
    @Generator
    public static Coroutine<String, String, Integer> echo() {
        int count = 0;
        String got = Yield.value("ready");
        while (got != null) {
            count++;
            got = Yield.value("echo " + got);
        }
        return Yield.done(count);
    }

    @Generator
    public static Coroutine<String, String, String> delegatingEcho() {
        Yield.value("outer first");
        int n = Yield.all(echo());
        return Yield.done("inner saw " + n);
    }

    /** Deep recursion: a chain of {@code depth} delegating generators. */
    @Generator
    public static Iterable<Integer> deep(int depth) {
        if (depth == 0) {
            Yield.value(0);
        } else {
            Yield.value(depth);
            Yield.all(deep(depth - 1));
        }
        return Yield.done();
    }
}
