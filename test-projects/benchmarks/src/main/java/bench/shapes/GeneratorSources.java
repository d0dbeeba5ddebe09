package bench.shapes;

import bench.Tree;
import dev.generators.Generator;
import dev.generators.Yield;
import java.util.Iterator;
import java.util.stream.Stream;

/** {@link Sources} as a user writes it with generators: instance methods. */
public final class GeneratorSources implements Sources {

    @Override
    @Generator
    public Iterator<Integer> range(int n) {
        for (int i = 0; i < n; i++) {
            Yield.value(i);
        }
        return Yield.done();
    }

    @Override
    @Generator
    public Iterator<Integer> three(int base) {
        Yield.value(base);
        Yield.value(base + 1);
        Yield.value(base + 2);
        return Yield.done();
    }

    @Override
    @Generator
    public Stream<Integer> rangeStream(int n) {
        for (int i = 0; i < n; i++) {
            Yield.value(i);
        }
        return Yield.done();
    }

    @Override
    @Generator
    public Iterator<Integer> inOrder(Tree tree) {
        if (tree.left() != null) {
            Yield.all(inOrder(tree.left()));
        }
        Yield.value(tree.value());
        if (tree.right() != null) {
            Yield.all(inOrder(tree.right()));
        }
        return Yield.done();
    }
}
