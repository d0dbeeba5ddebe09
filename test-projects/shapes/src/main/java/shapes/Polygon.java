package shapes;

import dev.generators.Generator;
import dev.generators.Yield;
import java.util.Iterator;

/** Generators in an interface: a default method, a static method and a private method. */
public interface Polygon {

    int sides();

    String name();

    /** A default method that calls the abstract methods of the implementing object. */
    @Generator
    default Iterable<String> edges() {
        for (int i = 0; i < sides(); i++) {
            Yield.value(name() + ":" + i + "-" + ((i + 1) % sides()));
        }
        return Yield.done();
    }

    @Generator
    static Iterable<Integer> interiorAngleSums(int fromSides, int toSides) {
        for (int n = fromSides; n <= toSides; n++) {
            Yield.value((n - 2) * 180);
        }
        return Yield.done();
    }

    @Generator
    private Iterator<String> describePrivately() {
        Yield.value(name());
        Yield.value(sides() + " sides");
        return Yield.done();
    }

    default Iterator<String> describe() {
        return describePrivately();
    }

    record Regular(String name, int sides) implements Polygon {
    }
}
