package validation;

import dev.generators.Generator;
import dev.generators.Yield;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Generic class, generic generator method, an abstract base whose generator calls the subclass. */
public class Box<T extends Comparable<T>> {

    protected final List<T> items = new ArrayList<T>();

    @SafeVarargs
    public Box(T... items) {
        for (T t : items) {
            this.items.add(t);
        }
    }

    @Generator
    public Iterable<T> sortedAbove(T floor) {
        List<T> copy = new ArrayList<T>(items);
        java.util.Collections.sort(copy);
        for (T t : copy) {
            if (t.compareTo(floor) > 0) {
                Yield.value(t);
            }
        }
        return Yield.done();
    }

    @Generator
    public <U> Iterable<U> map(Function<? super T, U> f) {
        for (T t : items) {
            Yield.value(f.apply(t));
        }
        return Yield.done();
    }

    /** An abstract class: the generator calls an abstract method implemented by a subclass. */
    public abstract static class Template {
        protected abstract String step(int i);

        @Generator
        public Iterable<String> steps(int n) {
            for (int i = 0; i < n; i++) {
                Yield.value(step(i));
            }
            return Yield.done();
        }
    }

    /** The override of a generic generator: javac makes a bridge, which is left alone. */
    public static final class Strings extends Box<String> {
        public Strings(String... items) {
            super(items);
        }

        @Override
        @Generator
        public Iterable<String> sortedAbove(String floor) {
            Yield.value("strings above " + floor);
            Yield.all(super.sortedAbove(floor));
            return Yield.done();
        }
    }
}
