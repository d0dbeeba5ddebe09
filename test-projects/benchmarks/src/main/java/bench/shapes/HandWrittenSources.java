package bench.shapes;

import bench.Tree;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** {@link Sources} as one writes it without generators. */
public final class HandWrittenSources implements Sources {

    @Override
    public Iterator<Integer> range(int n) {
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public Integer next() {
                if (i >= n) {
                    throw new NoSuchElementException();
                }
                return i++;
            }
        };
    }

    @Override
    public Iterator<Integer> three(int base) {
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < 3;
            }

            @Override
            public Integer next() {
                if (i >= 3) {
                    throw new NoSuchElementException();
                }
                return base + i++;
            }
        };
    }

    @Override
    public Stream<Integer> rangeStream(int n) {
        return StreamSupport.stream(new RangeSpliterator(n), false);
    }

    @Override
    public Iterator<Integer> inOrder(Tree tree) {
        return new Iterator<>() {
            private Iterator<Integer> current =
                    tree.left() == null ? Collections.emptyIterator() : inOrder(tree.left());
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
                    current = tree.right() == null ? Collections.emptyIterator() : inOrder(tree.right());
                    return tree.value();
                }
                return current.next();
            }
        };
    }

    /** 0 .. n-1, one at a time or all at once. */
    private static final class RangeSpliterator implements Spliterator<Integer> {
        private final int n;
        private int i;

        RangeSpliterator(int n) {
            this.n = n;
        }

        @Override
        public boolean tryAdvance(Consumer<? super Integer> action) {
            if (i >= n) {
                return false;
            }
            action.accept(i++);
            return true;
        }

        @Override
        public void forEachRemaining(Consumer<? super Integer> action) {
            for (; i < n; i++) {
                action.accept(i);
            }
        }

        @Override
        public Spliterator<Integer> trySplit() {
            return null;
        }

        @Override
        public long estimateSize() {
            return n - i;
        }

        @Override
        public int characteristics() {
            return ORDERED | NONNULL;
        }
    }
}
