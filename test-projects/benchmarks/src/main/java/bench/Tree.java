package bench;

import dev.generators.Generator;
import dev.generators.Yield;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** A balanced binary tree, walked in order recursively: by Yield.all, and by a hand-written chain of iterators. */
public final class Tree {

    final Tree left;
    final int value;
    final Tree right;

    private Tree(Tree left, int value, Tree right) {
        this.left = left;
        this.value = value;
        this.right = right;
    }

    public Tree left() {
        return left;
    }

    public int value() {
        return value;
    }

    public Tree right() {
        return right;
    }

    /** A tree of 2^depth - 1 nodes holding 0 .. 2^depth - 2. */
    public static Tree ofDepth(int depth) {
        return build(0, (1 << depth) - 2);
    }

    private static Tree build(int lo, int hi) {
        if (lo > hi) {
            return null;
        }
        int mid = (lo + hi) >>> 1;
        return new Tree(build(lo, mid - 1), mid, build(mid + 1, hi));
    }

    @Generator
    public Iterator<Integer> inOrder() {
        if (left != null) {
            Yield.all(left.inOrder());
        }
        Yield.value(value);
        if (right != null) {
            Yield.all(right.inOrder());
        }
        return Yield.done();
    }

    /** What a Java developer writes without generators: an iterator per node, each delegating to its children's. */
    public Iterator<Integer> handWritten() {
        return new Iterator<>() {
            private Iterator<Integer> current = left == null ? Collections.emptyIterator() : left.handWritten();
            private int stage; // 0: left, 1: own value, 2: right

            @Override
            public boolean hasNext() {
                while (true) {
                    if (stage == 1) {
                        return true;
                    }
                    if (current.hasNext()) {
                        return true;
                    }
                    if (stage == 2) {
                        return false;
                    }
                    stage = 1;
                }
            }

            @Override
            public Integer next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (stage == 1) {
                    stage = 2;
                    current = right == null ? Collections.emptyIterator() : right.handWritten();
                    return value;
                }
                return current.next();
            }
        };
    }
}
