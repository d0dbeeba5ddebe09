package validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/** Small helpers that drain generators into lists (Java 8: no List.of). */
final class Collect {

    private Collect() {
    }

    static <T> List<T> list(Iterable<T> iterable) {
        List<T> out = new ArrayList<T>();
        for (T t : iterable) {
            out.add(t);
        }
        return out;
    }

    static <T> List<T> list(Iterator<T> iterator) {
        List<T> out = new ArrayList<T>();
        while (iterator.hasNext()) {
            out.add(iterator.next());
        }
        return out;
    }

    /** Every generator object is a Coroutine at run time, whatever its method declares. */
    @SuppressWarnings("unchecked")
    static <Y> dev.generators.Coroutine<Y, Object, Object> coroutine(Iterator<Y> iterator) {
        return (dev.generators.Coroutine<Y, Object, Object>) iterator;
    }

    @SafeVarargs
    static <T> List<T> of(T... items) {
        return Arrays.asList(items);
    }
}
