package shapes;

import dev.generators.Generator;
import dev.generators.Yield;

/** A record whose generators use its components. */
public record Span(int from, int to, int step) {

    public Span {
        if (step == 0) {
            throw new IllegalArgumentException("step 0");
        }
    }

    /** Python's range(from, to, step). */
    @Generator
    public Iterable<Integer> values() {
        if (step > 0) {
            for (int i = from; i < to; i += step) {
                Yield.value(i);
            }
        } else {
            for (int i = from; i > to; i += step) {
                Yield.value(i);
            }
        }
        return Yield.done();
    }

    /** Reads the components through their accessors and directly. */
    @Generator
    public Iterable<String> describe() {
        Yield.value("from " + from());
        Yield.value("to " + to);
        Yield.value(this.toString());
        return Yield.done();
    }

    @Generator
    public static Iterable<Span> halves(int from, int to) {
        int middle = (from + to) / 2;
        Yield.value(new Span(from, middle, 1));
        Yield.value(new Span(middle, to, 1));
        return Yield.done();
    }
}
