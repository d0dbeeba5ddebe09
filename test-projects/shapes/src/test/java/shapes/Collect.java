package shapes;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Small helpers that drain generators into lists. */
final class Collect {

    private Collect() {
    }

    static <T> List<T> list(Iterable<T> iterable) {
        List<T> out = new ArrayList<>();
        for (T t : iterable) {
            out.add(t);
        }
        return out;
    }

    static <T> List<T> list(Iterator<T> iterator) {
        List<T> out = new ArrayList<>();
        while (iterator.hasNext()) {
            out.add(iterator.next());
        }
        return out;
    }

    /** Python's {@code firstn(g, n)}: {@code [next(g) for i in range(n)]}. */
    static <T> List<T> firstn(Iterator<T> g, int n) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(g.next());
        }
        return out;
    }
}
