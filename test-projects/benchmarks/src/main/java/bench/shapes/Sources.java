package bench.shapes;

import bench.Tree;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * What a program calls, through an interface: {@link GeneratorSources} implements it with
 * {@code @Generator} instance methods, {@link HandWrittenSources} with the iterators one writes
 * by hand.
 */
public interface Sources {

    /** 0, 1, ..., n-1. */
    Iterator<Integer> range(int n);

    /** base, base + 1, base + 2. */
    Iterator<Integer> three(int base);

    /** {@link #range} as a sequential stream. */
    Stream<Integer> rangeStream(int n);

    /** The tree's values in order, each subtree delegated to recursively. */
    Iterator<Integer> inOrder(Tree tree);
}
