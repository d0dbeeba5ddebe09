package validation;

import dev.generators.Generator;
import dev.generators.Yield;
import java.util.ArrayList;
import java.util.List;

/**
 * A NEW inside a loop whose header's frame changes on the back edge (null merged with
 * StringBuilder; String merged with StringBuilder), so an analysis visits the loop body twice.
 */
public final class NewInLoop {

    private NewInLoop() {
    }

    @Generator
    public static Iterable<Object> afterNull(int n) {
        Object last = null;
        for (int i = 0; i < n; i++) {
            last = new StringBuilder("x" + i);
            Yield.value(last);
        }
        return Yield.done();
    }

    @Generator
    public static Iterable<String> widened(int n) {
        CharSequence s = "start";
        List<String> seen = new ArrayList<String>();
        for (int i = 0; i < n; i++) {
            seen.add(s.toString());
            s = new StringBuilder(s).append(i);
            Yield.value(s.toString());
        }
        Yield.value(seen.toString());
        return Yield.done();
    }
}
