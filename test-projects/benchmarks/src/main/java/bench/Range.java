package bench;

import dev.generators.Generator;
import dev.generators.Yield;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** 0, 1, ..., n-1: as a generator, and as the iterator one would write by hand. */
public final class Range {

    private Range() {
    }

    @Generator
    public static Iterator<Integer> generator(int n) {
        for (int i = 0; i < n; i++) {
            Yield.value(i);
        }
        return Yield.done();
    }

    /** The same, declared {@code Iterable}, as for-each loops take it. */
    @Generator
    public static Iterable<Integer> iterable(int n) {
        for (int i = 0; i < n; i++) {
            Yield.value(i);
        }
        return Yield.done();
    }

    public static Iterator<Integer> handWritten(int n) {
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
}
